/**
 * What the search log says, for `npm run feedback:report -- --searches` and the dashboard's
 * "Zoekopdrachten / Searches" section: the same figures in both. Queries without results come
 * first: they are the content team's to-do list.
 */
import type { Locale } from '../../i18n/locales.ts';
import { isoDate } from '../dates.ts';
import { weekStart } from '../admin/weeks.ts';
import type { StoredSearch } from '../store/store.ts';

/** One query (per language) and what came of it. */
export interface QueryStats {
	lang: Locale;
	query: string;
	/** Times it was searched. */
	searches: number;
	/** Results of its latest search. */
	results: number;
	/** Searches of it after which a result was opened. */
	clicks: number;
	/** Mean rank of the results opened (1 = the first), or null without clicks. */
	averageRank: number | null;
	/** Searches of it that were answered with corrected spelling or a looser search. */
	adjusted: number;
	lastSearched: Date;
}

/** A domain the e-mail address finder could not match to a provider. */
export interface DomainStats {
	domain: string;
	lang: Locale;
	lookups: number;
	/** Why no provider matched, the latest time (`unknown`, `filtered`, `no-domain`, `not-checked`). */
	reason: string;
	lastSeen: Date;
}

/** Searches in one ISO week (Monday to Sunday, UTC). */
export interface SearchWeek {
	/** The Monday, `YYYY-MM-DD`. */
	week: string;
	searches: number;
	withoutResults: number;
}

/** The whole picture. */
export interface SearchSummary {
	searches: number;
	withoutResults: number;
	/** Searches after which a result was opened. */
	clicked: number;
	/** `clicked / (searches with results)`, or null when none had results. */
	clickThroughRate: number | null;
	averageRank: number | null;
	/** Queries that found nothing, most searched first. */
	noResults: QueryStats[];
	/** Queries that found something but after which nothing was opened, most searched first. */
	noClick: QueryStats[];
	/** Every query, most searched first. */
	top: QueryStats[];
	finderDomains: DomainStats[];
	weeks: SearchWeek[];
}

const dayMs = 86_400_000;

const mostFirst = (a: QueryStats, b: QueryStats) =>
	b.searches - a.searches ||
	b.lastSearched.getTime() - a.lastSearched.getTime() ||
	a.query.localeCompare(b.query);

/** One entry per week from the week of `from` to the week of `to`, empty weeks included. */
function weeksOf(rows: readonly StoredSearch[], from: Date, to: Date): SearchWeek[] {
	const first = weekStart(from).getTime();
	const weeks: SearchWeek[] = [];
	for (let t = first; t <= weekStart(to).getTime(); t += 7 * dayMs) {
		weeks.push({ week: isoDate(new Date(t)), searches: 0, withoutResults: 0 });
	}
	for (const row of rows) {
		const week = weeks[Math.floor((weekStart(row.createdAt).getTime() - first) / (7 * dayMs))];
		if (!week) continue;
		week.searches += 1;
		if (row.results === 0) week.withoutResults += 1;
	}
	return weeks;
}

/**
 * Sums the log's rows (any order). The weekly series runs from `from` (default: the oldest row)
 * to `to` (default: the newest).
 */
export function summariseSearches(
	rows: readonly StoredSearch[],
	range: { from?: Date; to?: Date } = {},
): SearchSummary {
	const searches = rows.filter((row) => row.kind === 'search');
	const queries = new Map<string, QueryStats & { rankSum: number }>();
	const domains = new Map<string, DomainStats>();
	for (const row of searches) {
		const key = `${row.lang}\n${row.query}`;
		let stats = queries.get(key);
		if (!stats) {
			stats = {
				lang: row.lang,
				query: row.query,
				searches: 0,
				results: row.results ?? 0,
				clicks: 0,
				averageRank: null,
				adjusted: 0,
				lastSearched: row.createdAt,
				rankSum: 0,
			};
			queries.set(key, stats);
		}
		stats.searches += 1;
		if (row.detail === 'corrected' || row.detail === 'partial') stats.adjusted += 1;
		if (row.createdAt >= stats.lastSearched) {
			stats.lastSearched = row.createdAt;
			stats.results = row.results ?? 0;
		}
		if (row.clickedRank !== null) {
			stats.clicks += 1;
			stats.rankSum += row.clickedRank;
		}
	}
	for (const row of rows) {
		if (row.kind !== 'finder') continue;
		const key = `${row.lang}\n${row.query}`;
		const stats = domains.get(key);
		if (!stats) {
			domains.set(key, {
				domain: row.query,
				lang: row.lang,
				lookups: 1,
				reason: row.detail ?? 'unknown',
				lastSeen: row.createdAt,
			});
			continue;
		}
		stats.lookups += 1;
		if (row.createdAt >= stats.lastSeen) {
			stats.lastSeen = row.createdAt;
			stats.reason = row.detail ?? stats.reason;
		}
	}
	const all: QueryStats[] = [...queries.values()].map(({ rankSum, ...stats }) => ({
		...stats,
		averageRank: stats.clicks > 0 ? rankSum / stats.clicks : null,
	}));
	all.sort(mostFirst);
	const clickedRows = searches.filter((row) => row.clickedRank !== null);
	const withResults = searches.filter((row) => (row.results ?? 0) > 0).length;
	let oldest = Infinity;
	let newest = -Infinity;
	for (const row of rows) {
		oldest = Math.min(oldest, row.createdAt.getTime());
		newest = Math.max(newest, row.createdAt.getTime());
	}
	const from = range.from ?? (rows.length ? new Date(oldest) : undefined);
	const to = range.to ?? (rows.length ? new Date(newest) : undefined);
	return {
		searches: searches.length,
		withoutResults: searches.filter((row) => row.results === 0).length,
		clicked: clickedRows.length,
		clickThroughRate: withResults > 0 ? clickedRows.length / withResults : null,
		averageRank:
			clickedRows.length > 0
				? clickedRows.reduce((sum, row) => sum + row.clickedRank!, 0) / clickedRows.length
				: null,
		noResults: all.filter((q) => q.results === 0),
		noClick: all.filter((q) => q.results > 0 && q.clicks === 0),
		top: all,
		finderDomains: [...domains.values()].sort(
			(a, b) => b.lookups - a.lookups || b.lastSeen.getTime() - a.lastSeen.getTime(),
		),
		weeks: from && to ? weeksOf(searches, from, to) : [],
	};
}
