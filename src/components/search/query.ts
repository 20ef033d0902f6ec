import type { Locale } from '../../i18n/locales.ts';

/**
 * Words a reader types around the real question ("hoe trek ik een … in", "how do I …").
 * Pagefind requires every word of a query to be on a page, so these are dropped when a query
 * finds nothing as typed. Deliberately short: a word that carries meaning stays.
 */
const stopwords: Record<Locale, ReadonlySet<string>> = {
	nl: new Set(
		'aan al als bij dan dat de die dit door een en er ga gaat het hoe ik in is je jij kan kun kunnen maar me met mijn moet moeten na naar niet nog of om op te toe tot u uw van voor waar waarom wat wanneer welke wil wordt zijn zo'.split(
			' ',
		),
	),
	en: new Set(
		'a an and are as at be by can do does for from get how i in into is it its me my of on or should the to what when where which why will with you your'.split(
			' ',
		),
	),
};

/**
 * Splits a query into lower-case words. Hyphenated words become their parts: Pagefind would
 * search "app-wachtwoord" as "appwachtwoord", which only the keyword lists contain, while the
 * articles write "app-wachtwoord" (indexed as "app" and "wachtwoord"). Dots and @ stay inside a
 * word (me.com, live.nl). One-letter parts ("e" of "e-mail") are dropped.
 */
export function queryTerms(query: string): string[] {
	return query
		.toLocaleLowerCase()
		.split(/[\s,;:!?()"'“”‘’/]+|-/)
		.map((word) => word.replace(/^[.@]+|[.@]+$/g, ''))
		.filter((word) => word.length > 1 || /\d/.test(word));
}

/** The words of a query that carry meaning: stopwords removed, unless nothing else is left. */
export function meaningfulTerms(query: string, lang: Locale): string[] {
	const terms = queryTerms(query);
	const kept = terms.filter((term) => !stopwords[lang].has(term));
	return kept.length > 0 ? kept : terms;
}
