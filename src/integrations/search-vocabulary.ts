/**
 * The words of each language's search index, for the search's spelling correction: Pagefind
 * does not expose its vocabulary, so it is read back from the page fragments Pagefind wrote
 * (exactly the text it indexed) and saved as one small JSON file per language, which the browser
 * fetches only when a query has a word the index lacks.
 */
import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { isCodeToken } from '../lib/search/error-codes.ts';

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
 * Counts the words of every fragment per Pagefind language (`nl-nl`) and returns them most
 * frequent first, so the correction can prefer the commoner of two equally near words.
 */
export async function readVocabulary(pagefindDir: string): Promise<Map<string, string[]>> {
	const counts = new Map<string, Map<string, number>>();
	// Each distinct token is judged once (wordsOf's tests), not at each of its occurrences.
	const judged = new Map<string, boolean>();
	const dir = `${pagefindDir}/fragment`;
	for (const file of await readdir(dir)) {
		const lang = file.split('_')[0]!;
		const raw = gunzipSync(await readFile(`${dir}/${file}`)).toString('utf8');
		const { content } = JSON.parse(raw.slice(signature.length)) as { content: string };
		const words = counts.get(lang) ?? new Map<string, number>();
		for (const token of content.toLocaleLowerCase().split(/[^\p{L}\p{N}]+/u)) {
			let isWord = judged.get(token);
			if (isWord === undefined) {
				isWord = wordsOf(token).length === 1;
				judged.set(token, isWord);
			}
			if (isWord) words.set(token, (words.get(token) ?? 0) + 1);
		}
		counts.set(lang, words);
	}
	return new Map(
		[...counts].map(([lang, words]) => [
			lang,
			[...words].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w),
		]),
	);
}

/** Where the browser finds a language's word list, under the Pagefind bundle. */
export const vocabularyPath = (lang: string) => `hc-words-${lang}.json`;

/** Writes each language's words (plus `extra` words, such as synonyms) next to Pagefind's files. */
export async function writeVocabulary(
	pagefindDir: string,
	vocabulary: Map<string, string[]>,
	extra: (pagefindLang: string) => readonly string[],
): Promise<void> {
	await mkdir(pagefindDir, { recursive: true });
	for (const [lang, words] of vocabulary) {
		const all = [...new Set([...words, ...extra(lang).flatMap(wordsOf)])];
		await writeFile(`${pagefindDir}/${vocabularyPath(lang)}`, JSON.stringify(all));
	}
}
