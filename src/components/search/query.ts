import type { Locale } from '../../i18n/locales.ts';

/**
 * Words a reader types around the real question ("hoe trek ik een … in", "how do I …").
 * Pagefind requires every word of a query to be on a page, so these are dropped when a query
 * finds nothing as typed. Deliberately short: a word that carries meaning stays.
 */
const stopwords: Record<Locale, ReadonlySet<string>> = {
	nl: new Set(
		'aan al als bij dan dat de die dit door een en er ga gaat het hoe ik in is je jij kan kun kunnen maar me met mijn moet moeten na naar niet nog of om op te tot u uw van voor waar waarom wat wanneer welke wil wordt zijn zo'.split(
			' ',
		),
	),
	en: new Set(
		'a an and are as at be by can do does for from get how i in into is it its me my of on or should the to what when where which why will with you your'.split(
			' ',
		),
	),
};

/** Shortest word the misspelling rescue trims a word down to; shorter prefixes match too much. */
export const minRescueLength = 3;

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

/**
 * Shorter prefixes of a word, longest first. Pagefind matches every query word as a prefix, so
 * "wachtwoort" → "wachtwoor" finds "wachtwoord" and "outlok" → "outlo" finds "Outlook": most
 * typos sit towards the end of a word.
 */
export function rescuePrefixes(term: string): string[] {
	const prefixes: string[] = [];
	for (let length = term.length - 1; length >= minRescueLength; length--) {
		prefixes.push(term.slice(0, length));
	}
	return prefixes;
}

/**
 * Spellings one edit away from a misspelled word, cheapest first: a swapped pair of neighbouring
 * letters ("gmial" → "gmail"), one letter too many ("yahooo" → "yahoo"), then ever shorter
 * prefixes ("wachwoord" → "wach…"). Each is tried as a Pagefind search until one matches.
 */
export function spellingVariants(term: string): string[] {
	const variants: string[] = [];
	for (let i = 0; i < term.length - 1; i++) {
		variants.push(term.slice(0, i) + term[i + 1] + term[i] + term.slice(i + 2));
	}
	for (let i = 0; i < term.length; i++) {
		if (term.length - 1 >= minRescueLength) variants.push(term.slice(0, i) + term.slice(i + 1));
	}
	variants.push(...rescuePrefixes(term));
	return [...new Set(variants)].filter((v) => v !== term && v.length >= minRescueLength);
}
