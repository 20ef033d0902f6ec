/**
 * Where the search's word lists live under the Pagefind bundle, shared by the build that writes
 * them (src/integrations/search-vocabulary.ts) and the browser that reads them. A language's
 * spelling list is also written in parts by first letter: a correction fetches the part of the
 * word it corrects (1–3 KiB gzip on 1,000 articles a language) instead of the whole list (25 KiB).
 */

/** The part of the word list a word belongs to: its first letter or digit, `_` for the others. */
export function bucketOf(word: string): string {
	const first = word[0] ?? '';
	return /^[a-z0-9]$/.test(first) ? first : '_';
}

/** A Pagefind language's (`nl-nl`) spelling word list, or one part of it. */
export function wordListPath(pagefindLang: string, bucket?: string): string {
	return bucket === undefined
		? `hc-words-${pagefindLang}.json`
		: `hc-words-${pagefindLang}-${bucket}.json`;
}

/** A Pagefind language's common words (see src/components/search/common-words.ts). */
export function commonWordsPath(pagefindLang: string): string {
	return `hc-common-${pagefindLang}.json`;
}
