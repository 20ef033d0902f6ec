/**
 * The search log's figures as text, CSV and JSON, for `npm run feedback:report -- --searches`
 * (the dashboard's CSV export uses {@link searchesCsv} too). Queries without results come first.
 */
import { isoDate } from '../dates.ts';
import { toCsv } from '../votes/csv.ts';
import type { QueryStats, SearchSummary } from './summary.ts';

/** What the report covers. */
export interface SearchReportMeta {
	generatedAt: Date;
	since?: Date;
	lang?: string;
}

/** Rows per list in the text report; CSV and JSON hold every row. */
export const tableRows = 25;

/** "42%" or "–". */
export function percentLabel(part: number, whole: number | null): string {
	return whole ? `${Math.round((part / whole) * 100)}%` : '–';
}

/** Why the finder named no provider, in words. */
export const finderReasons: Record<string, string> = {
	unknown: 'mail servers of no known provider',
	filtered: 'behind a mail filtering service',
	'no-domain': 'domain does not exist',
	'not-checked': 'DNS did not answer',
};

/** One line, harmless in a terminal (a query is typed by anyone). */
function safe(text: string): string {
	return text.replace(/[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]/gu, '\uFFFD');
}

function columns(rows: readonly (readonly string[])[], right: ReadonlySet<number>): string[] {
	const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => [...row[i]!].length)));
	return rows.map((row) =>
		row
			.map((cell, i) => {
				const pad = ' '.repeat(widths[i]! - [...cell].length);
				return right.has(i) ? pad + cell : cell + pad;
			})
			.join('  ')
			.trimEnd(),
	);
}

function rank(value: number | null): string {
	return value === null ? '–' : value.toFixed(1);
}

function queryTable(title: string, list: readonly QueryStats[], lines: string[]): void {
	lines.push(`${title} (${list.length})`);
	if (list.length === 0) {
		lines.push('  none', '');
		return;
	}
	const header = ['Query', 'Lang', 'Times', 'Results', 'Opened', 'Avg rank', 'Last'];
	const rows = list
		.slice(0, tableRows)
		.map((q) => [
			safe(q.query),
			q.lang,
			String(q.searches),
			String(q.results),
			String(q.clicks),
			rank(q.averageRank),
			isoDate(q.lastSearched),
		]);
	lines.push(...columns([header, ...rows], new Set([2, 3, 4, 5])).map((l) => `  ${l}`));
	if (list.length > tableRows) {
		lines.push(`  … and ${list.length - tableRows} more (--format csv lists them all)`);
	}
	lines.push('');
}

/** The plain-text report. */
export function searchesTable(summary: SearchSummary, meta: SearchReportMeta): string {
	const scope = [
		`Search report, ${isoDate(meta.generatedAt)}: ${summary.searches} searches`,
		meta.since ? `since ${isoDate(meta.since)}` : 'all time',
		meta.lang ? `language ${meta.lang}` : 'all languages',
	].join(' · ');
	const lines = [scope];
	if (summary.searches === 0 && summary.finderDomains.length === 0) {
		return `${scope}\nNo searches logged.\n`;
	}
	const withResults = summary.searches - summary.withoutResults;
	lines.push(
		`Without results: ${summary.withoutResults} (${percentLabel(summary.withoutResults, summary.searches)}) · ` +
			`a result opened: ${summary.clicked} of ${withResults} with results (click-through ${percentLabel(summary.clicked, withResults)}) · ` +
			`average rank opened: ${rank(summary.averageRank)}`,
		'',
	);
	queryTable(
		'Queries without results: write or extend an article for these',
		summary.noResults,
		lines,
	);
	queryTable('Queries with results but none opened', summary.noClick, lines);
	queryTable('Top queries', summary.top, lines);
	lines.push(`E-mail domains the finder could not match (${summary.finderDomains.length})`);
	if (summary.finderDomains.length === 0) lines.push('  none');
	else {
		const header = ['Domain', 'Lang', 'Lookups', 'Why', 'Last'];
		const rows = summary.finderDomains
			.slice(0, tableRows)
			.map((d) => [
				safe(d.domain),
				d.lang,
				String(d.lookups),
				finderReasons[d.reason] ?? d.reason,
				isoDate(d.lastSeen),
			]);
		lines.push(...columns([header, ...rows], new Set([2])).map((l) => `  ${l}`));
	}
	lines.push('');
	return lines.join('\n');
}

/** Columns of the CSV: one row per query and language, then one per unmatched finder domain. */
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

/**
 * What came of a query: `no_results`, `no_click` (results, none opened) or `clicked`; a finder
 * domain's row says `finder_` and why no provider matched (`finder_unknown`, `finder_no_domain`…).
 */
export function queryStatus(q: QueryStats): 'no_results' | 'no_click' | 'clicked' {
	if (q.results === 0) return 'no_results';
	return q.clicks === 0 ? 'no_click' : 'clicked';
}

const statusOrder = { no_results: 0, no_click: 1, clicked: 2 } as const;

/**
 * The CSV (RFC 4180; every text cell through the formula guard of `csv.ts`, since queries are
 * typed by anyone): queries without results first, then with results but no click, then the
 * rest, each group most searched first; the finder's unmatched domains last. No byte order mark:
 * the dashboard's download adds one for Excel.
 */
export function searchesCsv(summary: Pick<SearchSummary, 'top' | 'finderDomains'>): string {
	// `top` is most searched first; a stable sort keeps that order within each group.
	const queries = [...summary.top]
		.sort((a, b) => statusOrder[queryStatus(a)] - statusOrder[queryStatus(b)])
		.map((q) => [
			q.query,
			q.lang,
			queryStatus(q),
			q.searches,
			q.results,
			q.clicks,
			q.averageRank === null ? null : Math.round(q.averageRank * 10) / 10,
			q.adjusted,
			q.lastSearched.toISOString(),
		]);
	const domains = summary.finderDomains.map((d) => [
		d.domain,
		d.lang,
		`finder_${d.reason.replace(/-/g, '_')}`,
		d.lookups,
		null,
		null,
		null,
		null,
		d.lastSeen.toISOString(),
	]);
	return toCsv(searchesCsvHeader, [...queries, ...domains]);
}

/** The JSON report. */
export function searchesJson(summary: SearchSummary, meta: SearchReportMeta): string {
	const query = (q: QueryStats) => ({
		query: q.query,
		lang: q.lang,
		times: q.searches,
		results: q.results,
		opened: q.clicks,
		averageRank: q.averageRank,
		adjusted: q.adjusted,
		lastSearched: q.lastSearched.toISOString(),
	});
	const report = {
		generatedAt: meta.generatedAt.toISOString(),
		filters: { since: meta.since ? isoDate(meta.since) : null, lang: meta.lang ?? null },
		searches: summary.searches,
		withoutResults: summary.withoutResults,
		clicked: summary.clicked,
		clickThroughRate: summary.clickThroughRate,
		averageRank: summary.averageRank,
		noResults: summary.noResults.map(query),
		noClick: summary.noClick.map(query),
		top: summary.top.map(query),
		finderDomains: summary.finderDomains.map((d) => ({
			domain: d.domain,
			lang: d.lang,
			lookups: d.lookups,
			reason: d.reason,
			lastSeen: d.lastSeen.toISOString(),
		})),
		weeks: summary.weeks,
	};
	return `${JSON.stringify(report, null, '\t')}\n`;
}
