import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PostgresFeedbackStore } from '../../src/lib/store/postgres.ts';
import { SqliteFeedbackStore } from '../../src/lib/store/sqlite.ts';
import { parseReportArgs, UsageError } from '../../src/lib/report/args.ts';
import { runReport } from '../../src/lib/report/cli.ts';
import { tempPostgres, tempSqlitePath } from '../fixtures/insights-db.ts';
import { fixtureNow, seedInsightsVotes } from '../fixtures/insights-votes.ts';

const root = join(import.meta.dirname, '../..');

/** Runs the real script with Node (the pinned Node 24 that runs the tests). */
function cli(...args: string[]) {
	const result = spawnSync(process.execPath, ['scripts/feedback-report.ts', ...args], {
		cwd: root,
		encoding: 'utf8',
		env: { ...process.env, FEEDBACK_DATABASE_URL: '', FEEDBACK_DB_PATH: '' },
	});
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs the report in-process and collects what it prints. */
async function report(args: string[], env: Record<string, string> = {}) {
	let stdout = '';
	let stderr = '';
	const status = await runReport(args, {
		env,
		cwd: root,
		stdout: (text) => (stdout += text),
		stderr: (text) => (stderr += text),
		now: fixtureNow,
	});
	return { status, stdout, stderr };
}

describe('parseReportArgs()', () => {
	test('returns the defaults when no flags are given', () => {
		expect(parseReportArgs([])).toEqual({ format: 'table', help: false, searches: false });
	});

	test('returns every flag parsed', () => {
		expect(
			parseReportArgs([
				'--since',
				'2026-01-01',
				'--lang=nl',
				'--article',
				'icloud-mail',
				'--format',
				'json',
				'--db',
				'postgres://u@h/db',
			]),
		).toEqual({
			since: new Date('2026-01-01T00:00:00Z'),
			lang: 'nl',
			article: 'icloud-mail',
			format: 'json',
			db: 'postgres://u@h/db',
			help: false,
			searches: false,
		});
	});

	test.each([
		[['--bogus'], /Unknown option '--bogus'/],
		[['--since'], /--since <value>' argument missing/],
		[['extra'], /Unexpected argument 'extra'/],
		[['--since', '01-01-2026'], /^--since: expected a date as YYYY-MM-DD, got "01-01-2026"\.$/],
		[['--since', '2026-02-30'], /^--since: expected a date that exists, got "2026-02-30"\.$/],
		[['--lang', 'de'], /^--lang: expected one of: nl, en, got "de"\.$/],
		[['--article', 'Icloud Mail'], /^--article: expected an article id/],
		[['--format', 'xml'], /^--format: expected one of: table, csv, json, got "xml"\.$/],
		[['--db', 'mysql://h/db'], /^--db: expected a postgres:\/\/ URL or a SQLite file path/],
		[['--db', ' '], /^--db: expected a postgres:\/\/ URL or a SQLite file path/],
	])('throws a UsageError naming the flag for %j', (args, message) => {
		expect(() => parseReportArgs(args)).toThrow(UsageError);
		expect(() => parseReportArgs(args)).toThrow(message);
	});
});

describe('feedback-report.ts', () => {
	test('exits with 2 and names the flag when a flag is unknown', () => {
		const { status, stdout, stderr } = cli('--colour', 'red');
		expect(status).toBe(2);
		expect(stdout).toBe('');
		expect(stderr).toContain("feedback:report: Unknown option '--colour'");
	});

	test('exits with 2 and names the flag when a value is bad', () => {
		const { status, stderr } = cli('--lang', 'fr');
		expect(status).toBe(2);
		expect(stderr).toContain('--lang: expected one of: nl, en, got "fr".');
	});

	test('exits with 1 when the SQLite file does not exist', () => {
		const { status, stderr } = cli('--db', 'test-results/no-such-feedback.db');
		expect(status).toBe(1);
		expect(stderr).toMatch(/no feedback database at .*no-such-feedback\.db/);
	});

	test('exits with 0 and prints the usage for --help', () => {
		const { status, stdout } = cli('--help');
		expect(status).toBe(0);
		expect(stdout).toContain('--format <table|csv|json>');
	});
});

describe('runReport()', () => {
	describe('on SQLite', () => {
		const db = tempSqlitePath();
		beforeAll(async () => {
			const store = new SqliteFeedbackStore(db.path);
			await store.migrate();
			await seedInsightsVotes(store);
			await store.close();
		});
		afterAll(() => db.remove());

		test('returns the table for the --db path', async () => {
			const { status, stdout } = await report(['--db', db.path]);
			expect(status).toBe(0);
			expect(stdout).toMatch(/^1\s+icloud-mail\s+en\s+8\s+5\s+38% \(3 of 8\)/m);
		});

		test('returns the database from FEEDBACK_DB_PATH when --db is not given', async () => {
			const { status, stdout } = await report(['--format', 'csv'], { FEEDBACK_DB_PATH: db.path });
			expect(status).toBe(0);
			expect(stdout.split('\r\n')).toHaveLength(6);
		});

		test('returns only the votes the filters select', async () => {
			const { stdout } = await report([
				'--db',
				db.path,
				'--format',
				'json',
				'--lang',
				'en',
				'--since',
				'2026-11-10',
			]);
			const articles = (JSON.parse(stdout) as { articles: { article: string; votes: number }[] })
				.articles;
			// From Nov 10 in English: icloud-mail's votes 10, 9, 3 and 2 days back, and revoke's
			// six Yes votes 3 to 18 days back plus its No 6 days back.
			expect(articles.map((a) => [a.article, a.votes])).toEqual([
				['icloud-mail', 4],
				['revoke-app-passwords', 7],
			]);
		});

		test('returns only one article for --article', async () => {
			const { stdout } = await report(['--db', db.path, '--article', 'enter-app-password']);
			expect(stdout).toContain('enter-app-password');
			expect(stdout).not.toContain('icloud-mail');
		});
	});

	describe('on PostgreSQL', () => {
		let database: Awaited<ReturnType<typeof tempPostgres>>;
		beforeAll(async () => {
			database = await tempPostgres();
			const store = new PostgresFeedbackStore(database.url);
			await store.migrate();
			await seedInsightsVotes(store);
			await store.close();
		});
		afterAll(() => database.drop());

		test('returns the same figures as SQLite for a postgres:// --db', async () => {
			const { status, stdout } = await report(['--db', database.url, '--format', 'csv']);
			expect(status).toBe(0);
			expect(stdout.split('\r\n')[1]).toMatch(/^1,icloud-mail,en,8,3,5,38,1\.529,/);
		});

		test('exits with 1 and says which database when it cannot connect', async () => {
			const { status, stderr } = await report(['--db', 'postgres://postgres@127.0.0.1:1/none']);
			expect(status).toBe(1);
			expect(stderr).toContain('cannot read the PostgreSQL database');
		});
	});
});
