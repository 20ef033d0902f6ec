/**
 * What the phone header's buttons do (site-header.ts loads this on the first press). The search
 * button opens the header's own search box full screen as a modal: the rest of the page inert,
 * Esc or the close button to leave, focus back on the button. The menu button shows language and
 * theme; Esc or a click elsewhere closes it.
 */
const inert: HTMLElement[] = [];
const wired = new WeakSet<HTMLElement>();

function parts(header: HTMLElement) {
	return {
		opener: header.querySelector<HTMLElement>('.hc-header__open-search')!,
		search: header.querySelector<HTMLElement>('.hc-header__search')!,
		menu: header.querySelector<HTMLButtonElement>('.hc-header__menu')!,
		tools: header.querySelector<HTMLElement>('.hc-header__tools')!,
	};
}

/** Runs the pressed button's action, wiring the keyboard and outside clicks on first use. */
export function press(header: HTMLElement, button: Element): void {
	const { opener, search, menu } = parts(header);
	if (!wired.has(header)) {
		wired.add(header);
		search.addEventListener('keydown', (event) => {
			if (event.key === 'Escape' && search.hasAttribute('data-open')) closeSearch(header);
		});
		// Esc anywhere in the header closes an open menu, even if the focus never went into it.
		header.addEventListener('keydown', (event) => {
			if (event.key !== 'Escape' || menu.getAttribute('aria-expanded') !== 'true') return;
			toggleMenu(header, false);
			menu.focus();
		});
		document.addEventListener('click', (event) => {
			if (!header.contains(event.target as Node)) toggleMenu(header, false);
		});
		// Turned or widened past the phone layout while open: the box is back in the header, so
		// the page must not stay inert behind a dialog nobody sees.
		matchMedia('(max-width: 40rem)').addEventListener('change', (event) => {
			if (!event.matches && search.hasAttribute('data-open')) closeSearch(header);
		});
	}
	if (button === opener) openSearch(header);
	else if (button === menu) toggleMenu(header);
	else closeSearch(header);
}

function openSearch(header: HTMLElement): void {
	const { opener, search } = parts(header);
	search.setAttribute('data-open', '');
	search.setAttribute('role', 'dialog');
	search.setAttribute('aria-modal', 'true');
	search.setAttribute('aria-label', search.dataset['dialogLabel'] ?? '');
	opener.setAttribute('aria-expanded', 'true');
	// Everything but the box, from the box up to <body>, is inert while it is open.
	for (let node: HTMLElement | null = search; node && node !== document.body;) {
		const parent: HTMLElement | null = node.parentElement;
		for (const sibling of parent?.children ?? []) {
			if (sibling !== node && sibling instanceof HTMLElement && !sibling.inert) {
				sibling.inert = true;
				inert.push(sibling);
			}
		}
		node = parent;
	}
	document.documentElement.style.overflow = 'hidden';
	search.querySelector('input')?.focus();
}

function closeSearch(header: HTMLElement): void {
	const { opener, search } = parts(header);
	search.removeAttribute('data-open');
	for (const name of ['role', 'aria-modal', 'aria-label']) search.removeAttribute(name);
	opener.setAttribute('aria-expanded', 'false');
	for (const node of inert.splice(0)) node.inert = false;
	document.documentElement.style.overflow = '';
	opener.focus();
}

function toggleMenu(header: HTMLElement, open?: boolean): void {
	const { menu, tools } = parts(header);
	const next = open ?? menu.getAttribute('aria-expanded') !== 'true';
	menu.setAttribute('aria-expanded', String(next));
	tools.toggleAttribute('data-open', next);
}
