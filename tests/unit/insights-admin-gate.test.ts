import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { SqliteFeedbackStore } from '../../src/lib/store/sqlite.ts';
import type { FeedbackStore } from '../../src/lib/store/store.ts';
import { createSession } from '../../src/lib/insights/admin-auth.ts';
import { adminLang, dashboardUrl, parseFilters } from '../../src/lib/insights/admin-filters.ts';
import { adminAccess, decideAdmin, type GateInput } from '../../src/lib/insights/admin-gate.ts';

const token = 'a-long-enough-admin-token';
const now = new Date('2026-11-28T12:00:00Z');
const url = 'http://localhost:4321/admin/feedback/?lang=en&since=2026-11-01';

let store: SqliteFeedbackStore;
beforeEach(async () => {
	store = new SqliteFeedbackStore(':memory:');
	await store.migrate();
});
afterEach(() => store.close());

function input(overrides: Partial<GateInput> = {}): GateInput {
	return {
		env: { FEEDBACK_ADMIN_TOKEN: token, FEEDBACK_ADMIN_LOGIN_RATE: '2/600' },
		session: undefined,
		clientAddress: '203.0.113.7',
		now,
		lang: 'en',
		store: async () => store,
		log: () => {},
		...overrides,
	};
}

const post = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
	new Request(url, {
		method: 'POST',
		headers: { Origin: 'http://localhost:4321', ...headers },
		body: new URLSearchParams(fields),
	});

describe('decideAdmin()', () => {
	test('returns not-found when FEEDBACK_ADMIN_TOKEN is not set, for any method', async () => {
		for (const method of ['GET', 'POST']) {
			const request = new Request(url, { method, ...(method === 'POST' && { body: 'x=1' }) });
			expect(await decideAdmin(request, input({ env: {} }))).toEqual({ kind: 'not-found' });
		}
	});

	test('returns unavailable when the token is misconfigured', async () => {
		const decision = await decideAdmin(
			new Request(url),
			input({ env: { FEEDBACK_ADMIN_TOKEN: 'x' } }),
		);
		expect(decision).toEqual({ kind: 'unavailable' });
	});

	test('returns the login form for a GET without a valid session', async () => {
		expect(await decideAdmin(new Request(url), input())).toEqual({ kind: 'login', status: 200 });
		expect(await decideAdmin(new Request(url), input({ session: 'forged.value' }))).toEqual({
			kind: 'login',
			status: 200,
		});
	});

	test('returns the dashboard for a GET with a valid session', async () => {
		const session = createSession(token, now);
		expect(await decideAdmin(new Request(url), input({ session }))).toEqual({ kind: 'dashboard' });
	});

	test('returns a redirect to the same view with a new session for the right token', async () => {
		const decision = await decideAdmin(post({ action: 'login', token }), input());
		expect(decision).toMatchObject({
			kind: 'redirect',
			location: '/admin/feedback/?lang=en&since=2026-11-01',
		});
		expect(decision.kind === 'redirect' && decision.session).toMatch(/^\d+\.[\w-]{43}$/);
	});

	test('returns 401 for a wrong token and 429 with Retry-After once over the limit', async () => {
		const wrong = post({ action: 'login', token: 'nope' });
		expect(await decideAdmin(wrong, input())).toEqual({
			kind: 'login',
			status: 401,
			error: { kind: 'wrong' },
		});
		await decideAdmin(post({ action: 'login', token: 'nope' }), input());
		expect(await decideAdmin(post({ action: 'login', token }), input())).toEqual({
			kind: 'login',
			status: 429,
			error: { kind: 'rate-limited', minutes: 10 },
			retryAfterSeconds: 600,
		});
	});

	test('returns a redirect that clears the session for sign-out', async () => {
		const session = createSession(token, now);
		expect(await decideAdmin(post({ action: 'logout' }), input({ session }))).toEqual({
			kind: 'redirect',
			location: '/admin/feedback/?lang=en&since=2026-11-01',
			session: null,
		});
	});

	test('returns forbidden for a POST from another site', async () => {
		const request = post({ action: 'login', token }, { Origin: 'https://evil.example' });
		expect(await decideAdmin(request, input())).toEqual({ kind: 'forbidden' });
	});

	test('returns method-not-allowed for other methods', async () => {
		const request = new Request(url, { method: 'DELETE' });
		expect(await decideAdmin(request, input())).toEqual({ kind: 'method-not-allowed' });
	});

	test('returns unavailable, not a success, when the store fails', async () => {
		const broken = {
			hit: () => Promise.reject(new Error('disk full')),
		} as unknown as FeedbackStore;
		const decision = await decideAdmin(
			post({ action: 'login', token }),
			input({ store: async () => broken }),
		);
		expect(decision).toEqual({ kind: 'unavailable' });
	});
});

describe('adminAccess()', () => {
	test('returns signed-in only with a session made from the current token', () => {
		const session = createSession(token, now);
		const env = { FEEDBACK_ADMIN_TOKEN: token };
		expect(adminAccess(env, session, now).kind).toBe('signed-in');
		expect(adminAccess({ FEEDBACK_ADMIN_TOKEN: 'the-token-was-rotated' }, session, now).kind).toBe(
			'signed-out',
		);
		expect(adminAccess({}, session, now).kind).toBe('off');
	});
});

describe('parseFilters()', () => {
	test('returns the since day and the article', () => {
		expect(parseFilters(new URLSearchParams('since=2026-11-01&article=icloud-mail'))).toEqual({
			filters: { since: new Date('2026-11-01T00:00:00Z'), article: 'icloud-mail' },
			errors: [],
		});
	});

	test.each(['2026-13-01', '2026-02-30', '01-11-2026', '2026-11', 'yesterday'])(
		'returns an error naming since for %j',
		(since) => {
			expect(parseFilters(new URLSearchParams({ since })).errors).toEqual([
				{ field: 'since', value: since },
			]);
		},
	);

	test('returns an error naming article for a value that is not an id', () => {
		expect(parseFilters(new URLSearchParams({ article: '<script>' })).errors).toEqual([
			{ field: 'article', value: '<script>' },
		]);
	});

	test('returns no filters for empty values', () => {
		expect(parseFilters(new URLSearchParams('since=&article='))).toEqual({
			filters: {},
			errors: [],
		});
	});
});

describe('adminLang()', () => {
	test('returns ?lang= when it is a site language, else the Accept-Language choice', () => {
		expect(adminLang(new URL('http://x/admin/feedback/?lang=en'), 'nl')).toBe('en');
		expect(adminLang(new URL('http://x/admin/feedback/?lang=de'), 'en-GB,en;q=0.9')).toBe('en');
		expect(adminLang(new URL('http://x/admin/feedback/'), null)).toBe('nl');
	});
});

describe('dashboardUrl()', () => {
	test('returns the path with the language and the filters', () => {
		expect(
			dashboardUrl('/admin/feedback.csv', 'nl', {
				since: new Date('2026-11-01T00:00:00Z'),
				article: 'gmail',
			}),
		).toBe('/admin/feedback.csv?lang=nl&since=2026-11-01&article=gmail');
	});
});
