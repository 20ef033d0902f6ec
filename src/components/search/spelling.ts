/**
 * Spelling correction against the index's own words (the list the build writes next to
 * Pagefind's files, src/integrations/search-vocabulary.ts): one edit (a letter inserted, left
 * out, replaced, or two neighbours swapped) for words of four or more letters, two for eight or
 * more. Loaded only when a query has a word the results do not contain, with the part of the
 * list that starts with the word's first letter.
 */
import { localeTags, type Locale } from '../../i18n/locales.ts';
import { bucketOf, wordListPath } from '../../lib/search/word-lists.ts';

/** A language's words, most frequent first, and the same as a set. */
export interface Vocabulary {
	words: readonly string[];
	known: ReadonlySet<string>;
}

const loading = new Map<string, Promise<Vocabulary>>();

/**
 * Fetches a language's word list once, or its part for one first letter (`bucket`, see
 * src/lib/search/word-lists.ts); an unreachable list corrects nothing.
 */
export function loadVocabulary(lang: Locale, bucket?: string): Promise<Vocabulary> {
	const url = `/pagefind/${wordListPath(localeTags[lang].toLowerCase(), bucket)}`;
	let promise = loading.get(url);
	if (!promise) {
		promise = fetch(url)
			.then((r) => (r.ok ? (r.json() as Promise<string[]>) : []))
			.catch(() => [] as string[])
			.then((words) => ({ words, known: new Set(words) }));
		loading.set(url, promise);
	}
	return promise;
}

/**
 * Corrects each word (see correctWord) against the words with its first letter, where nearly
 * every typo finds its word, and against the whole list only when none of those is near enough.
 */
export async function correctWords(
	words: readonly string[],
	lang: Locale,
): Promise<Map<string, string | undefined>> {
	const parts = await Promise.all(words.map((w) => loadVocabulary(lang, bucketOf(w))));
	const fixes = new Map<string, string | undefined>();
	for (const [i, word] of words.entries()) {
		let fix = correctWord(word, parts[i]!);
		if (fix === undefined && allowedEdits(word) > 0 && /^\p{L}+$/u.test(word)) {
			fix = correctWord(word, await loadVocabulary(lang));
		}
		fixes.set(word, fix);
	}
	return fixes;
}

/** How many edits a word of this length may be away from the word meant. */
export function allowedEdits(word: string): number {
	return word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0;
}

/**
 * Edit distance with adjacent swaps counting as one edit (optimal string alignment), or
 * `limit + 1` as soon as it must exceed `limit`.
 */
export function editDistance(a: string, b: string, limit: number): number {
	if (Math.abs(a.length - b.length) > limit) return limit + 1;
	let before: number[] = [];
	let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		let rowMin = i;
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
				value = Math.min(value, before[j - 2]! + 1);
			}
			current.push(value);
			rowMin = Math.min(rowMin, value);
		}
		if (rowMin > limit) return limit + 1;
		before = previous;
		previous = current;
	}
	return previous[b.length]!;
}

/**
 * The word a reader meant: the word itself when the index has it (or it starts an indexed word,
 * as while typing), otherwise the nearest indexed word within the allowed edits, the more
 * frequent of equally near ones; undefined when none is near enough.
 */
export function correctWord(word: string, vocabulary: Vocabulary): string | undefined {
	if (vocabulary.known.has(word) || vocabulary.words.some((w) => w.startsWith(word))) return word;
	const limit = allowedEdits(word);
	if (limit === 0 || !/^\p{L}+$/u.test(word)) return undefined;
	let best: { word: string; distance: number } | undefined;
	for (const candidate of vocabulary.words) {
		const distance = editDistance(word, candidate, best ? best.distance - 1 : limit);
		if (distance <= limit && (!best || distance < best.distance)) {
			best = { word: candidate, distance };
			if (distance === 1) break;
		}
	}
	return best?.word;
}
