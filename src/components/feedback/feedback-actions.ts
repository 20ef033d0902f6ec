/**
 * What the feedback widget does once the reader acts: post the vote and the detailed form as
 * JSON, validate the form, count the comment, and load and solve the ALTCHA captcha. Loaded on
 * the reader's first interaction with the widget (feedback-element.ts), not with the page.
 */
import detailsCss from './details.css?url';
import { articleSections, buildDetailsForm } from './details-form.ts';
import { loadAltcha } from './load-altcha.ts';
import { translate } from '../islands/strings.ts';
import type { FeedbackFormConfig, FeedbackHost } from './feedback-state.ts';
import { linkStylesheet } from '../stylesheet.ts';

/** The part of the ALTCHA widget's API this module uses. */
interface AltchaWidget {
	getState(): string;
	verify(): Promise<{ payload: string } | null>;
	reset(): void;
}
interface Problem {
	errors?: { field: string; message: string }[];
}

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

/** The widget's actions, bound to one `<hc-feedback>` element. */
export class FeedbackActions {
	readonly #host: FeedbackHost;
	#captchaLoaded = false;
	#details: Promise<void> | undefined;

	constructor(host: FeedbackHost) {
		this.#host = host;
	}

	get #el(): HTMLElement {
		return this.#host.element;
	}

	/** Updates the "12 of 1,000 characters" counter of the comment. */
	count(comment: HTMLTextAreaElement): void {
		const counter = this.#el.querySelector('#feedback-comment-counter');
		if (counter) {
			counter.textContent = translate(this.#el.dataset['lang'] ?? '', this.#host.strings.counter, {
				used: comment.value.length,
				max: comment.maxLength,
			});
		}
	}

	async #post(body: Record<string, unknown>): Promise<Response | undefined> {
		this.#fail('');
		const { strings } = this.#host;
		try {
			const response = await fetch(this.#el.dataset['endpoint'] ?? '/api/feedback', {
				method: 'POST',
				headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
				body: JSON.stringify({
					article: this.#el.dataset['article'],
					lang: this.#el.dataset['lang'],
					visitor: visitorId(),
					...this.#trap(),
					...body,
				}),
			});
			if (response.status === 429) this.#fail(strings.rateLimited);
			else if (!response.ok && response.status !== 400) this.#fail(strings.error);
			return response;
		} catch {
			this.#fail(strings.error);
			return undefined;
		}
	}

	/** The bot trap's value (FeedbackWidget.astro), sent only when something filled it in. */
	#trap(): { website?: string } {
		const website = this.#el.querySelector<HTMLInputElement>('input[name="website"]')?.value;
		return website ? { website } : {};
	}

	#fail(message: string): void {
		const failure = this.#el.querySelector('.hc-feedback__failure');
		if (failure) failure.textContent = message;
	}

	/** Posts a Yes or No and shows its state. */
	async vote(vote: 'yes' | 'no'): Promise<void> {
		// The "No" form is fetched while the vote is posted, and is in place before the focus moves
		// to its state: a keyboard reader's next Tab lands in it, not past it.
		const details = vote === 'no' ? this.openDetails() : undefined;
		const response = await this.#post({ vote });
		if (!response?.ok) {
			if (response?.status === 400) this.#fail(this.#host.strings.error);
			return;
		}
		this.#host.remember({ vote, sent: false });
		await details;
		this.#host.show(vote, true);
	}

	/** Validates and posts the detailed "No" form. */
	async sendDetails(form: HTMLFormElement): Promise<void> {
		const { strings } = this.#host;
		const data = new FormData(form);
		const reasons = data.getAll('reasons').map(String);
		if (!this.#fieldError('reasons', reasons.length ? '' : strings.reasonsError)) {
			return form.querySelector<HTMLInputElement>('input[name="reasons"]')?.focus();
		}
		const submit = form.querySelector<HTMLButtonElement>('button[type="submit"]')!;
		submit.disabled = true;
		submit.textContent = strings.sending;
		// The proof of work may still be running: wait for it rather than refuse the reader.
		const captcha = String(data.get('captcha') ?? '') || (await this.#solveCaptcha());
		const response = this.#fieldError('captcha', captcha ? '' : strings.captchaError)
			? await this.#post({
					vote: 'no',
					reasons,
					comment: String(data.get('comment') ?? ''),
					section: String(data.get('section') ?? ''),
					captcha,
				})
			: undefined;
		submit.disabled = false;
		submit.textContent = strings.submit;
		if (response?.ok) {
			this.#host.remember({ vote: 'no', sent: true });
			return this.#host.show('sent', true);
		}
		if (response?.status === 400) {
			const problem = (await response.json().catch(() => ({}))) as Problem;
			const fields = new Set(problem.errors?.map((e) => e.field));
			if (fields.has('captcha')) this.#fieldError('captcha', strings.captchaError);
			if (fields.has('reasons')) this.#fieldError('reasons', strings.reasonsError);
			if (!fields.has('captcha') && !fields.has('reasons')) this.#fail(strings.error);
			this.#captcha()?.reset();
		}
	}

	#captcha() {
		return this.#el.querySelector<HTMLElement & AltchaWidget>('altcha-widget');
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
		const error = this.#el.querySelector<HTMLElement>(`#feedback-${field}-error`);
		if (error) {
			error.textContent = message;
			error.hidden = !message;
		}
		if (field === 'reasons') {
			for (const box of this.#el.querySelectorAll('input[name="reasons"]')) {
				if (message) box.setAttribute('aria-invalid', 'true');
				else box.removeAttribute('aria-invalid');
			}
		}
		return !message;
	}

	/**
	 * Shows the "No" form: built once from its labels file and the article's sections, with its
	 * stylesheet, then the captcha starts its proof of work. A failed fetch says so and lets a
	 * later "No" try again.
	 */
	openDetails(): Promise<void> {
		this.#details ??= this.#buildDetails().catch(() => {
			this.#details = undefined;
			this.#fail(this.#host.strings.error);
		});
		return this.#details;
	}

	async #buildDetails(): Promise<void> {
		const src = this.#el.dataset['formSrc'] ?? '';
		const [config] = await Promise.all([
			fetch(src).then(async (r) => {
				if (!r.ok) throw new Error(`${src}: ${r.status}`);
				return (await r.json()) as FeedbackFormConfig;
			}),
			linkStylesheet(detailsCss),
		]);
		const { strings } = this.#host;
		const form = buildDetailsForm(config, articleSections(), strings.counter, strings.submit);
		form.addEventListener('submit', (event) => {
			event.preventDefault();
			void this.sendDetails(form);
		});
		const comment = form.querySelector('textarea');
		comment?.addEventListener('input', () => this.count(comment));
		// The "choose a reason" error goes as soon as a reason is ticked.
		form.querySelector('.hc-feedback__reasons')?.addEventListener('change', () => {
			if (form.querySelector('input[name="reasons"]:checked')) this.#fieldError('reasons', '');
		});
		this.#el.querySelector('#feedback-no')?.append(form);
		// Not awaited: the form is usable while ALTCHA loads and starts its proof of work.
		void this.loadCaptcha();
	}

	/** Loads ALTCHA (and its translation) on first use only; proof of work starts straight away. */
	async loadCaptcha(): Promise<void> {
		if (this.#captchaLoaded) return;
		this.#captchaLoaded = true;
		const lang = this.#el.dataset['lang'] === 'nl' ? 'nl' : 'en';
		await loadAltcha(lang);
		const widget = document.createElement('altcha-widget');
		widget.setAttribute('challenge', `${this.#el.dataset['endpoint']}/challenge`);
		widget.setAttribute('language', lang);
		widget.setAttribute('name', 'captcha');
		widget.setAttribute('auto', 'onload');
		widget.addEventListener('verified', () => this.#fieldError('captcha', ''));
		this.#el.querySelector('.hc-feedback__captcha')?.append(widget);
	}
}
