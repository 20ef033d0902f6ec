/** The table `npm test` ends with (scripts/test.ts), in Markdown for the README. */

/** How one stage went. */
export interface StageResult {
	name: string;
	status: 'passed' | 'failed' | 'skipped';
	/** Seconds after `npm test` started. */
	startedAt: number;
	seconds: number;
	summary: string;
}

const pad = (cells: string[], widths: number[]) =>
	`| ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;

/** One row per stage (start, time, result), then the wall-clock total and the load average. */
export function formatStageTable(
	results: readonly StageResult[],
	totalSeconds: number,
	load: readonly [number, number],
	jobs: number,
): string {
	const head = ['stage', 'start', 'time', 'result'];
	const rows = results.map((r) => [
		r.name,
		`${r.startedAt.toFixed(0)} s`,
		r.status === 'skipped' ? '–' : `${r.seconds.toFixed(1)} s`,
		[r.status, r.summary].filter(Boolean).join(': '),
	]);
	const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
	const minutes = `${Math.floor(totalSeconds / 60)} min ${(totalSeconds % 60).toFixed(0)} s`;
	return [
		pad(head, widths),
		pad(
			widths.map((w) => '-'.repeat(w)),
			widths,
		),
		...rows.map((row) => pad(row, widths)),
		'',
		`total ${minutes} (wall clock, ${jobs} stages at a time); load average ${load[0].toFixed(2)} at the start, ${load[1].toFixed(2)} at the end`,
	].join('\n');
}
