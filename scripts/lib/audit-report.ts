/**
 * The figures `npm run audit` prints: per page the four Lighthouse category scores and three
 * Core Web Vitals, the pages below the budget, and the audits that cost them points.
 */

/** The Lighthouse categories the budget applies to, with the column heading each gets. */
export const categories = {
	performance: 'Perf',
	accessibility: 'A11y',
	'best-practices': 'BP',
	seo: 'SEO',
} as const;

/** One of `categories`. */
export type Category = keyof typeof categories;

/** An audit that lost points: its id, title, score (0–1) and what Lighthouse measured. */
export interface FailedAudit {
	category: Category;
	id: string;
	title: string;
	score: number;
	display: string;
}

/** What one Lighthouse run gave for a page. */
export interface PageResult {
	/** What the page is, e.g. "nl article". */
	label: string;
	url: string;
	/** Scores 0–100 per category. */
	scores: Record<Category, number>;
	lcpMs: number;
	tbtMs: number;
	cls: number;
	failed: FailedAudit[];
	/** Audits left out on purpose for this page, with why. */
	skipped: { id: string; reason: string }[];
}

const pad = (text: string, width: number) => text.padEnd(width);

/** The table: one row per page. */
export function formatTable(results: readonly PageResult[]): string {
	const width = Math.max(4, ...results.map((r) => r.label.length));
	const head = [
		pad('page', width),
		...Object.values(categories).map((c) => c.padStart(4)),
		'LCP'.padStart(8),
		'TBT'.padStart(7),
		'CLS'.padStart(6),
	].join('  ');
	const rows = results.map((r) =>
		[
			pad(r.label, width),
			...Object.keys(categories).map((c) => String(r.scores[c as Category]).padStart(4)),
			`${(r.lcpMs / 1000).toFixed(2)} s`.padStart(8),
			`${Math.round(r.tbtMs)} ms`.padStart(7),
			r.cls.toFixed(3).padStart(6),
		].join('  '),
	);
	return [head, '-'.repeat(head.length), ...rows].join('\n');
}

/** Each page score below `budget`, as `label: category score`. */
export function belowBudget(results: readonly PageResult[], budget: number): string[] {
	return results.flatMap((r) =>
		(Object.keys(categories) as Category[])
			.filter((c) => r.scores[c] < budget)
			.map((c) => `${r.label}: ${c} ${r.scores[c]} < ${budget}`),
	);
}

/** The audits that lost points on pages below the budget, and the audits skipped on purpose. */
export function formatFindings(results: readonly PageResult[], budget: number): string {
	const lines: string[] = [];
	for (const r of results) {
		const failing = r.failed.filter((a) => r.scores[a.category] < budget);
		for (const a of failing) {
			const display = a.display ? ` (${a.display})` : '';
			lines.push(`${r.label}: [${a.category}] ${a.id}: ${a.title}${display}`);
		}
		for (const s of r.skipped) lines.push(`${r.label}: skipped ${s.id}: ${s.reason}`);
	}
	return lines.join('\n');
}
