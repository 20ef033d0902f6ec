import { wordMatchesTerm } from './regions.ts';

const normalise = (word: string) =>
	word.toLocaleLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');

/**
 * Whether a word Pagefind matched really stands for a query term. Pagefind 1.6 also matches the
 * longest indexed word that starts a query word, which rescues "wachtwoordt" (→ "wachtwoord")
 * but turns "iclould" into the word "I"; a match of fewer than four letters is such noise.
 */
export function resembles(word: string, term: string): boolean {
	const w = normalise(word);
	const t = normalise(term);
	return wordMatchesTerm(w, t) || (w.length >= 4 && t.startsWith(w));
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

/** What a query can match besides the text: the article's title, its section headings and the
 * names of the providers it is about. */
export interface PageTitles {
	title: string;
	headings: readonly string[];
	providers: readonly string[];
}

/**
 * Orders results by Pagefind's score raised by how well the article title (weight 2) or its
 * best section heading (weight 1) matches the query, and by 1 for the guide of the one provider
 * the query names. Among pages that all mention the query, the one that is about it comes first:
 * "iCloud wachtwoord intrekken" opens the iCloud guide, not the general revoking article.
 */
export function boostByTitle<T>(
	results: readonly Scored<T>[],
	titles: (item: T) => PageTitles,
	queryWords: readonly string[],
): T[] {
	return results
		.map((r, index) => {
			const { title, headings, providers } = titles(r.item);
			const heading = Math.max(0, ...headings.map((h) => titleMatch(h, queryWords)));
			const provider = providers.length === 1 && titleMatch(providers[0]!, queryWords) > 0;
			const boost = 2 * titleMatch(title, queryWords) + heading + (provider ? 1 : 0);
			const boosted = r.score * (1 + boost);
			return { item: r.item, index, boosted };
		})
		.sort((a, b) => b.boosted - a.boosted || a.index - b.index)
		.map((r) => r.item);
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
