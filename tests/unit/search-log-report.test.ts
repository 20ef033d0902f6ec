/**
 * The search log's figures (src/lib/search-log/summary.ts) and `npm run feedback:report --
 * --searches` in its three formats, against a seeded SQLite store and, once, the real script.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runReport } from '../../src/lib/report/cli.ts';
import { summariseSearches } from '../../src/lib/search-log/summary.ts';
import { SqliteFeedbackStore } from '../../src/lib/store/sqlite.ts';
import { tempSqlitePath } from '../fixtures/insights-db.ts';
import { searchFixtureNow, seedSearchLog } from '../fixtures/search-log.ts';

const root = join(import.meta.dirname, '../..');
let db: { path: string; remove: () => void };

beforeAll(async () => {
	db = tempSqlitePath();
	const store = new SqliteFeedbackStore(db.path);
	await store.migrate();
	await seedSearchLog(store);
	await store.close();
});
afterAll(() => db.remove());

async function report(...args: string[]) {
	let stdout = '';
	let stderr = '';
	const status = await runReport(['--searches', '--db', db.path, ...args], {
		env: {},
		cwd: root,
		stdout: (text) => (stdout += text),
		stderr: (text) => (stderr += text),
		now: searchFixtureNow,
	});
	return { status, stdout, stderr };
}

describe('summariseSearches()', () => {
	test('counts, click-through, average rank, the three lists and the finder domains', async () => {
		const store = new SqliteFeedbackStore(db.path);
		const summary = summariseSearches(await store.listSearches(), { to: searchFixtureNow });
		await store.close();
		expect(summary.searches).toBe(11);
		expect(summary.withoutResults).toBe(5);
		// 6 searches had results; 4 of them led to a result being opened, at ranks 1, 2, 1, 3.
		expect(summary.clicked).toBe(4);
		expect(summary.clickThroughRate).toBeCloseTo(4 / 6);
		expect(summary.averageRank).toBeCloseTo(7 / 4);
		expect(summary.noResults.map((q) => [q.query, q.searches])).toEqual([
			['hetnet wachtwoord', 3],
			['wachtwoord voor [e-mail]', 1],
			['zyxel', 1],
		]);
		expect(summary.noClick.map((q) => q.query)).toEqual(['ipad mail']);
		const gmail = summary.top[0]!;
		expect(gmail).toMatchObject({ query: 'gmail', searches: 3, clicks: 2, averageRank: 1.5 });
		expect(summary.top.find((q) => q.query === 'outlok')).toMatchObject({ adjusted: 1 });
		expect(summary.finderDomains.map((d) => [d.domain, d.lookups, d.reason])).toEqual([
			['jansenbouw.nl', 2, 'unknown'],
			['typfout.nll', 1, 'no-domain'],
		]);
		// Weeks from the oldest row (16 days back) to now, empty ones included.
		expect(summary.weeks.reduce((n, w) => n + w.searches, 0)).toBe(11);
		expect(summary.weeks.reduce((n, w) => n + w.withoutResults, 0)).toBe(5);
		expect(summary.weeks.length).toBeGreaterThanOrEqual(3);
	});

	test('an empty log is all zeros, never NaN', () => {
		const summary = summariseSearches([]);
		expect(summary).toMatchObject({
			searches: 0,
			clickThroughRate: null,
			averageRank: null,
			weeks: [],
		});
	});
});

describe('feedback:report --searches', () => {
	test('table: totals, then queries without results first, then no click, top, finder', async () => {
		const { status, stdout } = await report();
		expect(status).toBe(0);
		expect(stdout).toContain('Search report, 2026-12-07: 11 searches · all time · all languages');
		expect(stdout).toContain('Without results: 5 (45%)');
		expect(stdout).toContain('click-through 67%');
		const order = [
			'Queries without results',
			'hetnet wachtwoord',
			'Queries with results but none opened',
			'Top queries',
			'E-mail domains the finder could not match',
			'jansenbouw.nl',
		].map((text) => stdout.indexOf(text));
		expect(order.every((at) => at >= 0)).toBe(true);
		expect([...order].sort((a, b) => a - b)).toEqual(order);
		expect(stdout).toContain('wachtwoord voor [e-mail]');
		expect(stdout).toContain('domain does not exist');
	});

	test('--lang and --since filter', async () => {
		const en = await report('--lang', 'en');
		expect(en.stdout).toContain('2 searches');
		expect(en.stdout).not.toContain('hetnet');
		const recent = await report('--since', '2026-12-05');
		expect(recent.stdout).toContain('since 2026-12-05');
		expect(recent.stdout).not.toContain('zyxel');
	});

	test('csv: one row per query and language, no-results first, finder domains last', async () => {
		const { stdout } = await report('--format', 'csv');
		const lines = stdout.trimEnd().split('\r\n');
		expect(lines[0]).toBe(
			'query,lang,status,searches,results,clicks,average_rank,adjusted,last_searched',
		);
		expect(lines[1]).toBe('hetnet wachtwoord,nl,no_results,3,0,0,,0,2026-12-06T12:00:00.000Z');
		expect(lines.at(-1)).toBe('typfout.nll,nl,finder_no_domain,1,,,,,2026-12-05T12:00:00.000Z');
		expect(lines).toHaveLength(1 + 7 + 2);
	});

	test('json: the same figures', async () => {
		const json = JSON.parse((await report('--format', 'json')).stdout) as Record<string, unknown>;
		expect(json).toMatchObject({ searches: 11, withoutResults: 5, clicked: 4 });
		expect((json['noResults'] as { query: string }[])[0]!.query).toBe('hetnet wachtwoord');
	});

	test('--article does not go with --searches (exit 2, naming the flag)', async () => {
		const { status, stderr } = await report('--article', 'gmail');
		expect(status).toBe(2);
		expect(stderr).toContain('--article');
	});

	test('the real script prints the report', () => {
		const result = spawnSync(
			process.execPath,
			['scripts/feedback-report.ts', '--searches', '--db', db.path, '--format', 'csv'],
			{ cwd: root, encoding: 'utf8' },
		);
		expect(result.status).toBe(0);
		expect(result.stdout).toContain('hetnet wachtwoord,nl,no_results,3');
	});
});
