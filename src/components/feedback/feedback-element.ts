/**
 * <hc-feedback>: enhances the no-JS feedback form. At load it only restores the answer this
 * browser gave (localStorage: no cookie, no personal data) and shows the vote summary; the code
 * that posts answers, builds and checks the "No" form and loads the ALTCHA captcha
 * (feedback-actions.ts) loads
 * when the reader first points at, focuses or uses the widget, so an article weighs less at load.
 */
import type { FeedbackActions } from './feedback-actions.ts';
import type { FeedbackHost, FeedbackState, FeedbackStrings, Remembered } from './feedback-state.ts';

class FeedbackElement extends HTMLElement implements FeedbackHost {
	readonly element = this;
	strings = {} as FeedbackStrings;
	#key = '';
	#actions: Promise<FeedbackActions> | undefined;

	connectedCallback() {
		this.strings = JSON.parse(this.dataset['strings'] ?? '{}') as FeedbackStrings;
		this.#key = `hc-feedback:${this.dataset['lang']}:${this.dataset['article']}`;
		const voteForm = this.querySelector<HTMLFormElement>('.hc-feedback__vote');
		const change = this.querySelector<HTMLButtonElement>('.hc-feedback__change');
		if (!voteForm || !change) return;

		voteForm.addEventListener('submit', (event) => {
			event.preventDefault();
			const vote = (event.submitter as HTMLButtonElement | null)?.value;
			if (vote === 'yes' || vote === 'no') void this.#act((a) => a.vote(vote));
		});
		change.addEventListener('click', () => this.show('question', true));
		// Fetched as the reader heads for the widget, so a click finds the code there.
		for (const type of ['pointerenter', 'focusin', 'touchstart']) {
			this.addEventListener(type, () => void this.#act(() => undefined), {
				once: true,
				passive: true,
			});
		}
		this.dataset['enhanced'] = '';

		const fromRedirect = /^#feedback-(yes|no)$/.exec(location.hash)?.[1] as
			'yes' | 'no' | undefined;
		if (fromRedirect) this.remember({ vote: fromRedirect, sent: false });
		const remembered = this.#recall();
		this.show(remembered ? (remembered.sent ? 'sent' : remembered.vote) : 'question', false);
		void this.#loadSummary();
	}

	/** Runs `action` with the actions module, loading it on first use. */
	async #act(action: (actions: FeedbackActions) => unknown): Promise<void> {
		this.#actions ??= import('./feedback-actions.ts').then((m) => new m.FeedbackActions(this));
		await action(await this.#actions);
	}

	#storage(): Storage | undefined {
		try {
			return window.localStorage;
		} catch {
			return undefined; // blocked: the widget still works, it just forgets on reload
		}
	}

	#recall(): Remembered | undefined {
		try {
			const value = JSON.parse(this.#storage()?.getItem(this.#key) ?? 'null') as Remembered | null;
			return value && (value.vote === 'yes' || value.vote === 'no') ? value : undefined;
		} catch {
			return undefined;
		}
	}

	/** Keeps the reader's answer for this article in this browser. */
	remember(value: Remembered) {
		this.#storage()?.setItem(this.#key, JSON.stringify(value));
	}

	/** Shows one state; moves focus there when the reader caused the change. */
	show(state: FeedbackState, focus: boolean) {
		this.dataset['state'] = state;
		const remembered = this.#recall();
		for (const button of this.querySelectorAll<HTMLButtonElement>('.hc-feedback__buttons button')) {
			button.setAttribute('aria-pressed', String(remembered?.vote === button.value));
		}
		let target: HTMLElement | null = null;
		for (const panel of this.querySelectorAll<HTMLElement>('.hc-feedback__state')) {
			const active = panel.id === `feedback-${state}`;
			panel.toggleAttribute('data-active', active);
			if (active) target = panel;
		}
		this.querySelector<HTMLElement>('.hc-feedback__change')!.hidden = state === 'question';
		if (state === 'no') void this.#act((a) => a.openDetails());
		if (!focus) return;
		(target ?? this.querySelector<HTMLElement>('.hc-feedback__buttons button'))?.focus();
	}

	async #loadSummary() {
		const params = new URLSearchParams({
			article: this.dataset['article'] ?? '',
			lang: this.dataset['lang'] ?? '',
		});
		try {
			const response = await fetch(`${this.dataset['endpoint']}/summary?${params}`);
			if (!response.ok) return;
			const { yes, total } = (await response.json()) as { yes: number; total: number };
			const summary = this.querySelector<HTMLElement>('.hc-feedback__summary');
			if (!summary || total < 5) return;
			// Loaded here, not with the page: most articles have no summary to show. The language
			// (`nl`, `en`) is all plural rules need of a locale.
			const strings = await import('../islands/strings.ts');
			summary.textContent = strings.translate(this.dataset['lang'] ?? '', this.strings.summary, {
				yes,
				count: total,
			});
			summary.hidden = false;
		} catch {
			// The summary is a nicety; the question works without it.
		}
	}
}

customElements.define('hc-feedback', FeedbackElement);
