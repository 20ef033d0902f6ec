import { format, type SearchConfig } from './config.ts';
import { filterNames, hasFilters, type ChosenFilters } from './filters.ts';

/**
 * Keeps the results page in step with its search: the list of all articles shows only without a
 * query or filter, the document title names the query, and the language switch carries the
 * query and the filters (their ids are the same in every language) along.
 */
export function syncResultsPage(
	query: string,
	filters: ChosenFilters,
	config: SearchConfig,
	pageTitle: string,
): void {
	const browse = document.querySelector<HTMLElement>('[data-search-browse]');
	if (browse) browse.hidden = query !== '' || hasFilters(filters);
	document.title = query
		? `${format(config.strings.documentTitle, { query })} · ${config.siteName}`
		: pageTitle || document.title;
	for (const a of document.querySelectorAll<HTMLAnchorElement>('a[data-lang-link]')) {
		a.dataset['base'] ??= a.getAttribute('href') ?? '';
		const url = new URL(a.dataset['base'], location.origin);
		if (query) url.searchParams.set('q', query);
		for (const name of filterNames) {
			const id = filters[name];
			if (id) url.searchParams.set(name, id);
		}
		a.setAttribute('href', url.pathname + url.search);
	}
}
