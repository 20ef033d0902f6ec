import { localeTags, type Locale } from '../../i18n/locales.ts';
import { isCommon, loadCommonWords, withCommonLocations, withoutCommon } from './common-words.ts';
import { highlightUrl } from './highlight.ts';
import { isCodeToken, rewriteCodes } from '../../lib/search/error-codes.ts';
import { meaningfulTerms } from './query.ts';
import { boostByTitle, mergeResults, resembles, type PageTitles, type Scored } from './ranking.ts';
import { keywordsId, matchPage } from './regions.ts';
import { expandSynonyms, overviewFor, type Thesaurus } from './synonyms.ts';
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
	// The words left out of what Pagefind is asked (common-words.ts) come with it.
	void loadCommonWords(document.documentElement.lang.toLowerCase());
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
	/** The language's synonyms and topic overviews (from its search-config.json). */
	synonyms: Thesaurus['synonyms'];
	/** How many results to load and render. */
	limit: number;
	/** Sections to list under each result. */
	sections: number;
	/** Pagefind filters, such as `{ category: 'Troubleshooting' }`. */
	filters?: Record<string, string> | undefined;
	/** Aborted when the reader has typed on: the search stops before fetching more. */
	signal?: AbortSignal;
	/** Search the words as typed: no spelling correction (the reader asked for it). */
	verbatim?: boolean;
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
	/** Terms a synonym replaced: searched by their meaning, never corrected. */
	replaced: string[];
	/** Every term searched (as typed and the synonyms' meanings), for sections and highlights. */
	searched: string[];
}

/**
 * Searches the way a reader expects. Pagefind returns pages with every word of the query, so:
 * status codes become their index tokens (src/lib/search/error-codes.ts); filler words are
 * left out; synonyms are searched by the words the articles use (synonyms.ts); when few pages
 * have every word, pages that miss one follow; a word that no shown result contains is taken as
 * misspelled and replaced by the nearest word of the index (spelling.ts). The results are then
 * ranked by what they are about (ranking.ts).
 */
export async function search(query: string, options: SearchOptions): Promise<SearchOutcome> {
	const { lang } = options;
	const thesaurus = { lang, synonyms: options.synonyms };
	const [pagefind, common] = await Promise.all([
		loadPagefind(),
		loadCommonWords(localeTags[lang].toLowerCase()),
	]);
	// `null` lists every page the filters select: a filter chosen without words.
	const run = async (q: string | null) => {
		options.signal?.throwIfAborted();
		const asked = q === null ? null : withoutCommon(q, common);
		const filters = options.filters ? { filters: options.filters } : {};
		return (await pagefind.search(asked, filters)).results;
	};
	const has = (f: PagefindFragment, t: string) => isCommon(t, common) || contains(f, t);
	const titlesOf = (f: PagefindFragment): PageTitles => ({
		title: f.meta['title'] ?? '',
		headings: f.anchors.filter((a) => /^h[23]$/.test(a.element)).map((a) => a.text ?? ''),
		providers: f.filters['provider'] ?? [],
		keywords: (f.anchors.find((a) => a.id === keywordsId)?.text ?? '')
			.split(',')
			.map((k) => meaningfulTerms(k, lang).join(' '))
			.filter(Boolean),
		article: (f.raw_url ?? f.url).split('/').filter(Boolean).at(-1) ?? '',
	});

	const find = async (terms: string[]): Promise<Found> => {
		const expansion = expandSynonyms(terms, thesaurus);
		// A synonym's meaning searched alone that has only common words would fetch their heavy
		// index lists to match nearly every page ("app password" on an app-password help center).
		const alone = expansion.alone.filter((a) => !a.every((t) => isCommon(t, common)));
		// A variant that only adds words to the query as typed ("app password" → "app specific
		// password") finds some of the same pages: it ranks them, but costs no search (an index
		// chunk and result data of its own).
		const narrower = (v: string[]) => v.length > terms.length && terms.every((t) => v.includes(t));
		const searches = [...expansion.variants.filter((v) => !narrower(v)), ...alone];
		let full: Scored<PagefindResult>[] = [];
		if (terms.length === 0) {
			if (options.filters) full = (await run(null)).map((r) => ({ item: r, score: r.score }));
		} else if (searches.length === 1) {
			full = (await run(searches[0]!.join(' '))).map((r) => ({ item: r, score: r.score }));
		} else {
			full = mergeResults(await Promise.all(searches.map((v) => run(v.join(' ')))));
		}
		let ranked = full;
		const first = searches[0] ?? [];
		if (full.length < fillBelow && first.length > 1 && first.length <= queryLimits.partialTerms) {
			// Common words alone match nearly every page: no "all but one" search of those only.
			const rest = first
				.map((_, i) => first.filter((__, j) => j !== i))
				.filter((r) => !r.every((t) => isCommon(t, common)));
			const partial = mergeResults(await Promise.all(rest.map((r) => run(r.join(' '))))).filter(
				({ item }) => !full.some((r) => r.item.id === item.id),
			);
			ranked = [...full, ...partial];
		}
		const window = ranked.slice(0, options.limit);
		// Result data is a download per page: not for a query the reader has already left.
		options.signal?.throwIfAborted();
		const left = [...new Set(searches.flat())].filter((t) => isCommon(t, common));
		const loaded = (await Promise.all(window.map((r) => r.item.data()))).map((f) =>
			withCommonLocations(f, left),
		);
		// Re-rank within each group: full matches stay ahead of partial ones.
		const byId = new Map(window.map((r, i) => [r.item.id, loaded[i]!]));
		const rank = {
			variants: [terms, ...expansion.variants, ...alone],
			exact: [terms],
			synonyms: expansion.meanings,
			// A topic typed in the other language ("app wachtwoord" on the English site) counts too.
			overview: expansion.variants.map((v) => overviewFor(v, thesaurus)).find(Boolean),
		};
		const group = (list: Scored<PagefindResult>[]) =>
			boostByTitle(list, (r) => titlesOf(byId.get(r.id)!), rank);
		const isFull = (r: Scored<PagefindResult>) => full.includes(r);
		const ordered = [...group(window.filter(isFull)), ...group(window.filter((r) => !isFull(r)))];
		return {
			terms,
			ranked: [...ordered, ...ranked.slice(options.limit).map((r) => r.item)],
			fragments: ordered.map((r) => byId.get(r.id)!),
			complete: full.length > 0,
			replaced: expansion.replaced,
			searched: [...new Set([...terms, ...searches.flat()])],
		};
	};

	// A status code is searched as printed, then less specifically (`535 5.7.3` → `535`).
	const typed = query.slice(0, queryLimits.queryLength);
	let found: Found | undefined;
	for (const form of rewriteCodes(typed)) {
		found = await find(meaningfulTerms(form, lang));
		if (found.ranked.length > 0) break;
	}
	found ??= await find([]);
	const settled = found;
	const unknown = settled.terms.filter(
		(t) =>
			!isCodeToken(t) &&
			!settled.replaced.includes(t) &&
			!isCommon(t, common) &&
			!settled.fragments.some((f) => contains(f, t)),
	);
	const toCorrect = unknown
		.filter((t) => t.length <= queryLimits.correctedLength)
		.slice(0, queryLimits.corrected);
	let corrected: string | undefined;
	if (toCorrect.length > 0 && !options.verbatim) {
		// The correction code comes with the word list, only when a query needs it.
		const { correctWords } = await import('./spelling.ts');
		const fixes = await correctWords(toCorrect, lang);
		options.signal?.throwIfAborted();
		const terms = settled.terms.flatMap((t) => (fixes.has(t) ? (fixes.get(t) ?? []) : [t]));
		const changed = [...fixes].filter(([from, to]) => to && to !== from);
		if (terms.length > 0 && terms.join(' ') !== settled.terms.join(' ')) {
			found = await find(terms);
			if (changed.length > 0) corrected = withCorrections(typed, changed as [string, string][]);
		}
	}
	// Sections are chosen by the words typed; by their synonyms only on a page without them.
	const hits = found.fragments.map((f) => {
		const typedTerms = found.terms.filter((t) => has(f, t));
		const terms = typedTerms.length === found.terms.length ? found.terms : found.searched;
		return toHit(f, terms, options.sections);
	});
	return {
		hits,
		total: found.ranked.length,
		exact: unknown.length === 0 && found.complete,
		...(corrected ? { corrected } : {}),
	};
}

/** The query as typed with misspelled words replaced: "yaho mail" → "yahoo mail". */
function withCorrections(typed: string, fixes: readonly [string, string][]): string {
	let text = typed.trim();
	for (const [from, to] of fixes) {
		const escaped = from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
		text = text.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu'), to);
	}
	return text;
}

/** Whether a loaded page has a word that really stands for the term (see `resembles`). */
function contains(fragment: PagefindFragment, term: string): boolean {
	const words = fragment.content.split(/\s+/);
	return fragment.weighted_locations.some((w) => resembles(words[w.location] ?? '', term));
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
