/**
 * The dashboard's query string: `lang` picks the interface language, `since` narrows the votes
 * and the searches, `article` the votes (searches belong to no article) and `searchLang` the
 * searches (the language of the site they were typed on). A bad value is reported by field (the page shows it next to the control and
 * answers 400), never ignored in silence and never a 500.
 */
import { isLocale, negotiateLocale, type Locale } from '../../i18n/locales.ts';

/** Votes and searches to show. */
export interface AdminFilters {
	/** Votes cast or changed, and searches made, on or after this day (UTC). */
	since?: Date;
	article?: string;
	/** Searches made on this language's pages only. */
	searchLang?: Locale;
}

/** A query parameter with a value the dashboard cannot use. */
export type FilterError = { field: 'since' | 'article' | 'searchLang'; value: string };

/** The filters, and the parameters that were wrong. */
export interface ParsedFilters {
	filters: AdminFilters;
	errors: FilterError[];
}

/**
 * Reads `since` (`YYYY-MM-DD`, a real day), `article` (an article id) and `searchLang` (a site
 * language) from the query.
 */
export function parseFilters(params: URLSearchParams): ParsedFilters {
	const filters: AdminFilters = {};
	const errors: FilterError[] = [];
	const since = params.get('since')?.trim();
	if (since) {
		const date = new Date(`${since}T00:00:00Z`);
		const valid = /^\d{4}-\d{2}-\d{2}$/.test(since) && !Number.isNaN(date.getTime());
		if (valid && date.toISOString().startsWith(since)) {
			filters.since = date;
		} else errors.push({ field: 'since', value: since });
	}
	const article = params.get('article')?.trim();
	if (article) {
		if (/^[a-z0-9-]+(\/[a-z0-9-]+)*$/.test(article) && article.length <= 200) {
			filters.article = article;
		} else errors.push({ field: 'article', value: article });
	}
	const searchLang = params.get('searchLang')?.trim();
	if (searchLang) {
		if (isLocale(searchLang)) filters.searchLang = searchLang;
		else errors.push({ field: 'searchLang', value: searchLang });
	}
	return { filters, errors };
}

/** The interface language: `?lang=` when it is a site language, else `Accept-Language`. */
export function adminLang(url: URL, acceptLanguage: string | null): Locale {
	const asked = url.searchParams.get('lang');
	return isLocale(asked) ? asked : negotiateLocale(acceptLanguage);
}

/** The dashboard URL for a language with the given filters (what links and forms point at). */
export function dashboardUrl(
	path: '/admin/feedback/' | '/admin/feedback.csv' | '/admin/feedback/searches.csv',
	lang: Locale,
	filters: AdminFilters,
): string {
	const params = new URLSearchParams({ lang });
	if (filters.since) params.set('since', filters.since.toISOString().slice(0, 10));
	if (filters.article) params.set('article', filters.article);
	if (filters.searchLang) params.set('searchLang', filters.searchLang);
	return `${path}?${params}`;
}
