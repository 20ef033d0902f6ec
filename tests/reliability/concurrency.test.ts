/**
 * Two built server processes on one database (a SQLite file; a PostgreSQL database) started at
 * the same moment, so their migrations race too. Both take votes from many visitors at once with
 * no errors, no lost and no duplicate rows. One visitor toggling yes and no in bursts of parallel
 * requests to both ends with one row holding the last acknowledged vote.
 *
 * "Last acknowledged": writes to a visitor's row are serialised (SQLite `BEGIN IMMEDIATE`,
 * PostgreSQL the row lock of `INSERT … ON CONFLICT DO UPDATE`) and each replaces every value
 * column, so the row holds all the values of exactly one request, the last to commit. A request
 * sent after another was acknowledged commits after it, so of sequential requests the last one
 * wins. Of overlapping requests, any one may commit last, whatever order the answers arrive in:
 * after a burst, the row holds the values of one request of that burst, never an earlier one's.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { VoteRow } from '../fixtures/feedback-tables.ts';
import { storeKinds, type TestDatabase } from '../fixtures/reliability-stores.ts';
import { builtArticles, startServer, type ServerProcess } from '../fixtures/server-process.ts';
import {
	acknowledged,
	expectedValues,
	keyOf,
	pool,
	rowsByVisitor,
	send,
	solveCaptcha,
	type SentVote,
} from '../fixtures/vote-client.ts';

const articles = builtArticles();

describe.each(storeKinds)('two server processes on one $name database', (kind) => {
	let database: TestDatabase;
	let servers: ServerProcess[] = [];

	beforeAll(async () => {
		database = await kind.create();
		servers = await Promise.all([startServer(database.env), startServer(database.env)]);
	});
	afterAll(async () => {
		await Promise.all(servers.map((s) => s.kill('SIGKILL')));
		await database?.remove();
	});

	const serverFor = (i: number) => servers[i % servers.length]!;

	/** The stored rows, by visitor. */
	async function rows(): Promise<Map<string, VoteRow>> {
		const tables = database.tables();
		try {
			return rowsByVisitor((await tables.read()).votes.values());
		} finally {
			await tables.close();
		}
	}

	test('both take votes from many visitors at once: no errors, none lost, none twice', async () => {
		const votes: SentVote[] = Array.from({ length: 300 }, (_, i) => ({
			visitor: crypto.randomUUID(),
			...articles[i % articles.length]!,
			vote: i % 2 ? 'yes' : 'no',
			...(i % 8 === 0 && {
				vote: 'no',
				details: { reasons: ['translation'], comment: `visitor ${i}` },
			}),
		}));
		await pool([...votes.keys()], 8, async (i) => {
			const { details } = votes[i]!;
			if (details) details.captcha = await solveCaptcha(serverFor(i + 1).url);
		});
		await pool([...votes.keys()], 32, (i) => send(serverFor(i).url, votes[i]!));
		expect(votes.filter((v) => v.status !== 201)).toEqual([]);

		// A quarter change their minds, each on the other server.
		const changed = votes.filter((_, i) => i % 4 === 1);
		for (const vote of changed) vote.vote = vote.vote === 'yes' ? 'no' : 'yes';
		await pool([...changed.keys()], 32, (i) => send(serverFor(i + 1).url, changed[i]!));
		expect(changed.filter((v) => v.status !== 200)).toEqual([]);

		const stored = await rows();
		expect(stored.size).toBe(votes.length);
		for (const vote of votes) {
			expect(stored.get(await keyOf(vote))).toMatchObject(expectedValues(vote));
		}
		for (const server of servers) expect(server.output()).not.toMatch(/error/i);
	});

	test('one visitor toggling in parallel bursts to both ends with one row: the last acknowledged vote', async () => {
		const visitor = crypto.randomUUID();
		const target = articles.at(-1)!;
		const bursts = ['mixed', 'no', 'mixed', 'yes', 'mixed', 'no', 'mixed'] as const;
		const key = await keyOf({ visitor, ...target, vote: 'yes' });
		const statuses: number[] = [];
		let created: string | undefined;
		let lastUpdate = '';
		for (const [b, kindOfBurst] of bursts.entries()) {
			const burst: SentVote[] = Array.from({ length: 16 }, (_, i) => {
				const no = kindOfBurst === 'no' || (kindOfBurst === 'mixed' && i % 2 === 0);
				return {
					visitor,
					...target,
					vote: no ? 'no' : 'yes',
					...(no && {
						details: { reasons: ['screen-differs'], comment: `burst ${b} request ${i}` },
					}),
				};
			});
			await pool([...burst.keys()], 8, async (i) => {
				const { details } = burst[i]!;
				if (details) details.captcha = await solveCaptcha(serverFor(i).url);
			});
			await Promise.all(burst.map((vote, i) => send(serverFor(i).url, vote)));
			expect(burst.filter((v) => !acknowledged(v))).toEqual([]);
			statuses.push(...burst.map((v) => v.status!));

			// rows() fails on two rows for one visitor and article.
			const row = (await rows()).get(key);
			const values = { vote: row!.vote, reasons: row!.reasons, comment: row!.comment };
			expect(burst.map(expectedValues)).toContainEqual(values);
			// The row is one row all along, its history in order.
			created ??= row!.createdAt;
			expect(row!.createdAt).toBe(created);
			expect(row!.updatedAt >= row!.createdAt).toBe(true);
			expect(row!.updatedAt >= lastUpdate).toBe(true);
			lastUpdate = row!.updatedAt;
		}
		// The first burst created the row: exactly one 201 of all the answers.
		expect(statuses.filter((s) => s === 201)).toHaveLength(1);

		// Sequential requests alternating between the servers: each one's vote is the row.
		for (const [i, vote] of (['yes', 'no', 'yes'] as const).entries()) {
			const sent = await send(serverFor(i).url, { visitor, ...target, vote });
			expect(sent.status).toBe(200);
			expect((await rows()).get(key)).toMatchObject(expectedValues(sent));
		}
	});
});
