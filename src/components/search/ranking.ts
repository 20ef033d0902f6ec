import { wordMatchesTerm } from './regions.ts';

const normalise = (word: string) =>
	word.toLocaleLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');

/**
 * Whether a word Pagefind matched really stands for a query term. Pagefind 1.6 also matches the
 * longest indexed word that starts a query word, which turns "iclould" into the word "I" and
 * "wachtwrood" into "wacht": only a word one letter short of the term ("wachtwoord" for
 * "wachtwoordt") counts; other terms go to the spelling correction.
 */
export function resembles(word: string, term: string): boolean {
	const w = normalise(word);
	const t = normalise(term);
	return wordMatchesTerm(w, t) || (w.length >= 4 && w.length >= t.length - 1 && t.startsWith(w));
}

/**
 * How well a title answers the query, from 0 to 1: the share of query words found in the title
 * times the share of title words the query covers. "Wat is een app-wachtwoord?" scores 1 for
 * "wat is een app wachtwoord", a provider guide that also mentions app passwords far less.
 */
export function titleMatch(title: string, queryWords: readonly string[]): number {
	// A hyphenated title word is matched whole, joined and by its parts: "app-wachtwoord"
	// answers "app-wachtwoord", "appwachtwoord" and "wachtwoord".
	const titleWords = title
		.split(/[\s–:?!,]+/)
		.map(normalise)
		.filter(Boolean)
		.map((w) => [w, w.replaceAll('-', ''), ...w.split('-')]);
	if (titleWords.length === 0 || queryWords.length === 0) return 0;
	const hit = (forms: string[], q: string) => forms.some((w) => wordMatchesTerm(w, q));
	const inTitle = queryWords.filter((q) => titleWords.some((forms) => hit(forms, q)));
	const covered = titleWords.filter((forms) => queryWords.some((q) => hit(forms, q)));
	return (inTitle.length / queryWords.length) * (covered.length / titleWords.length);
}

/** A result with the score used to order it. */
export interface Scored<T> {
	item: T;
	score: number;
}

/** What a query can match besides the text: the article's title, its section headings, the
 * names of the providers it is about, its hidden keywords (each as its meaningful terms joined by
 * spaces: "sign microsoft" for "Sign in with Microsoft") and its id (the last part of its URL). */
export interface PageTitles {
	title: string;
	headings: readonly string[];
	providers: readonly string[];
	keywords?: readonly string[];
	article?: string;
}

/** What the ranking knows of the query. */
export interface RankQuery {
	/** The query's term lists: as typed, and with each synonym's meanings (see expandSynonyms). */
	variants: readonly (readonly string[])[];
	/** Term lists a keyword must equal to count as an exact match: the query as typed. */
	exact: readonly (readonly string[])[];
	/** The same for the query's synonyms, which count for less than the words typed. */
	synonyms?: readonly (readonly string[])[];
	/** The overview article of the one topic the query names, which then comes first. */
	overview?: string | undefined;
}

const joined = (words: readonly string[]) => words.join(' ');

/** Whether a page keyword is one of the phrases (both as meaningful terms joined by spaces). */
function keywordMatches(keywords: readonly string[], phrases: ReadonlySet<string>): boolean {
	return keywords.some((k) => phrases.has(k));
}

/**
 * Orders results by Pagefind's score raised by how well they answer the query:
 * - the article title (weight 2) or its best section heading (weight 1) matching the query, and
 *   2.5 more when one heading holds every word typed (two or more), 1 for every synonym word;
 * - 1 for the guide of the one provider the query names;
 * - 4 for a keyword that is exactly the query ("Sign in with Microsoft"), 2 for one that is
 *   exactly one of its synonyms;
 * - the overview of a one-topic query ("wachtwoorden") first of all.
 * Each is taken for the best of the query's variants (as typed, or with synonyms applied).
 * Among pages that all mention the query, the one that is about it comes first: "iCloud
 * wachtwoord intrekken" opens the iCloud guide, not the general revoking article.
 */
export function boostByTitle<T>(
	results: readonly Scored<T>[],
	titles: (item: T) => PageTitles,
	query: RankQuery | readonly string[],
): T[] {
	const {
		variants,
		exact,
		synonyms = [],
		overview,
	} = Array.isArray(query)
		? { variants: [query as readonly string[]], exact: [], overview: undefined }
		: (query as RankQuery);
	const phrases = new Set(exact.filter((e) => e.length > 0).map(joined));
	const synonymPhrases = new Set(synonyms.filter((e) => e.length > 0).map(joined));
	const best = (score: (words: readonly string[]) => number) => Math.max(0, ...variants.map(score));
	return results
		.map((r, index) => {
			const { title, headings, providers, keywords = [], article } = titles(r.item);
			if (overview && article === overview) return { item: r.item, index, boosted: Infinity };
			const titleScore = best((words) => titleMatch(title, words));
			const heading = best((words) => Math.max(0, ...headings.map((h) => titleMatch(h, words))));
			const whole = best((words) =>
				words.length > 1 && headings.some((h) => coversQuery(h, words))
					? words === variants[0]
						? 2.5
						: 1
					: 0,
			);
			const provider =
				providers.length === 1 && best((words) => titleMatch(providers[0]!, words)) > 0;
			const keyword = keywordMatches(keywords, phrases)
				? 4
				: keywordMatches(keywords, synonymPhrases)
					? 2
					: 0;
			const boost = 2 * titleScore + heading + whole + (provider ? 1 : 0) + keyword;
			const boosted = r.score * (1 + boost);
			return { item: r.item, index, boosted };
		})
		.sort((a, b) => b.boosted - a.boosted || a.index - b.index)
		.map((r) => r.item);
}

/** Whether a heading holds every word of the query. */
export function coversQuery(heading: string, queryWords: readonly string[]): boolean {
	const words = heading
		.split(/[\s–:?!,]+/)
		.map(normalise)
		.filter(Boolean)
		.flatMap((w) => [w, w.replaceAll('-', ''), ...w.split('-')]);
	return queryWords.every((q) => words.some((w) => wordMatchesTerm(w, q)));
}

/**
 * Merges the results of several searches: pages found by more of them first, then by their
 * summed score. Used for queries that match no page in full ("any of these words").
 */
export function mergeResults<T extends { id: string; score: number }>(
	lists: readonly (readonly T[])[],
): Scored<T>[] {
	const merged = new Map<string, { item: T; hits: number; score: number }>();
	for (const list of lists) {
		for (const item of list) {
			const entry = merged.get(item.id) ?? { item, hits: 0, score: 0 };
			entry.hits += 1;
			entry.score += item.score;
			merged.set(item.id, entry);
		}
	}
	return [...merged.values()]
		.sort((a, b) => b.hits - a.hits || b.score - a.score)
		.map(({ item, score, hits }) => ({ item, score: score / hits }));
}
