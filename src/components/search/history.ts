import { filterNames, type ChosenFilters } from './filters.ts';

/** The part of a results page URL that is the search: the query text. */
export function queryFromUrl(url: URL): string {
	return (url.searchParams.get('q') ?? '').trim();
}

/** Parameter of a results page URL asking for the words as typed, without spelling correction. */
export const verbatimParam = 'exact';

/** Whether a results page URL asks for the words as typed. */
export function verbatimFromUrl(url: URL): boolean {
	return url.searchParams.get(verbatimParam) === '1';
}

/**
 * The same page with another query and filters (an empty query or an unset filter removes its
 * parameter; other parameters stay). `verbatim` keeps the "words as typed" parameter.
 */
export function urlWithQuery(
	url: URL,
	query: string,
	filters: ChosenFilters = {},
	verbatim = false,
): string {
	const next = new URL(url.href);
	const set = (name: string, value: string | undefined) => {
		if (value) next.searchParams.set(name, value);
		else next.searchParams.delete(name);
	};
	set('q', query);
	for (const name of filterNames) set(name, filters[name]);
	set(verbatimParam, verbatim && query ? '1' : undefined);
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
	/**
	 * Marks the entry the page was loaded with as committed, and tidies its URL in place to the
	 * search it shows: a form sent before this code arrived (or without it) carries its empty
	 * filters along (`?q=icloud&category=&provider=`), and tidying that later would add an entry
	 * that Back returns to.
	 */
	start(query: string, filters: ChosenFilters = {}, verbatim = false): void {
		const url = urlWithQuery(new URL(location.href), query, filters, verbatim);
		history.replaceState({ hcSearch: true, committed: true } satisfies EntryState, '', url);
	}

	/** Shows a query and its filters in the address bar. */
	show(query: string, filters: ChosenFilters = {}, verbatim = false): void {
		const url = urlWithQuery(new URL(location.href), query, filters, verbatim);
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
