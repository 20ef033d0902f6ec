/**
 * The report's three output formats. Plain text for people at a terminal, CSV for spreadsheets,
 * JSON for scripts; all three carry the same figures in the same order.
 */
import { isoDate } from '../dates.ts';
import { toCsv } from '../votes/csv.ts';
import { attentionDefinition } from '../votes/score.ts';
import { helpfulPercent, type ArticleStats, type Count, type Tally } from '../votes/summary.ts';

/** What the report covers, printed above the figures. */
export interface ReportMeta {
	generatedAt: Date;
	since?: Date;
	lang?: string;
	article?: string;
}

/** How the order is decided, in one line (the full definition is in `src/lib/votes/score.ts`). */
export { attentionDefinition };

/** "62% (8 of 13)"; "–" without votes. */
export function helpfulLabel(tally: Tally): string {
	const percent = helpfulPercent(tally);
	return percent === null ? '–' : `${percent}% (${tally.yes} of ${tally.votes})`;
}

/** "step-failed 3, screen-differs 2" for the first `limit` counts. */
function countsLabel(counts: readonly Count[], limit = Infinity): string {
	return counts
		.slice(0, limit)
		.map((c) => `${c.value} ${c.count}`)
		.join(', ');
}

/**
 * A comment on one line and harmless in a terminal: control characters (an ANSI escape could
 * rewrite the screen) become U+FFFD, line breaks become " ⏎ ".
 */
export function terminalSafe(text: string): string {
	return text
		.replace(/\r?\n|\r/g, ' ⏎ ')
		.replace(/\p{Cc}/gu, '\uFFFD')
		.replace(/[\u2028\u2029\u202A-\u202E\u2066-\u2069]/g, '\uFFFD');
}

/** Pads cells into aligned columns; columns listed in `right` are right-aligned. */
function columns(rows: readonly (readonly string[])[], right: ReadonlySet<number>): string[] {
	const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
	return rows.map((row) =>
		row
			.map((cell, i) => (right.has(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
			.join('  ')
			.trimEnd(),
	);
}

function scopeLine(meta: ReportMeta, stats: readonly ArticleStats[]): string {
	const votes = stats.reduce((sum, s) => sum + s.votes, 0);
	return [
		`Feedback report, ${isoDate(meta.generatedAt)}: ${votes} votes`,
		meta.since ? `since ${isoDate(meta.since)}` : 'all time',
		meta.lang ? `language ${meta.lang}` : 'all languages',
		...(meta.article ? [`article ${meta.article}`] : []),
	].join(' · ');
}

/** The plain-text report: a ranked table, then per article its reasons, sections and comments. */
export function formatTable(stats: readonly ArticleStats[], meta: ReportMeta): string {
	const lines = [scopeLine(meta, stats)];
	if (stats.length === 0) return `${lines[0]}\nNo votes match.\n`;
	lines.push(`Sorted by what needs attention first: ${attentionDefinition}.`, '');
	const header = ['#', 'Article', 'Lang', 'Votes', 'No', 'Helpful', 'Attention', 'Top reasons'];
	const rows = stats.map((s, i) => [
		String(i + 1),
		s.article,
		s.lang,
		String(s.votes),
		String(s.no),
		helpfulLabel(s),
		s.attention.toFixed(2),
		countsLabel(s.reasons, 3) || '–',
	]);
	lines.push(...columns([header, ...rows], new Set([0, 3, 4, 6])), '');
	for (const [i, s] of stats.entries()) {
		if (s.reasons.length + s.sections.length + s.comments.length === 0) continue;
		lines.push(`${i + 1}. ${s.article} (${s.lang})`);
		if (s.reasons.length) lines.push(`   Reasons:   ${countsLabel(s.reasons)}`);
		if (s.sections.length) lines.push(`   Stuck at:  ${countsLabel(s.sections)}`);
		for (const c of s.comments) {
			lines.push(`   ${isoDate(c.at)}  “${terminalSafe(c.text)}”`);
		}
		lines.push('');
	}
	return lines.join('\n');
}

/** Columns of the CSV report, one row per article and language. */
export const reportCsvHeader = [
	'rank',
	'article',
	'lang',
	'votes',
	'yes',
	'no',
	'helpful_percent',
	'attention',
	'reasons',
	'stuck_at',
	'newest_comments',
] as const;

/** The CSV report; several comments share one cell, one per line. */
export function formatCsv(stats: readonly ArticleStats[]): string {
	return toCsv(
		reportCsvHeader,
		stats.map((s, i) => [
			i + 1,
			s.article,
			s.lang,
			s.votes,
			s.yes,
			s.no,
			helpfulPercent(s),
			Number(s.attention.toFixed(3)),
			countsLabel(s.reasons),
			countsLabel(s.sections),
			s.comments.map((c) => `${isoDate(c.at)}: ${c.text}`).join('\n'),
		]),
	);
}

/** The JSON report: the figures with ISO dates, plus the filters and the scoring rule. */
export function formatJson(stats: readonly ArticleStats[], meta: ReportMeta): string {
	const report = {
		generatedAt: meta.generatedAt.toISOString(),
		filters: {
			since: meta.since ? isoDate(meta.since) : null,
			lang: meta.lang ?? null,
			article: meta.article ?? null,
		},
		order: attentionDefinition,
		articles: stats.map((s) => ({
			article: s.article,
			lang: s.lang,
			votes: s.votes,
			yes: s.yes,
			no: s.no,
			helpfulPercent: helpfulPercent(s),
			attention: Number(s.attention.toFixed(3)),
			reasons: s.reasons.map((c) => ({ reason: c.value, count: c.count })),
			stuckAt: s.sections.map((c) => ({ section: c.value, count: c.count })),
			comments: s.comments.map((c) => ({
				at: c.at.toISOString(),
				text: c.text,
				reasons: c.reasons,
				section: c.section,
			})),
			revisions: s.revisions,
			lastVoteAt: s.lastVoteAt.toISOString(),
		})),
	};
	return `${JSON.stringify(report, null, '\t')}\n`;
}
