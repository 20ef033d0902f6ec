/**
 * One contract, two stores: every test runs against SQLite (a temporary file) and PostgreSQL (a
 * database created for this file and dropped afterwards). PostgreSQL being unreachable fails the
 * run unless FEEDBACK_SKIP_POSTGRES=1.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import postgres from 'postgres';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { migrations } from '../../src/lib/store/migrations.ts';
import { PostgresFeedbackStore } from '../../src/lib/store/postgres.ts';
import { SqliteFeedbackStore } from '../../src/lib/store/sqlite.ts';
import type { FeedbackStore, SearchLogEntry, VoteInput } from '../../src/lib/store/store.ts';
import { createTempDatabase, skipPostgres, tempDir } from '../fixtures/feedback.ts';

/** How a store under test is made, inspected and thrown away. */
interface Harness {
	/** A new store on a fresh, empty database (not migrated). */
	fresh(): Promise<{ store: FeedbackStore; versions: () => Promise<number[]> }>;
	/** Migrates the fresh database from `count` processes or connections at the same moment. */
	migrateConcurrently(count: number): Promise<number[]>;
	cleanup(): Promise<void>;
}

const t0 = new Date('2026-11-28T10:00:00.000Z');
const later = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

function vote(overrides: Partial<VoteInput> = {}): VoteInput {
	return {
		article: 'icloud-mail',
		lang: 'en',
		articleUpdated: '2026-11-28',
		vote: 'yes',
		reasons: [],
		comment: null,
		section: null,
		visitorHash: 'visitor-a',
		at: t0,
		...overrides,
	};
}

function sqliteHarness(): Harness {
	const { dir, remove } = tempDir();
	let n = 0;
	const stores: FeedbackStore[] = [];
	return {
		async fresh() {
			const path = join(dir, `store-${n++}.db`);
			const store = new SqliteFeedbackStore(path);
			stores.push(store);
			return {
				store,
				versions: async () => {
					const db = new DatabaseSync(path, { readOnly: true });
					const rows = db.prepare('SELECT version FROM schema_migrations ORDER BY version').all();
					db.close();
					return rows.map((r) => Number(r['version']));
				},
			};
		},
		async migrateConcurrently(count) {
			const path = join(dir, `concurrent-${n++}.db`);
			// Each child opens the file and waits for the same instant before migrating, so the
			// migrations really overlap (process start-up alone would spread them out).
			const startAt = Date.now() + 1500;
			const script = `
				const { SqliteFeedbackStore } = await import(${JSON.stringify(join(import.meta.dirname, '../../src/lib/store/sqlite.ts'))});
				const store = new SqliteFeedbackStore(process.argv[1]);
				while (Date.now() < ${startAt}) await new Promise((r) => setTimeout(r, 1));
				await store.migrate();
				await store.close();`;
			const exits = await Promise.all(
				Array.from(
					{ length: count },
					() =>
						new Promise<{ code: number | null; stderr: string }>((resolve) => {
							const child = spawn(process.execPath, ['--input-type=module', '-e', script, path], {
								stdio: ['ignore', 'ignore', 'pipe'],
							});
							let stderr = '';
							child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
							child.on('close', (code) => resolve({ code, stderr }));
						}),
				),
			);
			for (const exit of exits) expect(exit.stderr).toBe('');
			expect(exits.map((e) => e.code)).toEqual(exits.map(() => 0));
			const db = new DatabaseSync(path, { readOnly: true });
			const rows = db.prepare('SELECT version FROM schema_migrations').all();
			db.close();
			return rows.map((r) => Number(r['version']));
		},
		async cleanup() {
			await Promise.all(stores.map((s) => s.close()));
			remove();
		},
	};
}

function postgresHarness(): Harness {
	const databases: { url: string; drop: () => Promise<void> }[] = [];
	const stores: FeedbackStore[] = [];
	let shared: Promise<{ url: string; sql: postgres.Sql }> | undefined;
	const versionsOf = async (sql: postgres.Sql) =>
		(await sql<{ version: number }[]>`SELECT version FROM schema_migrations ORDER BY version`).map(
			(r) => r.version,
		);
	const database = async () => {
		const created = await createTempDatabase();
		databases.push(created);
		return created.url;
	};
	return {
		async fresh() {
			// One database for the suite, emptied per test: CREATE DATABASE takes a third of a second.
			shared ??= database().then((url) => ({
				url,
				sql: postgres(url, { max: 1, onnotice: () => {} }),
			}));
			const { url, sql } = await shared;
			await sql`DROP SCHEMA public CASCADE`;
			await sql`CREATE SCHEMA public`;
			const store = new PostgresFeedbackStore(url);
			stores.push(store);
			return { store, versions: () => versionsOf(sql) };
		},
		async migrateConcurrently(count) {
			const url = await database();
			// Separate stores have separate connection pools: the server sees `count` sessions.
			const racers = Array.from({ length: count }, () => new PostgresFeedbackStore(url));
			stores.push(...racers);
			await Promise.all(racers.map((s) => s.migrate()));
			const sql = postgres(url, { max: 1, onnotice: () => {} });
			try {
				return await versionsOf(sql);
			} finally {
				await sql.end();
			}
		},
		async cleanup() {
			await Promise.all(stores.map((s) => s.close()));
			if (shared) await (await shared).sql.end();
			await Promise.all(databases.map((d) => d.drop()));
		},
	};
}

function contract(makeHarness: () => Harness) {
	let harness: Harness;
	let store: FeedbackStore;
	let versions: () => Promise<number[]>;

	beforeAll(() => {
		harness = makeHarness();
	});
	afterAll(() => harness.cleanup());
	beforeEach(async () => {
		({ store, versions } = await harness.fresh());
		await store.migrate();
	});
	afterEach(() => store.close());

	describe('migrate()', () => {
		const all = migrations.map((m) => m.version);

		test('records every version once when run twice', async () => {
			await store.migrate();
			expect(await versions()).toEqual(all);
		});

		test('applies every version once when four run at the same moment', async () => {
			expect((await harness.migrateConcurrently(4)).sort()).toEqual(all);
		});
	});

	describe('saveVote()', () => {
		test('creates a row, then updates the same row for the same visitor', async () => {
			expect(await store.saveVote(vote())).toBe('created');
			expect(await store.saveVote(vote({ vote: 'no', at: later(60) }))).toBe('updated');
			const rows = await store.listVotes();
			expect(rows).toHaveLength(1);
			expect(rows[0]).toMatchObject({ vote: 'no', createdAt: t0, updatedAt: later(60) });
		});

		test('takes the last saved values but never moves the times back for an earlier arrival', async () => {
			// Two overlapping requests: the one that arrived later (60 s) commits first.
			await store.saveVote(vote({ vote: 'no', at: later(60) }));
			expect(await store.saveVote(vote({ vote: 'yes', at: t0 }))).toBe('updated');
			expect(await store.listVotes()).toMatchObject([
				{ vote: 'yes', createdAt: later(60), updatedAt: later(60) },
			]);
		});

		test('keeps separate rows per visitor and per language', async () => {
			await store.saveVote(vote());
			await store.saveVote(vote({ visitorHash: 'visitor-b' }));
			await store.saveVote(vote({ lang: 'nl' }));
			expect(await store.listVotes()).toHaveLength(3);
		});

		test('stores a new row every time when there is no visitor id', async () => {
			await store.saveVote(vote({ visitorHash: null }));
			await store.saveVote(vote({ visitorHash: null }));
			expect(await store.listVotes()).toHaveLength(2);
		});

		test('stores every field of a detailed vote', async () => {
			await store.saveVote(
				vote({
					vote: 'no',
					reasons: ['step-failed', 'screen-differs'],
					comment: 'Stap 3 — knop heet anders 🙂',
					section: 'generate-an-app-specific-password',
				}),
			);
			expect(await store.listVotes()).toEqual([
				{
					id: expect.any(Number),
					article: 'icloud-mail',
					lang: 'en',
					articleUpdated: '2026-11-28',
					vote: 'no',
					reasons: ['step-failed', 'screen-differs'],
					comment: 'Stap 3 — knop heet anders 🙂',
					section: 'generate-an-app-specific-password',
					visitorHash: 'visitor-a',
					createdAt: t0,
					updatedAt: t0,
				},
			]);
		});

		test('clears reasons, comment and section when a plain vote follows a detailed one', async () => {
			await store.saveVote(
				vote({ vote: 'no', reasons: ['inaccurate'], comment: 'x', section: 's' }),
			);
			await store.saveVote(vote({ vote: 'yes', articleUpdated: '2026-12-01', at: later(5) }));
			expect(await store.listVotes()).toMatchObject([
				{ vote: 'yes', reasons: [], comment: null, section: null, articleUpdated: '2026-12-01' },
			]);
		});

		test('returns replayed and saves nothing when a challenge is used twice', async () => {
			const challenge = { id: 'nonce-1', expiresAt: later(600) };
			expect(await store.saveVote(vote(), challenge)).toBe('created');
			expect(await store.saveVote(vote({ visitorHash: 'b', vote: 'no' }), challenge)).toBe(
				'replayed',
			);
			expect(await store.listVotes()).toMatchObject([{ visitorHash: 'visitor-a' }]);
		});

		test('forgets a used challenge once it has expired', async () => {
			await store.saveVote(vote(), { id: 'nonce-2', expiresAt: later(10) });
			expect(
				await store.saveVote(vote({ visitorHash: 'b', at: later(20) }), {
					id: 'nonce-2',
					expiresAt: later(30),
				}),
			).toBe('created');
		});

		test('rejects once the store is closed (errors are never swallowed)', async () => {
			await store.close();
			await expect(store.saveVote(vote())).rejects.toThrow();
		});
	});

	describe('submitVote()', () => {
		const client = { bucket: 'client:a', windowSeconds: 600, max: 2 };
		const article = { bucket: 'article:icloud-mail', windowSeconds: 3600, max: 100 };
		/** The count `bucket` has now, read by counting one more hit. */
		const countOf = async (hit: typeof client) =>
			(await store.hit(hit.bucket, hit.windowSeconds, t0)).count - 1;

		test('counts every hit and saves the vote while all are within their limits', async () => {
			expect(await store.submitVote(vote(), [client, article])).toEqual({ saved: 'created' });
			expect(await store.submitVote(vote({ vote: 'no' }), [client, article])).toEqual({
				saved: 'updated',
			});
			expect(await countOf(client)).toBe(2);
			expect(await countOf(article)).toBe(2);
			expect(await store.listVotes()).toMatchObject([{ vote: 'no' }]);
		});

		test('refuses the vote past a limit but keeps the count, and stops counting there', async () => {
			await store.submitVote(vote(), [client, article]);
			await store.submitVote(vote({ visitorHash: 'b' }), [client, article]);
			const challenge = { id: 'nonce-limited', expiresAt: later(600) };
			expect(
				await store.submitVote(vote({ visitorHash: 'c' }), [client, article], challenge),
			).toEqual({ limited: client, resetAt: later(600) });
			expect(await store.submitVote(vote({ visitorHash: 'd' }), [client, article])).toEqual({
				limited: client,
				resetAt: later(600),
			});
			expect(await countOf(client)).toBe(4);
			expect(await countOf(article)).toBe(2);
			expect((await store.listVotes()).map((v) => v.visitorHash).sort()).toEqual([
				'b',
				'visitor-a',
			]);
			// The refused vote did not use up its captcha.
			expect(await store.saveVote(vote({ visitorHash: 'c' }), challenge)).toBe('created');
		});

		test('refuses the vote when a later hit is past its limit, keeping the earlier counts', async () => {
			const tight = { ...article, max: 1 };
			await store.submitVote(vote(), [client, tight]);
			expect(await store.submitVote(vote({ visitorHash: 'b' }), [client, tight])).toEqual({
				limited: tight,
				resetAt: later(3600),
			});
			expect(await countOf(client)).toBe(2);
			expect(await countOf(tight)).toBe(2);
			expect(await store.listVotes()).toHaveLength(1);
		});

		test('keeps the counts of a vote whose captcha was used before', async () => {
			const challenge = { id: 'nonce-3', expiresAt: later(600) };
			await store.submitVote(vote(), [client], challenge);
			expect(await store.submitVote(vote({ visitorHash: 'b' }), [client], challenge)).toEqual({
				saved: 'replayed',
			});
			expect(await countOf(client)).toBe(2);
			expect(await store.listVotes()).toHaveLength(1);
		});

		test('lets exactly `max` of 20 simultaneous votes in, and counts all 20', async () => {
			const shared = { bucket: 'article:x', windowSeconds: 3600, max: 7 };
			const results = await Promise.all(
				Array.from({ length: 20 }, (_, i) =>
					store.submitVote(vote({ visitorHash: `v${i}` }), [shared]),
				),
			);
			expect(results.filter((r) => 'saved' in r)).toHaveLength(7);
			expect(await store.listVotes()).toHaveLength(7);
			expect(await countOf(shared)).toBe(20);
		});

		test('rejects once the store is closed', async () => {
			await store.close();
			await expect(store.submitVote(vote(), [client])).rejects.toThrow();
		});
	});

	describe('hit()', () => {
		test('counts hits per bucket within one window and starts again in the next', async () => {
			expect(await store.hit('client:a', 600, t0)).toEqual({ count: 1, resetAt: later(600) });
			expect((await store.hit('client:a', 600, later(599))).count).toBe(2);
			expect((await store.hit('client:b', 600, later(1))).count).toBe(1);
			expect(await store.hit('client:a', 600, later(600))).toEqual({
				count: 1,
				resetAt: later(1200),
			});
		});

		test('gives every one of 20 simultaneous hits its own count', async () => {
			const results = await Promise.all(
				Array.from({ length: 20 }, () => store.hit('article:x', 3600, t0)),
			);
			expect(results.map((r) => r.count).sort((a, b) => a - b)).toEqual(
				Array.from({ length: 20 }, (_, i) => i + 1),
			);
		});
	});

	describe('counts()', () => {
		test('counts yes and no per language and over all languages', async () => {
			await store.saveVote(vote());
			await store.saveVote(vote({ visitorHash: 'b', vote: 'no' }));
			await store.saveVote(vote({ visitorHash: 'c', lang: 'nl' }));
			await store.saveVote(vote({ visitorHash: 'd', article: 'gmail' }));
			expect(await store.counts('icloud-mail', 'en')).toEqual({ yes: 1, no: 1 });
			expect(await store.counts('icloud-mail', 'nl')).toEqual({ yes: 1, no: 0 });
			expect(await store.counts('icloud-mail')).toEqual({ yes: 2, no: 1 });
			expect(await store.counts('unknown')).toEqual({ yes: 0, no: 0 });
		});
	});

	describe('listVotes()', () => {
		test('filters by date, language and article, newest change first, up to the limit', async () => {
			await store.saveVote(vote({ visitorHash: 'old', at: t0 }));
			await store.saveVote(vote({ visitorHash: 'nl', lang: 'nl', at: later(10) }));
			await store.saveVote(vote({ visitorHash: 'gmail', article: 'gmail', at: later(20) }));
			await store.saveVote(vote({ visitorHash: 'new', at: later(30) }));
			const hashes = async (filter: Parameters<FeedbackStore['listVotes']>[0]) =>
				(await store.listVotes(filter)).map((v) => v.visitorHash);
			expect(await hashes({})).toEqual(['new', 'gmail', 'nl', 'old']);
			expect(await hashes({ since: later(10) })).toEqual(['new', 'gmail', 'nl']);
			expect(await hashes({ lang: 'nl' })).toEqual(['nl']);
			expect(await hashes({ article: 'icloud-mail', lang: 'en' })).toEqual(['new', 'old']);
			expect(await hashes({ limit: 1 })).toEqual(['new']);
		});
	});

	describe('search log', () => {
		const entry = (fields: Partial<SearchLogEntry> = {}): SearchLogEntry => ({
			id: crypto.randomUUID(),
			kind: 'search',
			lang: 'nl',
			query: 'gmail',
			results: 3,
			detail: 'none',
			at: t0,
			...fields,
		});
		const hit = { bucket: 'search-log:client', windowSeconds: 600, max: 2 };

		test('writes an entry once, records the first click, lists and filters newest first', async () => {
			const first = entry({ query: 'oud', at: t0 });
			expect(await store.writeSearchLog({ kind: 'entry', entry: first }, [])).toEqual({
				saved: true,
			});
			expect(await store.writeSearchLog({ kind: 'entry', entry: first }, [])).toEqual({
				saved: false,
			});
			const click = { kind: 'click', id: first.id, at: later(1) } as const;
			expect(await store.writeSearchLog({ ...click, rank: 3 }, [])).toEqual({ saved: true });
			expect(await store.writeSearchLog({ ...click, rank: 1 }, [])).toEqual({ saved: false });
			await store.writeSearchLog(
				{
					kind: 'entry',
					entry: entry({
						kind: 'finder',
						query: 'x.nl',
						results: null,
						detail: 'unknown',
						lang: 'en',
						at: later(5),
					}),
				},
				[],
			);
			const all = await store.listSearches();
			expect(all.map((r) => r.query)).toEqual(['x.nl', 'oud']);
			expect(all[1]).toEqual({
				id: first.id,
				kind: 'search',
				lang: 'nl',
				query: 'oud',
				results: 3,
				detail: 'none',
				clickedRank: 3,
				createdAt: t0,
			});
			expect((await store.listSearches({ kind: 'search' })).map((r) => r.query)).toEqual(['oud']);
			expect((await store.listSearches({ lang: 'en' })).map((r) => r.query)).toEqual(['x.nl']);
			expect((await store.listSearches({ since: later(2) })).map((r) => r.query)).toEqual(['x.nl']);
			expect((await store.listSearches({ limit: 1 })).map((r) => r.query)).toEqual(['x.nl']);
		});

		test('counts the hit with the write and refuses past the limit, keeping the count', async () => {
			expect(await store.writeSearchLog({ kind: 'entry', entry: entry() }, [hit])).toEqual({
				saved: true,
			});
			expect(await store.writeSearchLog({ kind: 'entry', entry: entry() }, [hit])).toEqual({
				saved: true,
			});
			const refused = await store.writeSearchLog({ kind: 'entry', entry: entry() }, [hit]);
			expect(refused).toMatchObject({ limited: hit });
			expect(await store.listSearches()).toHaveLength(2);
			expect((await store.hit(hit.bucket, hit.windowSeconds, t0)).count).toBe(4);
		});

		test('purges rows created before a moment', async () => {
			await store.writeSearchLog({ kind: 'entry', entry: entry({ query: 'a', at: t0 }) }, []);
			await store.writeSearchLog(
				{ kind: 'entry', entry: entry({ query: 'b', at: later(10) }) },
				[],
			);
			expect(await store.purgeSearches(later(5))).toBe(1);
			expect((await store.listSearches()).map((r) => r.query)).toEqual(['b']);
			expect(await store.purgeSearches(later(5))).toBe(0);
		});
	});
}

describe('SqliteFeedbackStore', () => contract(sqliteHarness));

describe.skipIf(skipPostgres)('PostgresFeedbackStore', () => contract(postgresHarness));
