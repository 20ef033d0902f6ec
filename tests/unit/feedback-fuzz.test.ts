/**
 * No input, however malformed, makes the API answer 5xx: random methods, content types and
 * bodies (random bytes, random JSON, mutated valid posts, broken forms and multipart) from a
 * fixed seed, against both stores (PostgreSQL rejects text SQLite takes, such as NUL).
 */
import type { Challenge } from 'altcha-lib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { FeedbackHandler } from '../../src/lib/feedback/api.ts';
import { createChallengeHandler } from '../../src/lib/feedback/challenge-handler.ts';
import { createFeedbackHandler } from '../../src/lib/feedback/handler.ts';
import { PostgresFeedbackStore } from '../../src/lib/feedback/postgres.ts';
import type { FeedbackStore } from '../../src/lib/feedback/store.ts';
import {
	articles,
	createTempDatabase,
	easyCaptcha,
	origin,
	secret,
	skipPostgres,
	solve,
	tempSqlite,
} from '../fixtures/feedback.ts';

/** mulberry32: a tiny seeded PRNG, so a failure can be replayed. */
function prng(seed: number) {
	let state = seed;
	const next = () => {
		state = (state + 0x6d2b79f5) | 0;
		let t = Math.imul(state ^ (state >>> 15), 1 | state);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (max: number) => Math.floor(next() * max);
	const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
	return { next, int, pick };
}

type Random = ReturnType<typeof prng>;

const strings = [
	'',
	' ',
	'icloud-mail',
	'gmail',
	'nl',
	'en',
	'yes',
	'no',
	'inaccurate',
	'turn-on-two-factor-authentication',
	'0b9e7a8e-4d8c-4d0a-9a65-2f1f0d5e2c11',
	'\u0000',
	'\ud800',
	'😀'.repeat(300),
	'x'.repeat(1001),
	'__proto__',
	'constructor',
	"'; DROP TABLE votes; --",
	'%FF%FE',
	'\r\n',
];

function randomString(r: Random): string {
	if (r.next() < 0.6) return r.pick(strings);
	return Array.from({ length: r.int(40) }, () => String.fromCharCode(r.int(0x10000))).join('');
}

function randomJson(r: Random, depth = 0): unknown {
	switch (r.int(depth > 2 ? 5 : 7)) {
		case 0:
			return null;
		case 1:
			return r.next() < 0.5;
		case 2:
			return r.pick([0, -1, 1e308, 0.5, Number.MAX_SAFE_INTEGER]);
		case 3:
		case 4:
			return randomString(r);
		case 5:
			return Array.from({ length: r.int(depth === 0 && r.next() < 0.1 ? 3000 : 5) }, () =>
				randomJson(r, depth + 1),
			);
		default:
			return Object.fromEntries(
				Array.from({ length: r.int(5) }, () => [randomString(r), randomJson(r, depth + 1)]),
			);
	}
}

const fields = [
	'article',
	'lang',
	'vote',
	'reasons',
	'comment',
	'section',
	'captcha',
	'visitor',
	'website',
];

/** A few visitors, so that some posts change an earlier vote (200). */
const visitors = Array.from({ length: 8 }, () => crypto.randomUUID());

/** Solved captchas: some mutated posts carry one, so random text reaches the store. */
const solved: string[] = [];

/** A valid-looking post with one to three fields replaced, removed or added. */
function mutatedPost(r: Random): Record<string, unknown> {
	const post: Record<string, unknown> = {
		article: 'icloud-mail',
		lang: 'en',
		vote: r.pick(['yes', 'no']),
		visitor: r.pick(visitors),
	};
	if (r.next() < 0.5) {
		Object.assign(post, { vote: 'no', reasons: ['step-failed'], captcha: solved.pop() ?? 'x' });
	}
	for (let i = 0; i <= r.int(3); i++) {
		// Mostly the free-text fields once a captcha makes the post worth storing.
		const field = r.next() < 0.5 ? r.pick(['comment', 'section']) : r.pick(fields);
		if (r.next() < 0.3) delete post[field];
		else post[field] = randomJson(r);
	}
	return post;
}

function randomBytes(r: Random): Uint8Array {
	return Uint8Array.from({ length: r.int(r.next() < 0.05 ? 20_000 : 600) }, () => r.int(256));
}

function formBody(r: Random, post: Record<string, unknown>): string {
	const pairs = Object.entries(post).flatMap(([name, value]) =>
		(Array.isArray(value) ? value : [value]).map((v) => [name, String(v)]),
	);
	const text = new URLSearchParams(pairs).toString();
	return r.next() < 0.2 ? `${text}&%ZZ=%FF&=&&a` : text;
}

function multipartBody(r: Random, post: Record<string, unknown>, boundary: string): string {
	const parts = Object.entries(post).map(
		([name, value]) =>
			`--${boundary}\r\nContent-Disposition: form-data; name="${name}"${r.next() < 0.1 ? '; filename="f.txt"' : ''}\r\n\r\n${String(value)}\r\n`,
	);
	const text = `${parts.join('')}--${boundary}--\r\n`;
	return r.next() < 0.2 ? text.slice(0, r.int(text.length)) : text;
}

/** One random request. */
function randomRequest(r: Random): Request {
	const method = r.next() < 0.9 ? 'POST' : r.pick(['GET', 'PUT', 'DELETE', 'OPTIONS', 'PATCH']);
	const boundary = 'fuzzBoundary123';
	const type = r.pick([
		'application/json',
		'application/json; charset=utf-8',
		'application/x-www-form-urlencoded',
		`multipart/form-data; boundary=${boundary}`,
		'multipart/form-data',
		'text/plain',
		'',
		'application/json; charset=latin1',
		randomString(r).replace(/[^\x20-\x7e]/g, ''),
	]);
	const post = mutatedPost(r);
	const shape = r.int(5);
	let payload: BodyInit | undefined;
	if (shape === 0) payload = randomBytes(r) as Uint8Array<ArrayBuffer>;
	else if (shape === 1) payload = JSON.stringify(randomJson(r));
	else if (type.startsWith('multipart')) payload = multipartBody(r, post, boundary);
	else if (type.includes('urlencoded')) payload = formBody(r, post);
	else payload = JSON.stringify(post);
	const headers = new Headers();
	if (type) headers.set('content-type', type);
	if (r.next() < 0.8) headers.set('origin', r.next() < 0.9 ? origin : 'https://evil.example');
	if (r.next() < 0.1) headers.set('sec-fetch-site', r.pick(['same-origin', 'cross-site', 'none']));
	return new Request(`${origin}/api/feedback`, {
		method,
		headers,
		...(method === 'GET' ? {} : { body: payload }),
	});
}

const allowed = [200, 201, 303, 400, 403, 405, 413, 415];

function fuzz(
	name: string,
	open: () => Promise<{ store: FeedbackStore; cleanup: () => Promise<void> }>,
	runs: number,
) {
	describe(name, () => {
		let submit: FeedbackHandler;
		let store: FeedbackStore;
		let cleanup: () => Promise<void>;
		const logged: unknown[] = [];
		let savedComments = 0;
		let challenge: FeedbackHandler;
		const solveOne = async () => {
			const response = await challenge(new Request(`${origin}/api/feedback/challenge`));
			return solve((await response.json()) as Challenge);
		};

		beforeAll(async () => {
			const opened = await open();
			({ store, cleanup } = opened);
			// Counts the comments that reached the database.
			const counting = new Proxy(store, {
				get(target, key) {
					if (key !== 'saveVote') {
						const value: unknown = Reflect.get(target, key);
						return typeof value === 'function' ? value.bind(target) : value;
					}
					return async (...args: Parameters<FeedbackStore['saveVote']>) => {
						const result = await target.saveVote(...args);
						if (args[0].comment !== null && result !== 'replayed') savedComments += 1;
						return result;
					};
				},
			});
			const options = {
				store: counting,
				articles,
				secret,
				captcha: easyCaptcha,
				limits: {
					client: { max: 1e9, windowSeconds: 60 },
					article: { max: 1e9, windowSeconds: 60 },
					challenge: { max: 1e9, windowSeconds: 60 },
				},
				log: (_message: string, error: unknown) => logged.push(error),
			};
			submit = createFeedbackHandler(options);
			challenge = createChallengeHandler(options);
			for (let i = 0; i < runs / 5; i++) solved.push(await solveOne());
		});
		afterAll(() => cleanup());

		test(`answers ${runs} random requests (seed 20261128) without a 5xx`, async () => {
			const r = prng(20261128);
			const seen = new Map<number, number>();
			for (let i = 0; i < runs; i++) {
				const request = randomRequest(r);
				const response = await submit(request);
				seen.set(response.status, (seen.get(response.status) ?? 0) + 1);
				expect(
					allowed,
					`run ${i}: ${request.method} ${request.headers.get('content-type')}`,
				).toContain(response.status);
				if (response.status >= 400) {
					expect(response.headers.get('content-type')).toBe('application/problem+json');
					const problem = (await response.json()) as { status: number; errors: unknown[] };
					expect(problem.status).toBe(response.status);
					expect(Array.isArray(problem.errors)).toBe(true);
				}
			}
			expect(logged).toEqual([]);
			// The generator reaches the interesting outcomes, not only one kind of rejection,
			// and random text did reach the store.
			for (const status of [200, 201, 303, 400, 403, 405, 413, 415]) {
				expect(seen.get(status) ?? 0, `status ${status} in ${[...seen]}`).toBeGreaterThan(0);
			}
			expect(savedComments).toBeGreaterThan(0);
		});

		test.each(strings.map((text) => [JSON.stringify(text).slice(0, 40), text]))(
			'stores or rejects the comment %s, never a 5xx',
			async (_, comment) => {
				const response = await submit(
					new Request(`${origin}/api/feedback`, {
						method: 'POST',
						headers: { 'Content-Type': 'application/json', Origin: origin },
						body: JSON.stringify({
							article: 'icloud-mail',
							lang: 'en',
							vote: 'no',
							reasons: ['inaccurate'],
							comment,
							visitor: crypto.randomUUID(),
							captcha: await solveOne(),
						}),
					}),
				);
				expect([201, 400]).toContain(response.status);
			},
		);
	});
}

fuzz('feedback API fuzz on SQLite', tempSqlite, 1500);

describe.skipIf(skipPostgres)('on PostgreSQL', () => {
	fuzz(
		'feedback API fuzz',
		async () => {
			const database = await createTempDatabase();
			const store = new PostgresFeedbackStore(database.url);
			await store.migrate();
			return {
				store,
				cleanup: async () => {
					await store.close();
					await database.drop();
				},
			};
		},
		600,
	);
});
