/**
 * `<hc-site-header>`: the header's phone layout (Header.astro). At load it only turns the search
 * link into a button and shows the menu button; what they do (site-header-actions.ts) loads on
 * the first press, so articles carry a few hundred bytes for it, not the whole behaviour.
 * On wider screens both buttons are hidden by CSS.
 */
class SiteHeader extends HTMLElement {
	connectedCallback(): void {
		const opener = this.querySelector('.hc-header__open-search');
		const menu = this.querySelector<HTMLButtonElement>('.hc-header__menu');
		const close = this.querySelector<HTMLButtonElement>('.hc-header__close');
		if (!opener || !menu || !close) return;
		// Without this script it is a link to the results page; now it opens the header's box.
		opener.setAttribute('role', 'button');
		opener.setAttribute('aria-controls', 'site-search');
		opener.setAttribute('aria-expanded', 'false');
		menu.hidden = close.hidden = false;
		let actions: Promise<typeof import('./site-header-actions.ts')> | undefined;
		this.addEventListener('click', (event) => {
			const button = (event.target as Element).closest(
				'.hc-header__open-search, .hc-header__menu, .hc-header__close',
			);
			if (!button) return;
			event.preventDefault();
			actions ??= import('./site-header-actions.ts');
			void actions.then((m) => m.press(this, button));
		});
		this.dataset['enhanced'] = '';
	}
}

customElements.define('hc-site-header', SiteHeader);
