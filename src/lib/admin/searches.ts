/**
 * The dashboard's "Zoekopdrachten / Searches" section: the search log's rows its filters select
 * (`since`, `searchLang`), summed by `summariseSearches()` (src/lib/search-log/summary.ts, the
 * same figures as `npm run feedback:report -- --searches`), cut to compact tables. Pure but for
 * {@link dashboardSearchRows}, which reads the store.
 */
import type { DomainStats, QueryStats, SearchSummary } from '../search-log/summary.ts';
import { summariseSearches } from '../search-log/summary.ts';
import type { FeedbackStore, StoredSearch } from '../store/store.ts';
import type { AdminFilters } from './filters.ts';

/** Most search-log rows the dashboard reads at once; narrow with `since` beyond that. */
export const dashboardSearchLimit = 100_000;

/** Rows shown per table; the rest is counted ("and 12 more") and in the CSV. */
export const searchTableRows = 20;

/** A table's first rows, and how many more there are. */
export interface Shortened<T> {
	rows: T[];
	more: number;
}

/** One week of the chart, with the share of searches that found nothing. */
export interface SearchWeekRate {
	/** The Monday, `YYYY-MM-DD`. */
	week: string;
	searches: number;
	withoutResults: number;
	/** `withoutResults / searches` in whole percent; null in a week without searches. */
	percentWithoutResults: number | null;
}

/** What the section renders. */
export interface SearchSection {
	searches: number;
	withoutResults: number;
	/** Whole percent of the searches that found nothing; null without searches. */
	percentWithoutResults: number | null;
	/** Whole percent of the searches with results after which one was opened; null when none had results. */
	clickThroughPercent: number | null;
	/** Mean rank of the results opened (1 = the first), one decimal; null without clicks. */
	averageRank: number | null;
	/** The content team's to-do list: shown first. */
	noResults: Shortened<QueryStats>;
	noClick: Shortened<QueryStats>;
	top: Shortened<QueryStats>;
	finderDomains: Shortened<DomainStats>;
	weeks: SearchWeekRate[];
}

/** The search-log rows (searches and finder domains) the dashboard's filters select. */
export function dashboardSearchRows(
	store: FeedbackStore,
	filters: AdminFilters,
): Promise<StoredSearch[]> {
	return store.listSearches({
		...(filters.since && { since: filters.since }),
		...(filters.searchLang && { lang: filters.searchLang }),
		limit: dashboardSearchLimit,
	});
}

const percent = (part: number, whole: number) => Math.round((part / whole) * 100);

function shorten<T>(rows: readonly T[], limit: number): Shortened<T> {
	return { rows: rows.slice(0, limit), more: Math.max(0, rows.length - limit) };
}

/** The section's figures from a summary; `limit` rows per table (default {@link searchTableRows}). */
export function searchSection(summary: SearchSummary, limit = searchTableRows): SearchSection {
	return {
		searches: summary.searches,
		withoutResults: summary.withoutResults,
		percentWithoutResults:
			summary.searches > 0 ? percent(summary.withoutResults, summary.searches) : null,
		clickThroughPercent:
			summary.clickThroughRate === null ? null : Math.round(summary.clickThroughRate * 100),
		averageRank: summary.averageRank === null ? null : Math.round(summary.averageRank * 10) / 10,
		noResults: shorten(summary.noResults, limit),
		noClick: shorten(summary.noClick, limit),
		top: shorten(summary.top, limit),
		finderDomains: shorten(summary.finderDomains, limit),
		weeks: summary.weeks.map((w) => ({
			...w,
			percentWithoutResults: w.searches > 0 ? percent(w.withoutResults, w.searches) : null,
		})),
	};
}

/**
 * The section for the filters: the chart runs over the same weeks as the votes' charts
 * (`weeksFrom` to `now`), the tables and totals over every row the filters select.
 */
export async function loadSearchSection(
	store: FeedbackStore,
	filters: AdminFilters,
	weeksFrom: Date,
	now: Date,
): Promise<SearchSection> {
	const rows = await dashboardSearchRows(store, filters);
	return searchSection(summariseSearches(rows, { from: weeksFrom, to: now }));
}
