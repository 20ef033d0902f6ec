/**
 * Property-based fuzzing of `POST /api/feedback` (fast-check) against a real store: SQLite in a
 * temporary folder and PostgreSQL in a temporary database (unless FEEDBACK_SKIP_POSTGRES=1).
 * Every request is one of `tests/fixtures/fuzz-requests.ts`'s cases, and for every one:
 *
 * - the answer is never a 5xx and nothing is logged as a server fault;
 * - a 4xx is problem+json whose `status` matches, and names the field when a field is wrong;
 * - a rejected request leaves the store unchanged: every column of every `votes` row and every
 *   `used_challenges` row is the same; in `rate_limits` only the client's counter grew by one (it
 *   counts every POST from this site, whatever its body, so floods of garbage are limited too),
 *   and the article's counter only when the fields were valid and the captcha was not;
 *   a 405 or 403 changes nothing at all;
 * - a valid request is stored exactly once with the values sent (one row added, or the visitor's
 *   row changed, nothing else), its captcha recorded as used, and 201/200 or a 303 for a form;
 * - a filled honeypot is answered as a success and stores nothing;
 * - nothing reaches `Object.prototype`.
 *
 * The seed is fixed (FC_SEED overrides it) and printed with a failure, so a failure replays.
 */
import type { Challenge } from 'altcha-lib';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createChallengeHandler } from '../../src/lib/feedback/challenge-handler.ts';
import { bodyMaxBytes } from '../../src/lib/feedback/contract.ts';
import { createFeedbackHandler } from '../../src/lib/feedback/handler.ts';
import { deriveSecrets, hmacHex } from '../../src/lib/feedback/hash.ts';
import { PostgresFeedbackStore } from '../../src/lib/store/postgres.ts';
import type { FeedbackStore } from '../../src/lib/store/store.ts';
import {
	articles,
	createTempDatabase,
	easyCaptcha,
	jsonPost,
	origin,
	secret,
	skipPostgres,
	solve,
	tempSqlite,
} from '../fixtures/feedback.ts';
import {
	diffTables,
	postgresTables,
	sqliteTables,
	type TableReader,
	type Tables,
	type TablesDiff,
} from '../fixtures/feedback-tables.ts';
import { replayedCaptcha, type ValidPost } from '../fixtures/fuzz-posts.ts';
import { fuzzCase, toRequest, type Expectation, type FuzzCase } from '../fixtures/fuzz-requests.ts';
import { normaliseComment } from '../fixtures/fuzz-values.ts';

const seed = Number(process.env['FC_SEED'] ?? 20261128);
const secrets = await deriveSecrets(secret);
const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
const addresses = ['203.0.113.7', '2001:db8::7', undefined] as const;
/** Limits no fuzz run reaches, in a window of 31 years that no run crosses. */
const unlimited = { max: 1e9, windowSeconds: 1e9 };

interface Problem {
	type: string;
	title: string;
	status: number;
	detail: string;
	errors: { field: string; message: string }[];
}

/** The checks every 4xx passes; returns the problem. */
async function expectProblem(
	response: Response,
	status?: number,
	field?: string,
): Promise<Problem> {
	if (status !== undefined) expect(response.status).toBe(status);
	expect(response.status).toBeGreaterThanOrEqual(400);
	expect(response.status).toBeLessThan(500);
	expect(response.headers.get('content-type')).toBe('application/problem+json');
	const problem = (await response.json()) as Problem;
	expect(problem).toMatchObject({
		type: expect.any(String),
		title: expect.any(String),
		status: response.status,
		detail: expect.any(String),
	});
	for (const error of problem.errors) {
		expect(error).toEqual({ field: expect.any(String), message: expect.stringMatching(/\S/) });
	}
	if (response.status !== 405) expect(problem.errors.length).toBeGreaterThan(0);
	if (field !== undefined) expect(problem.errors.map((e) => e.field)).toContain(field);
	if (response.status === 405) expect(response.headers.get('allow')).toBe('POST');
	return problem;
}

/**
 * Checks the rate-limit counters: the client's grew by one unless the request was stopped before
 * counting (405, 403); the article's grew by one when `articleCounted` says it must, may have
 * when it says `maybe`; nothing else changed.
 */
function expectCounters(
	diff: TablesDiff,
	clientBucket: string,
	status: number,
	article: { slug?: string; counted: boolean | 'maybe' },
) {
	const changes = new Map(diff.rateLimitDeltas);
	const take = (prefix: string) => {
		const keys = [...changes.keys()].filter((k) => k.startsWith(prefix));
		for (const key of keys) changes.delete(key);
		return keys.map((k) => diff.rateLimitDeltas.get(k));
	};
	expect(take(`${clientBucket}@`)).toEqual(status === 405 || status === 403 ? [] : [1]);
	const articleChanges = take(`article:${article.slug ?? ''}`);
	if (article.counted === true) expect(articleChanges).toEqual([1]);
	else if (article.counted === false) expect(articleChanges).toEqual([]);
	else expect(articleChanges.every((d) => d === 1) && articleChanges.length <= 1).toBe(true);
	expect([...changes]).toEqual([]);
}

function expectVotesUnchanged(diff: TablesDiff) {
	expect(diff.addedVotes).toEqual([]);
	expect(diff.changedVotes).toEqual([]);
	expect(diff.removedVotes).toEqual([]);
	expect(diff.addedChallenges).toEqual([]);
	expect(diff.removedChallenges).toEqual([]);
}

/** The row a valid post must leave, given the table before it and the request time. */
async function expectedRow(post: ValidPost, before: Tables, at: string) {
	const { fields, target } = post;
	const visitor =
		typeof fields['visitor'] === 'string' && fields['visitor'] !== '' ? fields['visitor'] : null;
	const visitorHash = visitor ? await hmacHex(secrets.visitor, visitor.toLowerCase()) : null;
	const existing = visitorHash
		? [...before.votes.values()].find(
				(r) =>
					r.article === target.article && r.lang === target.lang && r.visitorHash === visitorHash,
			)
		: undefined;
	const comment = typeof fields['comment'] === 'string' ? normaliseComment(fields['comment']) : '';
	const row = {
		article: target.article,
		lang: target.lang,
		articleUpdated: target.updated,
		vote: String(fields['vote']),
		reasons: [...new Set((fields['reasons'] as string[] | undefined) ?? [])],
		comment: comment || null,
		section: (fields['section'] as string | undefined) || null,
		visitorHash,
		createdAt: existing?.createdAt ?? at,
		updatedAt: at,
	};
	return { row, existing };
}

interface Run {
	case: FuzzCase;
	response: Response;
	before: Tables;
	diff: TablesDiff;
	clientBucket: string;
	at: string;
	/** The nonce of the captcha solved for this request, if one was. */
	nonce: string | undefined;
}

async function checkAccepted(run: Run, post: ValidPost) {
	const { response, diff, before } = run;
	const { row, existing } = await expectedRow(post, before, run.at);
	const encoding = run.case.body.kind === 'fields' ? run.case.body.encoding : 'json';
	if (encoding === 'json') {
		expect(response.status).toBe(post.honeypot || !existing ? 201 : 200);
		expect(await response.json()).toEqual({ ok: true, vote: row.vote });
	} else {
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe(
			`/${row.lang}/${row.article}/#feedback-${row.vote}`,
		);
	}
	const counted = { slug: row.article, counted: !post.honeypot };
	expectCounters(diff, run.clientBucket, response.status, counted);
	if (post.honeypot) return expectVotesUnchanged(diff);
	expect(diff.removedVotes).toEqual([]);
	if (existing) {
		expect(diff.addedVotes).toEqual([]);
		expect(diff.changedVotes).toEqual([{ before: existing, after: { id: existing.id, ...row } }]);
	} else {
		expect(diff.changedVotes).toEqual([]);
		expect(diff.addedVotes).toEqual([{ id: expect.any(Number), ...row }]);
	}
	expect(diff.addedChallenges).toEqual(post.detailed ? [run.nonce] : []);
	expect(diff.removedChallenges).toEqual([]);
}

async function checkRejected(run: Run, expectation: Expectation & { outcome: 'rejected' }) {
	const problem = await expectProblem(run.response, expectation.status, expectation.field);
	expectVotesUnchanged(run.diff);
	const onlyCaptcha = problem.errors.every((e) => e.field === 'captcha');
	expectCounters(run.diff, run.clientBucket, run.response.status, {
		counted: run.response.status === 400 && onlyCaptcha ? 'maybe' : false,
	});
}

/** Whatever the answer, the store agrees with it. */
async function checkConsistent(run: Run) {
	const { response, diff } = run;
	if (response.status >= 400) {
		await checkRejected(run, { outcome: 'rejected', status: response.status });
		return;
	}
	expect([200, 201, 303]).toContain(response.status);
	expect(diff.removedVotes).toEqual([]);
	expect(diff.addedVotes.length + diff.changedVotes.length).toBeLessThanOrEqual(1);
}

/** What the API must answer, with the body size taken into account. */
function expectationFor(c: FuzzCase, size: number): Expectation {
	const earlier = c.expect.outcome === 'rejected' && [403, 405, 415].includes(c.expect.status);
	if (size > bodyMaxBytes && !earlier) return { outcome: 'rejected', status: 413, field: 'body' };
	return c.expect;
}

function fuzz(
	name: string,
	open: () => Promise<{ store: FeedbackStore; tables: TableReader; cleanup: () => Promise<void> }>,
	numRuns: number,
) {
	describe(name, () => {
		let opened: Awaited<ReturnType<typeof open>>;
		const logged: unknown[] = [];
		// The real time: altcha-lib checks a challenge's expiry against the system clock.
		let now = new Date();
		const options = () => ({
			store: opened.store,
			articles,
			secret,
			captcha: easyCaptcha,
			limits: { client: unlimited, article: unlimited, challenge: unlimited },
			now: () => now,
			log: (message: string, error: unknown) => logged.push({ message, error }),
		});
		let submit: ReturnType<typeof createFeedbackHandler>;
		let challenge: ReturnType<typeof createChallengeHandler>;
		/** Captchas that saved votes have used. */
		const spent: string[] = [];
		const seen = new Map<string, number>();

		const solveOne = async () => {
			const response = await challenge(new Request(`${origin}/api/feedback/challenge`));
			return solve((await response.json()) as Challenge);
		};

		beforeAll(async () => {
			opened = await open();
			submit = createFeedbackHandler(options());
			challenge = createChallengeHandler(options());
			// One used captcha to replay from the first run on.
			const captcha = await solveOne();
			const first = await submit(
				jsonPost({
					article: 'gmail',
					lang: 'en',
					vote: 'no',
					reasons: ['inaccurate'],
					visitor: crypto.randomUUID(),
					captcha,
				}),
			);
			expect(first.status).toBe(201);
			spent.push(captcha);
		}, 60_000);
		afterAll(() => opened.cleanup(), 60_000);

		const check = async (c: FuzzCase, address: string | undefined) => {
			logged.length = 0;
			let solved: string | undefined;
			const { request, size } = await toRequest(c, async (placeholder) => {
				if (placeholder === replayedCaptcha) return spent.at(-1)!;
				solved = await solveOne();
				return solved;
			});
			let before = await opened.tables.read();
			if (before.votes.size > 100) {
				await opened.tables.clearVotes();
				before = await opened.tables.read();
			}
			now = new Date(now.getTime() + 1);
			const response = await submit(request, address ? { clientAddress: address } : {});
			const diff = diffTables(before, await opened.tables.read());
			const run: Run = {
				case: c,
				response,
				before,
				diff,
				clientBucket: `client:${await hmacHex(secrets.client, address ?? 'unknown')}`,
				at: now.toISOString(),
				nonce:
					solved &&
					(JSON.parse(atob(solved)) as { challenge: { parameters: { nonce: string } } }).challenge
						.parameters.nonce,
			};
			seen.set(`${response.status}`, (seen.get(`${response.status}`) ?? 0) + 1);
			expect(logged).toEqual([]);
			expect(response.status).toBeLessThan(500);
			const expectation = expectationFor(c, size);
			if (expectation.outcome === 'accepted') await checkAccepted(run, expectation.post);
			else if (expectation.outcome === 'rejected') await checkRejected(run, expectation);
			else await checkConsistent(run);
			if (solved && response.status < 400 && diff.addedChallenges.length > 0) spent.push(solved);
			expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
			expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
		};

		test(`answers ${numRuns} random and hostile requests as the contract says (seed ${seed})`, async () => {
			try {
				await fc.assert(fc.asyncProperty(fuzzCase, fc.constantFrom(...addresses), check), {
					seed,
					numRuns,
				});
			} catch (error) {
				throw new Error(`Replay with FC_SEED=${seed}: ${String(error)}`.slice(0, 20_000), {
					cause: error,
				});
			}
			// The generator reached every kind of answer, not only one kind of rejection.
			for (const status of ['200', '201', '303', '400', '403', '405', '413', '415']) {
				expect(seen.get(status) ?? 0, `status ${status} in ${[...seen]}`).toBeGreaterThan(0);
			}
		}, 180_000);
	});
}

fuzz(
	'POST /api/feedback fuzz on SQLite',
	async () => {
		const db = await tempSqlite();
		const tables = sqliteTables(db.path);
		return {
			store: db.store,
			tables,
			cleanup: async () => {
				await tables.close();
				await db.cleanup();
			},
		};
	},
	1500,
);

describe.skipIf(skipPostgres)('on PostgreSQL', () => {
	fuzz(
		'POST /api/feedback fuzz',
		async () => {
			const database = await createTempDatabase();
			const store = new PostgresFeedbackStore(database.url);
			await store.migrate();
			const tables = postgresTables(database.url);
			return {
				store,
				tables,
				cleanup: async () => {
					await tables.close();
					await store.close();
					await database.drop();
				},
			};
		},
		500,
	);
});
