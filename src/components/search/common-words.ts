/**
 * Words on nearly every page of a language (written by the build next to Pagefind's files, see
 * src/integrations/search-vocabulary.ts). Pagefind ranks them at almost nothing, yet each one's
 * list of places is the heaviest part of the index a query downloads: the search leaves them out
 * of what it asks Pagefind while a rarer word remains, and counts them as found.
 */
import { commonWordsPath } from '../../lib/search/word-lists.ts';
import { resembles } from './ranking.ts';
import type { PagefindFragment, WeightedLocation } from './types.ts';

const loading = new Map<string, Promise<ReadonlySet<string>>>();

/**
 * Fetches the common words of a Pagefind language (`nl-nl`) once; an unreachable list leaves
 * every word in (the search is then only heavier).
 */
export function loadCommonWords(pagefindLang: string): Promise<ReadonlySet<string>> {
	let promise = loading.get(pagefindLang);
	if (!promise) {
		promise = fetch(`/pagefind/${commonWordsPath(pagefindLang)}`)
			.then((r) => (r.ok ? (r.json() as Promise<string[]>) : []))
			.catch(() => [] as string[])
			.then((words) => new Set(words));
		loading.set(pagefindLang, promise);
	}
	return promise;
}

/**
 * Whether a query term matches a common word: the word itself, or the start of one, as Pagefind
 * matches the start of a word ("wachtwo" while "wachtwoord" is being typed) and so finds nearly
 * every page for it too.
 */
export function isCommon(term: string, common: ReadonlySet<string>): boolean {
	if (common.has(term)) return true;
	for (const word of common) if (word.startsWith(term)) return true;
	return false;
}

/**
 * The words of a Pagefind query that are worth their download: the common ones are left out
 * while another word remains ("icloud wachtwoord intrekken" asks for "icloud intrekken").
 */
export function withoutCommon(query: string, common: ReadonlySet<string>): string {
	const words = query.split(' ').filter(Boolean);
	const kept = words.filter((w) => !isCommon(w, common));
	return kept.length > 0 ? kept.join(' ') : query;
}

/**
 * A loaded page with the places of the common words that were left out of the search added to
 * Pagefind's word locations, so the section a result links to, its excerpt and the highlights
 * count them as before. They get the page's mean score: Pagefind would have scored them too.
 */
export function withCommonLocations(
	fragment: PagefindFragment,
	left: readonly string[],
): PagefindFragment {
	if (left.length === 0) return fragment;
	const located = new Set(fragment.weighted_locations.map((w) => w.location));
	const scores = fragment.weighted_locations.map((w) => w.balanced_score);
	const score = scores.length > 0 ? scores.reduce((a, b) => a + b, 0) / scores.length : 1;
	const added: WeightedLocation[] = [];
	fragment.content.split(/\s+/).forEach((word, location) => {
		if (!located.has(location) && left.some((t) => resembles(word, t))) {
			added.push({ weight: 1, balanced_score: score, location });
		}
	});
	if (added.length === 0) return fragment;
	const all = [...fragment.weighted_locations, ...added].sort((a, b) => a.location - b.location);
	return { ...fragment, weighted_locations: all, locations: all.map((w) => w.location) };
}
