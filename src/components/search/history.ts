/** The part of a results page URL that is the search: the query text. */
export function queryFromUrl(url: URL): string {
	return (url.searchParams.get('q') ?? '').trim();
}

/** The same page with another query (an empty query removes the parameter). */
export function urlWithQuery(url: URL, query: string): string {
	const next = new URL(url.href);
	if (query) next.searchParams.set('q', query);
	else next.searchParams.delete('q');
	return next.pathname + next.search + next.hash;
}

/** What the results page keeps in `history.state`. */
interface EntryState {
	hcSearch: true;
	/** A committed entry stays in history: the next edit starts a new entry instead of replacing it. */
	committed: boolean;
}

function isEntryState(value: unknown): value is EntryState {
	return typeof value === 'object' && value !== null && 'hcSearch' in value;
}

/**
 * Keeps the results page URL equal to what it shows, so it can be shared and back/forward
 * restore earlier searches. Typing replaces the current entry; a query the reader settled on
 * (Enter, leaving the box, opening a result) is committed, and the next edit pushes a new entry.
 */
export class QueryHistory {
	/** Marks the entry the page was loaded with as committed. */
	start(): void {
		history.replaceState({ hcSearch: true, committed: true } satisfies EntryState, '');
	}

	/** Shows a query in the address bar. */
	show(query: string): void {
		const url = urlWithQuery(new URL(location.href), query);
		if (url === location.pathname + location.search + location.hash) return;
		const state: EntryState = { hcSearch: true, committed: false };
		const committed = !isEntryState(history.state) || history.state.committed;
		if (committed) history.pushState(state, '', url);
		else history.replaceState(state, '', url);
	}

	/** Keeps the current entry in history. */
	commit(): void {
		history.replaceState({ hcSearch: true, committed: true } satisfies EntryState, '');
	}
}
