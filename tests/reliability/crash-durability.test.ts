/**
 * Crash durability of the built server: votes from many visitors arrive concurrently, the
 * process is killed with SIGKILL in the middle, and a new process starts on the same database.
 * Every vote that got a 2xx is there with its values, none twice, no vote nobody sent; a captcha
 * acknowledged before the crash stays used; a client retrying what got no answer ends with every
 * vote stored exactly once. Then clients that vanish mid-request: no 5xx, no logged fault.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sqliteKind, storeKinds, type TestDatabase } from '../fixtures/reliability-stores.ts';
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
const votesSent = 400;
const killAfter = 120;
const concurrency = 32;

/** The captcha's nonce: the id it is recorded under once used. */
const nonceOf = (captcha: string) =>
	(JSON.parse(atob(captcha)) as { challenge: { parameters: { nonce: string } } }).challenge
		.parameters.nonce;

function plannedVotes(): SentVote[] {
	return Array.from({ length: votesSent }, (_, i) => ({
		visitor: crypto.randomUUID(),
		...articles[i % articles.length]!,
		vote: i % 3 === 0 ? 'no' : 'yes',
		// Every tenth is a detailed "no": its captcha must be recorded as used with the vote.
		...(i % 10 === 0 && {
			vote: 'no',
			details: { reasons: ['step-failed', 'inaccurate', 'step-failed'], comment: ` crash ${i} ` },
		}),
	}));
}

describe.each(storeKinds)('the built server on $name, killed with SIGKILL mid-load', (kind) => {
	let database: TestDatabase;
	const servers: ServerProcess[] = [];

	beforeAll(async () => {
		database = await kind.create();
	});
	afterAll(async () => {
		await Promise.all(servers.map((s) => s.kill('SIGKILL')));
		await database.remove();
	});

	test('keeps every acknowledged vote exactly once, and a retry stores the rest once', async () => {
		const first = await startServer(database.env);
		servers.push(first);
		const votes = plannedVotes();
		// Solved before the load starts, so that the kill lands among votes, not challenges.
		await pool(
			votes.filter((v) => v.details),
			8,
			async (vote) => (vote.details!.captcha = await solveCaptcha(first.url)),
		);

		let acked = 0;
		let killed: Promise<NodeJS.Signals | null> | undefined;
		await pool(
			votes,
			concurrency,
			async (vote) => {
				await send(first.url, vote);
				if (acknowledged(vote) && ++acked === killAfter) killed = first.kill('SIGKILL');
			},
			() => killed !== undefined,
		);
		expect(await killed).toBe('SIGKILL');
		// The kill really landed mid-flight: some requests lost their connection.
		const cutOff = votes.filter((v) => v.error !== undefined);
		expect(cutOff.length).toBeGreaterThan(0);
		expect(votes.filter((v) => v.status !== undefined && !acknowledged(v))).toEqual([]);

		const second = await startServer(database.env);
		servers.push(second);
		const tables = database.tables();
		try {
			expect(await database.integrity()).toBe('ok');
			const before = await tables.read();
			const rows = rowsByVisitor(before.votes.values());
			const sent = new Set(await Promise.all(votes.map(keyOf)));
			expect([...rows.keys()].filter((key) => !sent.has(key))).toEqual([]);
			for (const vote of votes.filter(acknowledged)) {
				expect(rows.get(await keyOf(vote)), vote.visitor).toMatchObject(expectedValues(vote));
				if (vote.details) {
					expect(before.usedChallenges.has(nonceOf(vote.details.captcha!))).toBe(true);
				}
			}
			console.log(
				`[crash ${kind.name}] ${acked} acknowledged before SIGKILL, ${cutOff.length} cut off, ` +
					`${rows.size} rows after restart`,
			);

			// The client retries what got no answer (with a new captcha, as the widget would).
			const retry = votes.filter((v) => !acknowledged(v));
			await pool(retry, 8, async (vote) => {
				delete vote.status;
				delete vote.error;
				if (vote.details) vote.details.captcha = await solveCaptcha(second.url);
			});
			await pool(retry, concurrency, (vote) => send(second.url, vote));
			expect(retry.filter((v) => !acknowledged(v))).toEqual([]);
			const after = rowsByVisitor((await tables.read()).votes.values());
			expect(after.size).toBe(votes.length);
			for (const vote of votes) {
				expect(after.get(await keyOf(vote))).toMatchObject(expectedValues(vote));
			}

			// A captcha acknowledged before the crash cannot be used again after it.
			const replayed = votes.find((v) => v.details && !retry.includes(v))!;
			const replay = await send(second.url, { ...replayed, visitor: crypto.randomUUID() });
			expect(replay.status).toBe(400);
		} finally {
			await tables.close();
		}
		expect(first.output()).not.toMatch(/feedback: (storage|unexpected) error/);
		expect(second.output()).not.toMatch(/feedback: (storage|unexpected) error/);
	});
});

describe('the built server, when clients hang up mid-request', () => {
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

	test('answers clients that disconnect mid-body or mid-request without a fault, and goes on', async () => {
		const { port } = new URL(server.url);
		const outputBefore = server.output().length;
		const partial = [
			// Announces 500 bytes, sends 20, hangs up.
			`POST /api/feedback HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"article":"gmail",`,
			// Chunked, one chunk, no end.
			`POST /api/feedback HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{"art\r\n`,
			// Headers only, cut in the middle.
			`POST /api/feedback HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Ty`,
		];
		for (let round = 0; round < 10; round++) {
			await Promise.all(
				partial.map(
					(text) =>
						new Promise<void>((resolve, reject) => {
							const socket = connect(Number(port), '127.0.0.1', () => {
								socket.write(text, () => setTimeout(() => socket.destroy(), 50));
							});
							socket.on('close', () => resolve());
							socket.on('error', reject);
						}),
				),
			);
		}
		const vote = await send(server.url, {
			visitor: crypto.randomUUID(),
			...articles[0]!,
			vote: 'yes',
		});
		expect(vote.status).toBe(201);
		// Give the server a moment to log anything it would log about the broken requests.
		await new Promise((r) => setTimeout(r, 500));
		expect(server.output().slice(outputBefore)).not.toMatch(/error/i);
	});
});
