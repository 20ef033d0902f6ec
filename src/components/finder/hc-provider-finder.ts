/**
 * `<hc-provider-finder>`: answers the finder's form in place. A domain in the provider data is
 * matched here and nothing is sent; for any other domain only the domain (never the part before
 * the @) goes to `/api/mail-provider`. When that fails (a static host without the server, a
 * network error) the own-domain guide is offered, so no address dead-ends.
 */
import {
	browserToAscii,
	normaliseDomain,
	type DomainProblem,
} from '../../lib/mail-provider/domain.ts';
import { providerForDomain } from '../../lib/mail-provider/guides.ts';

interface FinderProvider {
	id: string;
	name: string;
	domains: string[];
	href: string;
	isGuide: boolean;
}

interface FinderConfig {
	lang: string;
	api: string;
	fallback: string;
	providers: FinderProvider[];
	strings: Record<string, string>;
}

/** The API's answer, as far as the finder reads it. */
interface ApiAnswer {
	provider: { id: string; name: string } | null;
	guide: string;
	isGuide: boolean;
	reason: 'unknown' | 'filtered' | 'no-domain' | 'not-checked' | null;
}

/** Longer than the server's DNS timeout (2 s), shorter than a reader's patience. */
const apiTimeoutMs = 8000;

function fill(template: string | undefined, values: Record<string, string>): string {
	return (template ?? '').replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? '');
}

function isAnswer(value: unknown): value is ApiAnswer {
	const v = value as Partial<ApiAnswer> | null;
	return typeof v?.guide === 'string' && v.guide.startsWith('/') && 'provider' in v;
}

class ProviderFinder extends HTMLElement {
	#config!: FinderConfig;
	#result!: HTMLElement;
	#input!: HTMLInputElement;
	/** Counts submissions, so a late answer to an earlier one is dropped. */
	#turn = 0;

	connectedCallback() {
		const form = this.querySelector('form');
		const input = this.querySelector('input');
		const result = this.querySelector<HTMLElement>('.hc-finder__result');
		if (!form || !input || !result) return;
		this.#config = JSON.parse(this.dataset['config'] ?? '{}') as FinderConfig;
		this.#result = result;
		this.#input = input;
		form.addEventListener('submit', (event) => {
			event.preventDefault();
			void this.#find();
		});
	}

	#say(message: string, link?: { href: string; label: string }) {
		const p = document.createElement('p');
		p.textContent = message;
		const nodes: Node[] = [p];
		if (link) {
			const a = document.createElement('a');
			a.className = 'hc-button hc-finder__go';
			a.href = link.href;
			a.textContent = link.label;
			nodes.push(a);
		}
		this.#result.replaceChildren(...nodes);
	}

	#found(name: string, href: string, isGuide: boolean) {
		const s = this.#config.strings;
		const label = fill(isGuide ? s['openGuide'] : s['openSettings'], { provider: name });
		this.#say(fill(s['found'], { provider: name }), { href, label });
	}

	#ownDomain(message: string | undefined, domain: string) {
		const s = this.#config.strings;
		this.#say(fill(message, { domain }), {
			href: this.#config.fallback,
			label: s['ownDomainLink'] ?? '',
		});
	}

	async #find() {
		const turn = ++this.#turn;
		const s = this.#config.strings;
		const parsed = normaliseDomain(this.#input.value, browserToAscii, 'strip');
		this.#input.setAttribute('aria-invalid', String(!parsed.ok));
		if (!parsed.ok) {
			const messages: Partial<Record<DomainProblem, string | undefined>> = {
				'ip-literal': s['invalidIp'],
				'too-long': s['tooLong'],
				'label-too-long': s['tooLong'],
			};
			return this.#say(messages[parsed.problem] ?? s['invalid'] ?? '');
		}
		const { domain } = parsed;
		const known = providerForDomain(domain, this.#config.providers);
		if (known) return this.#found(known.name, known.href, known.isGuide);
		this.#say(fill(s['checking'], { domain }));
		const answer = await this.#ask(domain);
		if (turn !== this.#turn) return;
		if (!answer) return this.#ownDomain(s['notChecked'], domain);
		if (answer.provider) {
			return this.#found(answer.provider.name, answer.guide, answer.isGuide);
		}
		const message = { 'no-domain': s['noDomain'], 'not-checked': s['notChecked'] };
		this.#ownDomain(
			answer.reason === 'no-domain' || answer.reason === 'not-checked'
				? message[answer.reason]
				: s['unknown'],
			domain,
		);
	}

	/** The API's answer, or null when there is none to use (no server, an error, a timeout). */
	async #ask(domain: string): Promise<ApiAnswer | null> {
		const query = new URLSearchParams({ domain, lang: this.#config.lang });
		try {
			const response = await fetch(`${this.#config.api}?${query}`, {
				headers: { Accept: 'application/json' },
				signal: AbortSignal.timeout(apiTimeoutMs),
			});
			if (!response.ok) return null;
			const body: unknown = await response.json();
			return isAnswer(body) ? body : null;
		} catch {
			return null;
		}
	}
}

customElements.define('hc-provider-finder', ProviderFinder);
