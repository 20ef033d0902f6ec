import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
	belowBudget,
	formatFindings,
	formatTable,
	type PageResult,
} from '../../scripts/lib/audit-report.ts';

const page = (label: string, perf: number, failed: PageResult['failed'] = []): PageResult => ({
	label,
	url: `http://localhost/${label}`,
	scores: { performance: perf, accessibility: 100, 'best-practices': 100, seo: 100 },
	lcpMs: 1234,
	tbtMs: 56.4,
	cls: 0.0123,
	failed,
	skipped: [],
});

describe('formatTable()', () => {
	test('prints one row per page with the four scores, LCP, TBT and CLS', () => {
		const table = formatTable([page('nl home', 100), page('en article', 87)]).split('\n');
		expect(table[0]).toMatch(/^page\s+Perf\s+A11y\s+BP\s+SEO\s+LCP\s+TBT\s+CLS$/);
		expect(table[2]).toMatch(/^nl home\s+100\s+100\s+100\s+100\s+1\.23 s\s+56 ms\s+0\.012$/);
		expect(table[3]).toMatch(/^en article\s+87\s+100/);
	});
});

describe('belowBudget()', () => {
	test('names each page and category under the budget', () => {
		const results = [page('nl home', 100), page('en home', 87)];
		expect(belowBudget(results, 100)).toEqual(['en home: performance 87 < 100']);
		expect(belowBudget(results, 85)).toEqual([]);
	});
});

describe('formatFindings()', () => {
	test('lists the failed audits of categories under the budget, and skipped audits', () => {
		const failed = [
			{ category: 'performance' as const, id: 'cls', title: 'CLS', score: 0.5, display: '0.2' },
		];
		const results = [
			page('ok', 100, failed),
			{ ...page('slow', 80, failed), skipped: [{ id: 'is-crawlable', reason: 'noindex' }] },
		];
		expect(formatFindings(results, 100)).toBe(
			'slow: [performance] cls: CLS (0.2)\nslow: skipped is-crawlable: noindex',
		);
	});
});

describe('npm run audit', () => {
	const run = (...args: string[]) =>
		spawnSync(process.execPath, [join(import.meta.dirname, '../../scripts/audit.ts'), ...args], {
			encoding: 'utf8',
		});

	test('exits 2 naming --budget when it is not a whole number from 0 to 100', () => {
		for (const value of ['abc', '101', '-1', '9.5']) {
			const result = run(`--budget=${value}`);
			expect(result.status, value).toBe(2);
			expect(result.stderr).toContain(
				`--budget: expected a whole number from 0 to 100, got "${value}"`,
			);
		}
	});

	test('exits 2 naming an unknown flag', () => {
		const result = run('--budgte', '90');
		expect(result.status).toBe(2);
		expect(result.stderr).toContain("'--budgte'");
	});
});
