import { format, type SearchConfig } from './config.ts';

/**
 * Keeps the results page in step with its query: the list of all articles shows only without a
 * query, the document title names the query, and the language switch carries it along.
 */
export function syncResultsPage(query: string, config: SearchConfig, pageTitle: string): void {
	const browse = document.querySelector<HTMLElement>('[data-search-browse]');
	if (browse) browse.hidden = query !== '';
	document.title = query
		? `${format(config.strings.documentTitle, { query })} · ${config.siteName}`
		: pageTitle || document.title;
	for (const a of document.querySelectorAll<HTMLAnchorElement>('a[data-lang-link]')) {
		a.dataset['base'] ??= a.getAttribute('href') ?? '';
		const url = new URL(a.dataset['base'], location.origin);
		if (query) url.searchParams.set('q', query);
		a.setAttribute('href', url.pathname + url.search);
	}
}
