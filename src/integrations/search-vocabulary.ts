/**
 * The words of each language's search index, for the search's spelling correction: Pagefind
 * does not expose its vocabulary, so it is read back from the page fragments Pagefind wrote
 * (exactly the text it indexed) and saved as one small JSON file per language, which the browser
 * fetches only when a query has a word the index lacks.
 */
import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { isCodeToken } from '../lib/search/error-codes.ts';
import { bucketOf, commonWordsPath, wordListPath } from '../lib/search/word-lists.ts';

/** Shortest word that gets corrected; shorter words are not worth listing. */
export const minCorrectedLength = 4;
/** Longer "words" are URLs and tokens, never typed. */
const maxWordLength = 24;

/** Pagefind prefixes decompressed fragment files with this signature. */
const signature = 'pagefind_dcd';

/** Lower-case words of a text, split the way the search splits a query. */
export function wordsOf(text: string): string[] {
	return text
		.toLocaleLowerCase()
		.split(/[^\p{L}\p{N}]+/u)
		.filter((w) => w.length >= minCorrectedLength && w.length <= maxWordLength)
		.filter((w) => /\p{L}/u.test(w) && !isCodeToken(w));
}

/**
 * Share of a language's pages a word must be on to count as common: Pagefind's ranking gives it
 * next to no weight (its idf is close to 0), while its list of places is the largest download
 * of the index (21 KiB gzip for "wachtwoord" on 1,000 articles, see npm run bench:search).
 */
export const commonShare = 0.9;

/** A language's words, and those on nearly every page. */
export interface LanguageVocabulary {
	/** Every word, most frequent first. */
	words: string[];
	/** Words on at least `commonShare` of the pages. */
	common: string[];
}

/**
 * Counts the words of every fragment per Pagefind language (`nl-nl`) and returns them most
 * frequent first, so the correction can prefer the commoner of two equally near words, with the
 * words found on nearly every page.
 */
export async function readVocabulary(
	pagefindDir: string,
): Promise<Map<string, LanguageVocabulary>> {
	const counts = new Map<string, { words: Map<string, number>; pages: Map<string, number> }>();
	const pageCounts = new Map<string, number>();
	// Each distinct token is judged once (wordsOf's tests), not at each of its occurrences.
	const judged = new Map<string, boolean>();
	const dir = `${pagefindDir}/fragment`;
	for (const file of await readdir(dir)) {
		const lang = file.split('_')[0]!;
		const raw = gunzipSync(await readFile(`${dir}/${file}`)).toString('utf8');
		const { content } = JSON.parse(raw.slice(signature.length)) as { content: string };
		const tally = counts.get(lang) ?? { words: new Map<string, number>(), pages: new Map() };
		const tokens = content.toLocaleLowerCase().split(/[^\p{L}\p{N}]+/u);
		for (const token of tokens) {
			let isWord = judged.get(token);
			if (isWord === undefined) {
				isWord = wordsOf(token).length === 1;
				judged.set(token, isWord);
			}
			if (isWord) tally.words.set(token, (tally.words.get(token) ?? 0) + 1);
		}
		// Short words count here ("app" is on every page of an app-password help center).
		for (const word of new Set(tokens)) {
			if (word.length > 1) tally.pages.set(word, (tally.pages.get(word) ?? 0) + 1);
		}
		counts.set(lang, tally);
		pageCounts.set(lang, (pageCounts.get(lang) ?? 0) + 1);
	}
	return new Map(
		[...counts].map(([lang, { words, pages }]) => {
			const total = pageCounts.get(lang) ?? 0;
			return [
				lang,
				{
					words: [...words].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w),
					common: [...pages].filter(([, n]) => n >= commonShare * total).map(([w]) => w),
				},
			];
		}),
	);
}

/**
 * Writes each language's words (plus `extra` words, such as synonyms), whole and in parts by first
 * letter, and its common words next to Pagefind's files (paths: src/lib/search/word-lists.ts).
 */
export async function writeVocabulary(
	pagefindDir: string,
	vocabulary: Map<string, LanguageVocabulary>,
	extra: (pagefindLang: string) => readonly string[],
): Promise<void> {
	await mkdir(pagefindDir, { recursive: true });
	for (const [lang, { words, common }] of vocabulary) {
		const all = [...new Set([...words, ...extra(lang).flatMap(wordsOf)])];
		await writeFile(`${pagefindDir}/${wordListPath(lang)}`, JSON.stringify(all));
		const buckets = Map.groupBy(all, bucketOf);
		for (const [bucket, words] of buckets) {
			await writeFile(`${pagefindDir}/${wordListPath(lang, bucket)}`, JSON.stringify(words));
		}
		await writeFile(`${pagefindDir}/${commonWordsPath(lang)}`, JSON.stringify(common.sort()));
	}
}
