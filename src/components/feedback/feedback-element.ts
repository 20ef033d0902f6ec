/**
 * <hc-feedback>: enhances the no-JS feedback form. Posts JSON to the feedback API, remembers the
 * answer in localStorage (no cookie, no personal data: an anonymous random visitor id), and loads
 * the ALTCHA proof-of-work widget only when the reader opens the "No" form.
 */

import { loadAltcha } from './load-altcha.ts';

type State = 'question' | 'yes' | 'no' | 'sent';
type Strings = Record<
	| 'reasonsError'
	| 'captchaError'
	| 'counter'
	| 'sending'
	| 'submit'
	| 'error'
	| 'rateLimited'
	| 'summaryOne'
	| 'summaryOther',
	string
>;
interface Remembered {
	vote: 'yes' | 'no';
	sent: boolean;
}
/** The part of the ALTCHA widget's API this element uses. */
interface AltchaWidget {
	getState(): string;
	verify(): Promise<{ payload: string } | null>;
	reset(): void;
}
interface Problem {
	errors?: { field: string; message: string }[];
}

/** Fills `{{name}}` placeholders. */
const fill = (template: string, values: Record<string, string | number>) =>
	template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''));

function storage(): Storage | undefined {
	try {
		return window.localStorage;
	} catch {
		return undefined; // blocked: the widget still works, it just forgets on reload
	}
}

/** The anonymous visitor id that lets a reader change their vote. */
function visitorId(): string {
	const store = storage();
	let id = store?.getItem('hc-visitor') ?? '';
	if (!/^[0-9a-f-]{36}$/.test(id)) {
		id = crypto.randomUUID();
		store?.setItem('hc-visitor', id);
	}
	return id;
}

class FeedbackElement extends HTMLElement {
	#strings = {} as Strings;
	#key = '';
	#captchaLoaded = false;

	connectedCallback() {
		this.#strings = JSON.parse(this.dataset['strings'] ?? '{}') as Strings;
		this.#key = `hc-feedback:${this.dataset['lang']}:${this.dataset['article']}`;
		const voteForm = this.querySelector<HTMLFormElement>('.hc-feedback__vote');
		const details = this.querySelector<HTMLFormElement>('.hc-feedback__details');
		const change = this.querySelector<HTMLButtonElement>('.hc-feedback__change');
		const comment = this.querySelector<HTMLTextAreaElement>('textarea');
		if (!voteForm || !details || !change || !comment) return;

		voteForm.addEventListener('submit', (event) => {
			event.preventDefault();
			const vote = (event.submitter as HTMLButtonElement | null)?.value;
			if (vote === 'yes' || vote === 'no') void this.#vote(vote);
		});
		details.addEventListener('submit', (event) => {
			event.preventDefault();
			void this.#sendDetails(details);
		});
		change.addEventListener('click', () => this.#show('question', true));
		comment.addEventListener('input', () => this.#count(comment));
		details.hidden = false;
		this.dataset['enhanced'] = '';

		const fromRedirect = /^#feedback-(yes|no)$/.exec(location.hash)?.[1] as
			'yes' | 'no' | undefined;
		if (fromRedirect) this.#remember({ vote: fromRedirect, sent: false });
		const remembered = this.#recall();
		this.#show(remembered ? (remembered.sent ? 'sent' : remembered.vote) : 'question', false);
		void this.#loadSummary();
	}

	#recall(): Remembered | undefined {
		try {
			const value = JSON.parse(storage()?.getItem(this.#key) ?? 'null') as Remembered | null;
			return value && (value.vote === 'yes' || value.vote === 'no') ? value : undefined;
		} catch {
			return undefined;
		}
	}

	#remember(value: Remembered) {
		storage()?.setItem(this.#key, JSON.stringify(value));
	}

	/** Shows one state; moves focus there when the reader caused the change. */
	#show(state: State, focus: boolean) {
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
		if (state === 'no') void this.#loadCaptcha();
		if (!focus) return;
		(target ?? this.querySelector<HTMLElement>('.hc-feedback__buttons button'))?.focus();
	}

	#count(comment: HTMLTextAreaElement) {
		const counter = this.querySelector('#feedback-comment-counter');
		if (counter) {
			counter.textContent = fill(this.#strings.counter, {
				used: comment.value.length,
				max: comment.maxLength,
			});
		}
	}

	async #post(body: Record<string, unknown>): Promise<Response | undefined> {
		this.#fail('');
		try {
			const response = await fetch(this.dataset['endpoint'] ?? '/api/feedback', {
				method: 'POST',
				headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
				body: JSON.stringify({
					article: this.dataset['article'],
					lang: this.dataset['lang'],
					visitor: visitorId(),
					...body,
				}),
			});
			if (response.status === 429) this.#fail(this.#strings.rateLimited);
			else if (!response.ok && response.status !== 400) this.#fail(this.#strings.error);
			return response;
		} catch {
			this.#fail(this.#strings.error);
			return undefined;
		}
	}

	#fail(message: string) {
		const failure = this.querySelector('.hc-feedback__failure');
		if (failure) failure.textContent = message;
	}

	async #vote(vote: 'yes' | 'no') {
		const response = await this.#post({ vote });
		if (!response?.ok) {
			if (response?.status === 400) this.#fail(this.#strings.error);
			return;
		}
		this.#remember({ vote, sent: false });
		this.#show(vote, true);
	}

	async #sendDetails(form: HTMLFormElement) {
		const data = new FormData(form);
		const reasons = data.getAll('reasons').map(String);
		if (!this.#fieldError('reasons', reasons.length ? '' : this.#strings.reasonsError)) {
			return form.querySelector<HTMLInputElement>('input[name="reasons"]')?.focus();
		}
		const submit = form.querySelector<HTMLButtonElement>('button[type="submit"]')!;
		submit.disabled = true;
		submit.textContent = this.#strings.sending;
		// The proof of work may still be running: wait for it rather than refuse the reader.
		const captcha = String(data.get('captcha') ?? '') || (await this.#solveCaptcha());
		const response = this.#fieldError('captcha', captcha ? '' : this.#strings.captchaError)
			? await this.#post({
					vote: 'no',
					reasons,
					comment: String(data.get('comment') ?? ''),
					section: String(data.get('section') ?? ''),
					captcha,
				})
			: undefined;
		submit.disabled = false;
		submit.textContent = this.#strings.submit;
		if (response?.ok) {
			this.#remember({ vote: 'no', sent: true });
			return this.#show('sent', true);
		}
		if (response?.status === 400) {
			const problem = (await response.json().catch(() => ({}))) as Problem;
			const fields = new Set(problem.errors?.map((e) => e.field));
			if (fields.has('captcha')) this.#fieldError('captcha', this.#strings.captchaError);
			if (fields.has('reasons')) this.#fieldError('reasons', this.#strings.reasonsError);
			if (!fields.has('captcha') && !fields.has('reasons')) this.#fail(this.#strings.error);
			this.#captcha()?.reset();
		}
	}

	#captcha() {
		return this.querySelector<HTMLElement & AltchaWidget>('altcha-widget');
	}

	/** Finishes (or restarts) the proof of work; resolves with the payload, or '' if it failed. */
	async #solveCaptcha(): Promise<string> {
		const widget = this.#captcha();
		if (!widget) return '';
		if (widget.getState() !== 'verifying') {
			return (await widget.verify().catch(() => null))?.payload ?? '';
		}
		return new Promise((resolve) => {
			const done = (payload: string) => () => resolve(payload);
			widget.addEventListener(
				'verified',
				(event) => resolve((event as CustomEvent<{ payload: string }>).detail.payload),
				{ once: true },
			);
			widget.addEventListener('error', done(''), { once: true });
			widget.addEventListener('expired', done(''), { once: true });
		});
	}

	/** Shows or clears the error tied to a field; returns true when there is no error. */
	#fieldError(field: 'reasons' | 'captcha', message: string): boolean {
		const error = this.querySelector<HTMLElement>(`#feedback-${field}-error`);
		if (error) {
			error.textContent = message;
			error.hidden = !message;
		}
		if (field === 'reasons') {
			for (const box of this.querySelectorAll('input[name="reasons"]')) {
				if (message) box.setAttribute('aria-invalid', 'true');
				else box.removeAttribute('aria-invalid');
			}
		}
		return !message;
	}

	/** Loads ALTCHA (and its translation) on first use only; proof of work starts straight away. */
	async #loadCaptcha() {
		if (this.#captchaLoaded) return;
		this.#captchaLoaded = true;
		const lang = this.dataset['lang'] === 'nl' ? 'nl' : 'en';
		await loadAltcha(lang);
		const widget = document.createElement('altcha-widget');
		widget.setAttribute('challenge', `${this.dataset['endpoint']}/challenge`);
		widget.setAttribute('language', lang);
		widget.setAttribute('name', 'captcha');
		widget.setAttribute('auto', 'onload');
		widget.addEventListener('verified', () => this.#fieldError('captcha', ''));
		this.querySelector('.hc-feedback__captcha')?.append(widget);
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
			const template = total === 1 ? this.#strings.summaryOne : this.#strings.summaryOther;
			summary.textContent = fill(template, { yes, count: total });
			summary.hidden = false;
		} catch {
			// The summary is a nicety; the question works without it.
		}
	}
}

customElements.define('hc-feedback', FeedbackElement);
