/**
 * The Searches section's CSV download: one row per query and language with the figures the
 * section shows, queries without results first (the content team's to-do list), then those
 * with results but no click, then the rest, each group most searched first.
 */
import { isoDate } from '../dates.ts';
import type { QueryStats, SearchSummary } from '../search-log/summary.ts';
import { toCsv } from '../votes/csv.ts';

/** Columns of the download. The queries are masked when stored: no e-mail address is in them. */
export const searchesCsvHeader = [
	'query',
	'lang',
	'status',
	'searches',
	'results',
	'clicks',
	'average_rank',
	'adjusted',
	'last_searched',
] as const;

/** What came of a query: `no_results`, `no_click` (results, none opened) or `clicked`. */
export function queryStatus(q: QueryStats): 'no_results' | 'no_click' | 'clicked' {
	if (q.results === 0) return 'no_results';
	return q.clicks === 0 ? 'no_click' : 'clicked';
}

const order = { no_results: 0, no_click: 1, clicked: 2 } as const;

/**
 * The queries as CSV, with a byte order mark so Excel reads the UTF-8 right. Queries are typed
 * by anyone: every text cell goes through the formula guard of `csv.ts`.
 */
export function searchesCsv(summary: Pick<SearchSummary, 'top'>): string {
	// `top` is most searched first; a stable sort keeps that order within each group.
	const rows = [...summary.top]
		.sort((a, b) => order[queryStatus(a)] - order[queryStatus(b)])
		.map((q) => [
			q.query,
			q.lang,
			queryStatus(q),
			q.searches,
			q.results,
			q.clicks,
			q.averageRank === null ? '' : Math.round(q.averageRank * 10) / 10,
			q.adjusted,
			q.lastSearched.toISOString(),
		]);
	return `\uFEFF${toCsv(searchesCsvHeader, rows)}`;
}

/** The download's file name for a day. */
export const searchesCsvName = (now: Date) => `searches-${isoDate(now)}.csv`;
