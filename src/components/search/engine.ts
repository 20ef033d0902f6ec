import type { Locale } from '../../i18n/locales.ts';
import { highlightUrl } from './highlight.ts';
import { meaningfulTerms, queryTerms, spellingVariants } from './query.ts';
import { boostByTitle, mergeResults, resembles, type PageTitles, type Scored } from './ranking.ts';
import { matchPage } from './regions.ts';
import type {
	PagefindApi,
	PagefindFragment,
	PagefindResult,
	SearchHit,
	SearchOutcome,
} from './types.ts';

let loading: Promise<PagefindApi> | undefined;

/**
 * Loads Pagefind once, on first use. The index of the page's own language (`<html lang>`) is the
 * one Pagefind picks. The first caller decides where Pagefind searches:
 * - in a web worker for the results page, which searches as it loads: unpacking the wasm and the
 *   index there keeps the page responsive (Lighthouse's mobile run: total blocking time about
 *   halved), at the price of Pagefind's worker code (~12 KiB gzip);
 * - on the page for the header and home boxes, which start loading on focus, before the first
 *   keystroke, and where every KiB of the first query counts (npm run bench:search).
 */
export function loadPagefind(options: { worker?: boolean } = {}): Promise<PagefindApi> {
	loading ??= (async () => {
		const path = '/pagefind/pagefind.js';
		const pagefind = (await import(/* @vite-ignore */ path)) as PagefindApi;
		await pagefind.options({ noWorker: !options.worker });
		await pagefind.init();
		return pagefind;
	})();
	loading.catch(() => (loading = undefined));
	return loading;
}

/** Options of one search. */
export interface SearchOptions {
	lang: Locale;
	/** How many results to load and render. */
	limit: number;
	/** Sections to list under each result. */
	sections: number;
	/** Pagefind filters, such as `{ category: 'Troubleshooting' }`. */
	filters?: Record<string, string> | undefined;
	/** Aborted when the reader has typed on: the search stops before fetching more. */
	signal?: AbortSignal;
}

/** Fewer full matches than this, and pages matching all but one word are added after them. */
const fillBelow = 3;
/**
 * Bounds on the work one query may cause, so a pasted paragraph or a 500-letter "word" cannot
 * set off hundreds of searches: characters read, words for the "all but one" searches, and the
 * longest word and most words that get a spelling correction.
 */
export const queryLimits = { queryLength: 200, partialTerms: 8, correctedLength: 24, corrected: 3 };

/** One search run against the index: ranked pages, of which the first `limit` are loaded. */
interface Found {
	terms: string[];
	/** Pages that contain every term, then pages that miss one. */
	ranked: PagefindResult[];
	fragments: PagefindFragment[];
	/** Whether the first page contains every term. */
	complete: boolean;
}

/**
 * Searches the way a reader expects. Pagefind returns pages with every word of the query, so:
 * filler words are left out; when few pages have every word, pages that miss one follow; a
 * word that no shown result really contains is taken as misspelled and replaced by the nearest
 * spelling the index knows. Among the shown results, the one whose title is the query rises.
 */
export async function search(query: string, options: SearchOptions): Promise<SearchOutcome> {
	const pagefind = await loadPagefind();
	// `null` lists every page the filters select: a filter chosen without words.
	const run = async (q: string | null) => {
		options.signal?.throwIfAborted();
		return (await pagefind.search(q, options.filters ? { filters: options.filters } : {})).results;
	};
	const titlesOf = (f: PagefindFragment): PageTitles => ({
		title: f.meta['title'] ?? '',
		headings: f.anchors.filter((a) => /^h[23]$/.test(a.element)).map((a) => a.text ?? ''),
		providers: f.filters['provider'] ?? [],
	});
	const queryWords = queryTerms(query.slice(0, queryLimits.queryLength));

	const find = async (terms: string[]): Promise<Found> => {
		const full =
			terms.length > 0 ? await run(terms.join(' ')) : options.filters ? await run(null) : [];
		let ranked = full;
		if (full.length < fillBelow && terms.length > 1 && terms.length <= queryLimits.partialTerms) {
			const partial = mergeResults(
				await Promise.all(terms.map((_, i) => run(terms.filter((__, j) => j !== i).join(' ')))),
			).filter(({ item }) => !full.some((r) => r.id === item.id));
			ranked = [...full, ...partial.map((p) => p.item)];
		}
		const window = ranked.slice(0, options.limit);
		// Result data is a download per page: not for a query the reader has already left.
		options.signal?.throwIfAborted();
		const loaded = await Promise.all(window.map((r) => r.data()));
		// Re-rank by title within each group: full matches stay ahead of partial ones.
		const byId = new Map(window.map((r, i) => [r.id, loaded[i]!]));
		const group = (list: PagefindResult[]) =>
			boostByTitle(
				list.map((r): Scored<PagefindResult> => ({ item: r, score: r.score })),
				(r) => titlesOf(byId.get(r.id)!),
				queryWords,
			);
		const fullShown = window.filter((r) => full.includes(r));
		const ordered = [...group(fullShown), ...group(window.filter((r) => !full.includes(r)))];
		return {
			terms,
			ranked: [...ordered, ...ranked.slice(options.limit)],
			fragments: ordered.map((r) => byId.get(r.id)!),
			complete: full.length > 0,
		};
	};

	const initial = meaningfulTerms(query.slice(0, queryLimits.queryLength), options.lang);
	let found = await find(initial);
	const unknown = found.terms.filter((t) => !found.fragments.some((f) => contains(f, t)));
	const toCorrect = unknown
		.filter((t) => t.length <= queryLimits.correctedLength)
		.slice(0, queryLimits.corrected);
	if (toCorrect.length > 0) {
		const corrected = await correctSpelling(found.terms, toCorrect, run);
		if (corrected.join(' ') !== found.terms.join(' ')) found = await find(corrected);
	}
	const hits = found.fragments.map((fragment) => toHit(fragment, found.terms, options.sections));
	return {
		hits,
		total: found.ranked.length,
		exact: unknown.length === 0 && found.complete,
	};
}

/** Whether a loaded page has a word that really stands for the term (see `resembles`). */
function contains(fragment: PagefindFragment, term: string): boolean {
	const words = fragment.content.split(/\s+/);
	return fragment.weighted_locations.some((w) => resembles(words[w.location] ?? '', term));
}

/**
 * Replaces each unknown term by its first spelling variant that finds a page really containing
 * it ("gmial" → "gmail", "iclould" → "icloud"); a term without one is dropped.
 */
async function correctSpelling(
	terms: string[],
	unknown: string[],
	run: (q: string | null) => Promise<PagefindResult[]>,
): Promise<string[]> {
	const corrected: string[] = [];
	for (const term of terms) {
		if (!unknown.includes(term)) {
			corrected.push(term);
			continue;
		}
		for (const variant of spellingVariants(term)) {
			const [first] = await run(variant);
			if (first && contains(await first.data(), variant)) {
				corrected.push(variant);
				break;
			}
		}
	}
	return corrected.length > 0 ? corrected : terms;
}

/** Turns a loaded page into a result: where to link, the excerpt, the matching sections. */
function toHit(fragment: PagefindFragment, terms: string[], sections: number): SearchHit {
	const match = matchPage(fragment, terms, { sections });
	const page = fragment.raw_url ?? fragment.url;
	const link = (hash?: string) => highlightUrl(page, match.matchedWords, hash);
	return {
		url: link(match.destination?.id),
		title: fragment.meta['title'] ?? page,
		category: fragment.meta['category'] ?? '',
		...(match.destination ? { section: match.destination.title } : {}),
		excerpt: match.excerpt,
		sections: match.others.map(({ region, excerpt }) => ({
			title: region.title,
			url: link(region.id),
			excerpt,
		})),
	};
}
