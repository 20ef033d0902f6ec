/**
 * Tells the support team what readers search for (`POST /api/search-log`, src/lib/search-log/):
 * once per settled search — the words the reader stopped at, not every keystroke — and once
 * when a result of it is opened, with its rank. A search settles when the reader acts on it
 * (opens a result, presses Enter on the results page, leaves the box or the page) or leaves its
 * results on screen for {@link settleMs}. Sent with `fetch(keepalive)` so a report survives the
 * navigation it comes with; no cookie goes with it, and a failure is ignored: logging must
 * never get in the reader's way.
 */
import type { SearchOutcome } from './types.ts';

const endpoint = '/api/search-log';
/** Results left on screen this long without more typing count as the reader's search. */
export const settleMs = 3000;
/** The most the server reads of a query (it masks and cuts it to 100 characters itself). */
const maxQuery = 200;

/** A random UUID, also on plain HTTP where `crypto.randomUUID` is missing. */
function uuid(): string {
	if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
	const b = crypto.getRandomValues(new Uint8Array(16));
	b[6] = (b[6]! & 0x0f) | 0x40;
	b[8] = (b[8]! & 0x3f) | 0x80;
	const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function send(body: Record<string, unknown>): void {
	try {
		fetch(endpoint, {
			method: 'POST',
			keepalive: true,
			credentials: 'omit',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify(body),
		}).catch(() => undefined);
	} catch {
		// No fetch, or keepalive refused: the log is not worth an error.
	}
}

interface Pending {
	query: string;
	results: number;
	adjustment: 'none' | 'corrected' | 'partial';
	key: string;
}

/** The search log of one search box. */
export class SearchLog {
	readonly #lang: string;
	#pending: Pending | undefined;
	/** The last search sent, and whether a result of it was opened. */
	#sent: { id: string; key: string; opened: boolean } | undefined;
	#timer: ReturnType<typeof setTimeout> | undefined;

	constructor(lang: string) {
		this.#lang = lang;
		window.addEventListener('pagehide', () => this.settle());
		document.addEventListener('visibilitychange', () => {
			if (document.visibilityState === 'hidden') this.settle();
		});
	}

	/** Results for `query` are on screen. The same results again (a "show more") are not news. */
	shown(query: string, outcome: SearchOutcome): void {
		const key = `${query}\n${outcome.total}\n${outcome.corrected ?? ''}`;
		clearTimeout(this.#timer);
		if (this.#sent?.key === key) {
			this.#pending = undefined;
			return;
		}
		const adjustment = outcome.corrected ? 'corrected' : outcome.exact ? 'none' : 'partial';
		this.#pending = { query: query.slice(0, maxQuery), results: outcome.total, adjustment, key };
		this.#timer = setTimeout(() => this.settle(), settleMs);
	}

	/**
	 * The reader typed on, emptied the box, or handed the search to another page: the results on
	 * screen are not theirs to report.
	 */
	drop(): void {
		clearTimeout(this.#timer);
		this.#pending = undefined;
	}

	/** The reader acted on the results on screen: their search is sent, once. */
	settle(): void {
		clearTimeout(this.#timer);
		const pending = this.#pending;
		if (!pending) return;
		this.#pending = undefined;
		const id = uuid();
		this.#sent = { id, key: pending.key, opened: false };
		send({
			type: 'search',
			id,
			lang: this.#lang,
			query: pending.query,
			results: pending.results,
			adjustment: pending.adjustment,
		});
	}

	/** Result `rank` (1-based) of the search on screen was opened: the first one is reported. */
	opened(rank: number): void {
		this.settle();
		if (!this.#sent || this.#sent.opened) return;
		this.#sent.opened = true;
		send({ type: 'click', id: this.#sent.id, rank });
	}
}
