import type { Locale } from '../../i18n/locales.ts';

/** The search results page of each language, in that language's words. */
export const searchPagePaths: Record<Locale, string> = { nl: '/nl/zoeken/', en: '/en/search/' };

/** A results page URL for a query (the no-JavaScript form produces the same). */
export function searchPageUrl(lang: Locale, query: string, verbatim = false): string {
	const path = searchPagePaths[lang];
	// `exact=1` (history.ts, verbatimParam): the words as typed, without spelling correction.
	const params = new URLSearchParams({ q: query, ...(verbatim ? { exact: '1' } : {}) });
	return query ? `${path}?${params.toString()}` : path;
}
