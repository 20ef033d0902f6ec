/**
 * The part of Pagefind's browser API (`/pagefind/pagefind.js`, 1.6) that the search uses. The
 * bundle is generated at build time, so it has no types to import.
 */
export interface PagefindApi {
	options(options: Record<string, unknown>): Promise<void>;
	init(): Promise<void>;
	search(
		/** `null` lists every page that the filters select. */
		term: string | null,
		options?: { filters?: Record<string, string | string[]> },
	): Promise<PagefindResponse>;
}

/** What `pagefind.search()` resolves to. */
export interface PagefindResponse {
	results: PagefindResult[];
	unfilteredResultCount: number;
}

/** One page in a response, before its data is loaded. */
export interface PagefindResult {
	id: string;
	score: number;
	data(): Promise<PagefindFragment>;
}

/** A word that matched, with Pagefind's score for it. */
export interface WeightedLocation {
	weight: number;
	balanced_score: number;
	/** Index of the word in `content` split on white space. */
	location: number;
}

/** An element with an id that Pagefind met while indexing the page. */
export interface PagefindAnchor {
	element: string;
	id: string;
	text?: string;
	location: number;
}

/** The loaded data of one result page. */
export interface PagefindFragment {
	url: string;
	raw_url?: string;
	content: string;
	excerpt: string;
	meta: Record<string, string | undefined>;
	filters: Record<string, string[]>;
	anchors: PagefindAnchor[];
	weighted_locations: WeightedLocation[];
	locations: number[];
}

/** One run of text in an excerpt; `mark` when it is a word that matched the query. */
export interface ExcerptPart {
	text: string;
	mark: boolean;
}

/** A section of an article that a result links to. */
export interface SectionLink {
	title: string;
	url: string;
	excerpt: ExcerptPart[];
}

/** One search result, ready to render. */
export interface SearchHit {
	/** Where the result's main link goes: the best section when the query is about one. */
	url: string;
	title: string;
	category: string;
	/** The section the main link opens, when it is not the top of the article. */
	section?: string;
	excerpt: ExcerptPart[];
	/** Other sections that match, best first. */
	sections: SectionLink[];
}

/** The outcome of one search. */
export interface SearchOutcome {
	hits: SearchHit[];
	/** Number of matching articles (more than `hits` when limited). */
	total: number;
	/** False when the query as typed found nothing and a corrected or looser one was used. */
	exact: boolean;
	/** The query with misspelled words corrected, when that is what was searched. */
	corrected?: string;
}
