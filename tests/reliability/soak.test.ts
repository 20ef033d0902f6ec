/**
 * Load held: the built server on SQLite takes votes at a fixed rate for a bounded time on
 * loopback (open loop: a vote is sent when it is due, whether or not earlier ones were answered).
 * New visitors, visitors changing their vote, detailed "no"s with a captcha. Afterwards, counted
 * from the database: every vote answered 2xx, every visitor's row holds their last vote, no row
 * missing or extra, nothing logged. The figures are printed, never asserted.
 *
 * FEEDBACK_SOAK_SECONDS (30) and FEEDBACK_SOAK_RATE (40 votes/s) make a longer or harder run.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { sqliteKind, type TestDatabase } from '../fixtures/reliability-stores.ts';
import { builtArticles, startServer, type ServerProcess } from '../fixtures/server-process.ts';
import {
	acknowledged,
	expectedValues,
	keyOf,
	rowsByVisitor,
	send,
	solveCaptcha,
	type SentVote,
} from '../fixtures/vote-client.ts';

const seconds = Number(process.env['FEEDBACK_SOAK_SECONDS'] ?? 30);
const rate = Number(process.env['FEEDBACK_SOAK_RATE'] ?? 40);
const articles = builtArticles();

let database: TestDatabase;
let server: ServerProcess;

beforeAll(async () => {
	database = await sqliteKind.create();
	server = await startServer(database.env);
});
afterAll(async () => {
	await server?.kill();
	await database?.remove();
});

/** A reader and the last vote of theirs the server acknowledged. */
interface Visitor {
	vote: SentVote;
	busy: boolean;
	last?: SentVote;
}

const percentile = (sorted: number[], p: number) =>
	sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;

test(`holds ${rate} votes/s for ${seconds} s with no error and no lost vote`, async () => {
	const total = Math.round(rate * seconds);
	const visitors: Visitor[] = [];
	const sent: SentVote[] = [];
	const latencies: number[] = [];
	const running = new Set<Promise<void>>();
	const start = performance.now();

	for (let i = 0; i < total; i++) {
		const wait = start + (i * 1000) / rate - performance.now();
		if (wait > 0) await new Promise((r) => setTimeout(r, wait));
		// Every fourth vote is a reader changing theirs (one not waiting for an answer).
		const idle = i % 4 === 3 ? visitors.find((v) => !v.busy && v.last) : undefined;
		const visitor: Visitor = idle ?? {
			vote: { visitor: crypto.randomUUID(), ...articles[i % articles.length]!, vote: 'yes' },
			busy: false,
		};
		if (!idle) visitors.push(visitor);
		const detailed = i % 10 === 0;
		const vote: SentVote = {
			...visitor.vote,
			vote: detailed || (idle && idle.last!.vote === 'yes') ? 'no' : 'yes',
			...(detailed && { details: { reasons: ['more-information'], comment: `soak ${i}` } }),
		};
		visitor.busy = true;
		const task = (async () => {
			if (vote.details) vote.details.captcha = await solveCaptcha(server.url);
			const begun = performance.now();
			await send(server.url, vote, { resendOnReset: true });
			latencies.push(performance.now() - begun);
			sent.push(vote);
			visitor.busy = false;
			if (acknowledged(vote)) visitor.last = vote;
		})();
		running.add(task);
		void task.finally(() => running.delete(task));
	}
	await Promise.all(running);
	const elapsed = (performance.now() - start) / 1000;

	latencies.sort((a, b) => a - b);
	console.log(
		`[soak] ${sent.length} votes in ${elapsed.toFixed(1)} s (${(sent.length / elapsed).toFixed(1)}/s), ` +
			`${visitors.length} visitors, ${sent.filter((v) => v.resent).length} resent after a reset; latency p50 ${percentile(latencies, 50).toFixed(1)} ms, ` +
			`p99 ${percentile(latencies, 99).toFixed(1)} ms, max ${latencies.at(-1)!.toFixed(1)} ms`,
	);
	expect(sent.filter((v) => !acknowledged(v))).toEqual([]);

	const tables = database.tables();
	try {
		const rows = rowsByVisitor((await tables.read()).votes.values());
		expect(rows.size).toBe(visitors.length);
		for (const visitor of visitors) {
			expect(rows.get(await keyOf(visitor.vote))).toMatchObject(expectedValues(visitor.last!));
		}
	} finally {
		await tables.close();
	}
	expect(await database.integrity()).toBe('ok');
	expect(server.output()).not.toMatch(/error/i);
});
