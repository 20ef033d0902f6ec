import { translate } from '../islands/strings.ts';
import type { SearchConfig } from './config.ts';
import { hasFilters, type ChosenFilters } from './filters.ts';
import { urlWithQuery } from './history.ts';

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
		? `${translate(config.locale, config.strings.documentTitle, { query })} · ${config.siteName}`
		: pageTitle || document.title;
	for (const a of document.querySelectorAll<HTMLAnchorElement>('a[data-lang-link]')) {
		a.dataset['base'] ??= a.getAttribute('href') ?? '';
		a.setAttribute(
			'href',
			urlWithQuery(new URL(a.dataset['base'], location.origin), query, filters),
		);
	}
}
