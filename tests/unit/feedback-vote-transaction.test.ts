/**
 * One write transaction per accepted vote (issue 15): the client's and the article's rate-limit
 * counters and the vote commit together. On SQLite every statement the store runs is recorded
 * (one `BEGIN IMMEDIATE … COMMIT`); on PostgreSQL the store talks through a proxy that counts
 * round trips (one). A vote refused by a limit is committed the same way, so it still counts.
 * On SQLite, votes that arrive in the same turn of the event loop share one transaction (a group
 * commit: one fsync for all), each in its own savepoint.
 */
import { DatabaseSync, StatementSync } from 'node:sqlite';
import postgres from 'postgres';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createFeedbackHandler } from '../../src/lib/feedback/handler.ts';
import { deriveSecrets, hmacHex } from '../../src/lib/feedback/hash.ts';
import { PostgresFeedbackStore } from '../../src/lib/store/postgres.ts';
import { SqliteFeedbackStore } from '../../src/lib/store/sqlite.ts';
import type { SubmitResult, VoteInput } from '../../src/lib/store/store.ts';
import {
	articles,
	createTempDatabase,
	jsonPost,
	secret,
	skipPostgres,
	tempSqlite,
	testApi,
	visitor,
} from '../fixtures/feedback.ts';
import { roundTripCounter } from '../fixtures/pg-round-trips.ts';

const address = '203.0.113.50';
const clientBucket = `client:${await hmacHex((await deriveSecrets(secret)).client, address)}`;
const vote = (article = 'icloud-mail') =>
	jsonPost({ article, lang: 'en', vote: 'yes', visitor: visitor() });

/** Records the SQL of every statement run on any SQLite connection until `restore()`. */
function recordSqlite(): { log: string[]; restore: () => void } {
	const log: string[] = [];
	const proto = StatementSync.prototype as unknown as Record<string, unknown>;
	const db = DatabaseSync.prototype as unknown as Record<string, unknown>;
	const saved = new Map<[Record<string, unknown>, string], unknown>();
	const wrap = (
		target: Record<string, unknown>,
		name: string,
		sql: (self: never, args: unknown[]) => string,
	) => {
		const original = target[name] as (...args: unknown[]) => unknown;
		saved.set([target, name], original);
		target[name] = function (this: never, ...args: unknown[]) {
			log.push(sql(this, args).replace(/\s+/g, ' ').trim());
			return original.apply(this, args);
		};
	};
	for (const name of ['run', 'all', 'get', 'iterate']) {
		wrap(proto, name, (self: StatementSync) => self.sourceSQL);
	}
	wrap(db, 'exec', (_self, args) => String(args[0]));
	return {
		log,
		restore: () => {
			for (const [[target, name], original] of saved) target[name] = original;
		},
	};
}

/** Transaction statements and writes, in order: what a commit is made of. */
const writes = (log: string[]) =>
	log
		.filter((sql) =>
			/^(BEGIN|COMMIT|END|ROLLBACK|SAVEPOINT|RELEASE|INSERT|UPDATE|DELETE)/i.test(sql),
		)
		.map((sql) => sql.split(' ').slice(0, 3).join(' '));

describe('an accepted vote on SQLite', () => {
	let api: Awaited<ReturnType<typeof testApi>>;
	let recorder: ReturnType<typeof recordSqlite>;
	beforeEach(async () => {
		api = await testApi({
			limits: {
				client: { max: 1, windowSeconds: 600 },
				article: { max: 2, windowSeconds: 3600 },
			},
		});
		recorder = recordSqlite();
	});
	afterEach(async () => {
		recorder.restore();
		await api.cleanup();
	});

	/** The rate-limit counters and the number of votes, read from the file. */
	const stored = () => {
		const db = new DatabaseSync(api.path, { readOnly: true });
		try {
			const rows = db.prepare('SELECT bucket, count FROM rate_limits').all();
			const votes = db.prepare('SELECT count(*) AS n FROM votes').get()!['n'];
			return { counts: Object.fromEntries(rows.map((r) => [r['bucket'], r['count']])), votes };
		} finally {
			db.close();
		}
	};

	test('counts both limits and saves the vote in one BEGIN IMMEDIATE … COMMIT', async () => {
		expect((await api.submit(vote(), { clientAddress: address })).status).toBe(201);
		expect(writes(recorder.log)).toEqual([
			'BEGIN IMMEDIATE',
			'INSERT INTO rate_limits',
			'DELETE FROM rate_limits',
			'INSERT INTO rate_limits',
			'DELETE FROM rate_limits',
			'UPDATE votes SET',
			'INSERT INTO votes',
			'COMMIT',
		]);
		// Durable: the fsync of synchronous = FULL for the vote's commit, NORMAL again after it.
		const pragmas = recorder.log.filter((sql) => sql.startsWith('PRAGMA'));
		expect(pragmas).toEqual(['PRAGMA synchronous = FULL', 'PRAGMA synchronous = NORMAL']);
		expect(stored()).toEqual({
			counts: { [clientBucket]: 1, 'article:icloud-mail': 1 },
			votes: 1,
		});
	});

	test('commits the count of a vote refused by the client limit, and refuses the next too', async () => {
		await api.submit(vote(), { clientAddress: address });
		recorder.log.length = 0;
		const refused = await api.submit(vote(), { clientAddress: address });
		expect(refused.status).toBe(429);
		expect(writes(recorder.log)).toEqual(['BEGIN IMMEDIATE', 'INSERT INTO rate_limits', 'COMMIT']);
		expect(stored()).toEqual({
			counts: { [clientBucket]: 2, 'article:icloud-mail': 1 },
			votes: 1,
		});
		expect((await api.submit(vote(), { clientAddress: address })).status).toBe(429);
		expect(stored().counts[clientBucket]).toBe(3);
	});

	test('commits both counts of a vote refused by the article limit', async () => {
		for (const client of ['198.51.100.1', '198.51.100.2']) {
			expect((await api.submit(vote(), { clientAddress: client })).status).toBe(201);
		}
		expect((await api.submit(vote(), { clientAddress: address })).status).toBe(429);
		expect(stored()).toMatchObject({
			counts: { [clientBucket]: 1, 'article:icloud-mail': 3 },
			votes: 2,
		});
	});

	test('counts a rejected post against the client on its own, then answers 429 past the limit', async () => {
		const bad = () => api.submit(jsonPost({ article: 'icloud-mail' }), { clientAddress: address });
		expect((await bad()).status).toBe(400);
		expect(writes(recorder.log)).toEqual([
			'BEGIN IMMEDIATE',
			'INSERT INTO rate_limits',
			'DELETE FROM rate_limits',
			'COMMIT',
		]);
		expect((await bad()).status).toBe(429);
		expect(stored()).toEqual({ counts: { [clientBucket]: 2 }, votes: 0 });
	});
});

/** A vote for the store itself (the tests below call it without the handler). */
const input = (vote: string, visitorHash: string, at = new Date()): VoteInput => ({
	article: 'icloud-mail',
	lang: 'en',
	articleUpdated: '2026-11-28',
	vote: vote as VoteInput['vote'],
	reasons: [],
	comment: null,
	section: null,
	visitorHash,
	at,
});

describe('votes that arrive together on SQLite', () => {
	let db: Awaited<ReturnType<typeof tempSqlite>>;
	let recorder: ReturnType<typeof recordSqlite>;
	beforeEach(async () => {
		db = await tempSqlite();
		recorder = recordSqlite();
	});
	afterEach(async () => {
		recorder.restore();
		await db.cleanup();
	});

	const hits = [{ bucket: 'client:x', max: 2, windowSeconds: 600 }];
	const storedVisitors = () => {
		const file = new DatabaseSync(db.path, { readOnly: true });
		try {
			return file
				.prepare('SELECT visitor_hash FROM votes ORDER BY visitor_hash')
				.all()
				.map((r) => r['visitor_hash']);
		} finally {
			file.close();
		}
	};

	test('commit in one durable transaction, each vote in its own savepoint and counted in order', async () => {
		const results = await Promise.all(
			['a', 'b', 'c'].map((v) => db.store.submitVote(input('yes', v), hits)),
		);
		expect(results.map((r) => ('saved' in r ? r.saved : 'limited'))).toEqual([
			'created',
			'created',
			'limited',
		]);
		const log = writes(recorder.log);
		expect(log.filter((sql) => sql === 'BEGIN IMMEDIATE')).toHaveLength(1);
		expect(log.filter((sql) => sql === 'COMMIT')).toHaveLength(1);
		expect(log.filter((sql) => sql === 'SAVEPOINT vote')).toHaveLength(3);
		const pragmas = recorder.log.filter((sql) => sql.startsWith('PRAGMA'));
		expect(pragmas).toEqual(['PRAGMA synchronous = FULL', 'PRAGMA synchronous = NORMAL']);
		expect(storedVisitors()).toEqual(['a', 'b']);
	});

	test('undo a vote that fails alone: only its caller gets the error, the others are saved', async () => {
		const results = await Promise.allSettled([
			db.store.submitVote(input('yes', 'a'), []),
			// Not a vote the table takes (CHECK vote IN ('yes', 'no')): fails inside the group.
			db.store.submitVote(input('maybe', 'b'), []),
			db.store.submitVote(input('no', 'c'), []),
		]);
		expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
		expect(recorder.log).toContain('ROLLBACK TO vote');
		expect(storedVisitors()).toEqual(['a', 'c']);
	});

	test('a group whose commit fails answers every caller with the error and saves none', async () => {
		// Another connection holds the write lock past the busy timeout: the group cannot begin.
		const other = new DatabaseSync(db.path, { timeout: 0 });
		other.exec('BEGIN IMMEDIATE');
		const slow = new SqliteFeedbackStore(db.path, { busyTimeoutMs: 50 });
		try {
			const results = await Promise.allSettled(
				['a', 'b'].map((v) => slow.submitVote(input('yes', v), [])),
			);
			expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
		} finally {
			other.exec('ROLLBACK');
			other.close();
			await slow.close();
		}
		expect(storedVisitors()).toEqual([]);
	});
});

describe.skipIf(skipPostgres)('an accepted vote on PostgreSQL', () => {
	let database: Awaited<ReturnType<typeof createTempDatabase>>;
	let proxy: Awaited<ReturnType<typeof roundTripCounter>>;
	let store: PostgresFeedbackStore;
	beforeEach(async () => {
		database = await createTempDatabase();
		proxy = await roundTripCounter(database.url);
		store = new PostgresFeedbackStore(proxy.url, { max: 1 });
		await store.migrate();
	});
	afterEach(async () => {
		await store.close();
		await proxy.close();
		await database.drop();
	});

	test('is one round trip, refused or not, and a refused vote still counts', async () => {
		const submit = createFeedbackHandler({
			store,
			articles,
			secret,
			limits: { client: { max: 2, windowSeconds: 600 } },
		});
		// The first vote prepares the statement on the connection (a round trip of its own).
		expect((await submit(vote('gmail'), { clientAddress: address })).status).toBe(201);
		proxy.reset();
		expect((await submit(vote(), { clientAddress: address })).status).toBe(201);
		expect(proxy.count()).toBe(1);
		proxy.reset();
		expect((await submit(vote(), { clientAddress: address })).status).toBe(429);
		expect(proxy.count()).toBe(1);
		expect(await store.hit(clientBucket, 600, new Date())).toMatchObject({ count: 4 });
		expect(await store.counts('icloud-mail', 'en')).toEqual({ yes: 1, no: 0 });
	});
});

/** Resolves once a session of database `name` waits for a lock. */
async function waitForLockWait(admin: postgres.Sql, name: string): Promise<void> {
	for (let i = 0; i < 250; i++) {
		const [row] = await admin<{ n: number }[]>`
			SELECT count(*)::int AS n FROM pg_stat_activity
			WHERE datname = ${name} AND wait_event_type = 'Lock'`;
		if (row!.n > 0) return;
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
	throw new Error('no session of the test database waited for a lock');
}

describe.skipIf(skipPostgres)('a vote PostgreSQL aborts in a deadlock', () => {
	let database: Awaited<ReturnType<typeof createTempDatabase>>;
	beforeEach(async () => {
		database = await createTempDatabase();
	});
	afterEach(async () => {
		await database.drop();
	});

	test('is run again and saved once, not answered with an error', async () => {
		const name = new URL(database.url).pathname.slice(1);
		const admin = postgres(database.url, { max: 1, onnotice: () => {} });
		// PostgreSQL looks for a deadlock once, deadlock_timeout after a session starts to wait. The
		// store's sessions look after 2 s, by when this test has closed the cycle even on a loaded
		// machine, and the other transaction after 60 s: the store's statement is the one aborted.
		await admin.unsafe(`ALTER DATABASE ${name} SET deadlock_timeout = '2s'`);
		const store = new PostgresFeedbackStore(database.url);
		await store.migrate();
		const at = new Date();
		const hits = ['bucket:a', 'bucket:b'].map((bucket) => ({
			bucket,
			max: 10,
			windowSeconds: 600,
		}));
		// Both windows exist, so that locking them is an UPDATE that waits.
		await store.hit('bucket:a', 600, at);
		await store.hit('bucket:b', 600, at);
		const other = postgres(database.url, { max: 1, onnotice: () => {} });
		let voting: Promise<SubmitResult> | undefined;
		try {
			await other.begin(async (tx) => {
				await tx`SET LOCAL deadlock_timeout = '60s'`;
				await tx`UPDATE rate_limits SET count = count + 1 WHERE bucket = 'bucket:b'`;
				// The vote counts a (and locks it), then waits for b, held here.
				voting = store.submitVote(input('yes', 'deadlock', at), hits);
				voting.catch(() => {});
				await waitForLockWait(admin, name);
				// Now this waits for a: a deadlock, which PostgreSQL breaks by aborting the vote's
				// statement; then this transaction commits, and the vote's second run goes through.
				await tx`UPDATE rate_limits SET count = count + 1 WHERE bucket = 'bucket:a'`;
			});
			expect(await voting).toEqual({ saved: 'created' });
		} finally {
			await other.end();
		}
		const [counts] = await admin<{ a: number; b: number; votes: number }[]>`
			SELECT (SELECT count FROM rate_limits WHERE bucket = 'bucket:a')::int AS a,
				(SELECT count FROM rate_limits WHERE bucket = 'bucket:b')::int AS b,
				(SELECT count(*) FROM votes)::int AS votes`;
		await admin.end();
		await store.close();
		// One hit each from store.hit, one from the other transaction, one from the vote's retry.
		expect(counts).toEqual({ a: 3, b: 3, votes: 1 });
	});
});
