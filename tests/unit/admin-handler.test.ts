import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { adminAccess } from '../../src/lib/admin/access.ts';
import { createSession, sessionCookieName } from '../../src/lib/admin/auth.ts';
import {
	createAdminHandler,
	type AdminDependencies,
	type AdminHandler,
} from '../../src/lib/admin/handler.ts';
import type { AdminView } from '../../src/lib/admin/views.ts';
import type { ArticleInfo } from '../../src/lib/admin/dashboard.ts';
import { SqliteFeedbackStore } from '../../src/lib/store/sqlite.ts';
import type { FeedbackStore } from '../../src/lib/store/store.ts';
import { fixtureNow, seedInsightsVotes } from '../fixtures/insights-votes.ts';

const token = 'a-long-enough-admin-token';
const now = fixtureNow;
const origin = 'http://localhost:4321';
const page = `${origin}/admin/feedback/?lang=en&since=2026-11-01`;
const csvUrl = `${origin}/admin/feedback.csv?lang=en`;

const articles: ArticleInfo[] = [
	{ lang: 'en', slug: 'icloud-mail', title: 'iCloud Mail', sections: new Map() },
	{ lang: 'nl', slug: 'icloud-mail', title: 'iCloud-mail', sections: new Map() },
	{ lang: 'nl', slug: 'gmail', title: 'Gmail', sections: new Map() },
];

let store: SqliteFeedbackStore;
let logged: string[];
beforeEach(async () => {
	store = new SqliteFeedbackStore(':memory:');
	await store.migrate();
	logged = [];
});
afterEach(() => store.close());

function handler(overrides: Partial<AdminDependencies> = {}): AdminHandler {
	return createAdminHandler({
		env: () => ({ FEEDBACK_ADMIN_TOKEN: token, FEEDBACK_ADMIN_LOGIN_RATE: '2/600' }),
		store: async () => store,
		content: { articles: () => articles, findings: () => [] },
		now: () => now,
		log: (message) => logged.push(message),
		...overrides,
	});
}

const signedIn = (url = page, headers: Record<string, string> = {}) =>
	new Request(url, {
		headers: { cookie: `${sessionCookieName}=${createSession(token, now)}`, ...headers },
	});

const post = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
	new Request(page, {
		method: 'POST',
		headers: { Origin: origin, ...headers },
		body: new URLSearchParams(fields),
	});

/** The answer as a view, failing the test when it is a response. */
function asView(answer: Response | AdminView): AdminView {
	if (answer instanceof Response) throw new Error(`expected a view, got ${answer.status}`);
	return answer;
}

describe('createAdminHandler() page()', () => {
	test('returns a 404 view when FEEDBACK_ADMIN_TOKEN is not set, for any method', async () => {
		for (const method of ['GET', 'POST', 'DELETE']) {
			const request = new Request(page, { method, ...(method === 'POST' && { body: 'x=1' }) });
			const view = asView(await handler({ env: () => ({}) }).page(request));
			expect([view.status, view.statusText, view.page]).toEqual([
				404,
				'Not Found',
				{ kind: 'not-found' },
			]);
			expect(view.headers).toMatchObject({
				'Cache-Control': 'no-store',
				'X-Robots-Tag': 'noindex, nofollow',
			});
		}
	});

	test('returns 503 with Retry-After and logs when the token is misconfigured', async () => {
		const view = asView(
			await handler({ env: () => ({ FEEDBACK_ADMIN_TOKEN: 'x' }) }).page(new Request(page)),
		);
		expect([view.status, view.page.kind, view.headers['Retry-After']]).toEqual([
			503,
			'unavailable',
			'30',
		]);
		expect(logged).toEqual(['admin: the dashboard is misconfigured']);
	});

	test('returns the login form posting to the same view when there is no valid session', async () => {
		for (const cookie of ['', `${sessionCookieName}=forged.value`]) {
			const view = asView(await handler().page(new Request(page, { headers: { cookie } })));
			expect([view.status, view.page]).toEqual([
				200,
				{ kind: 'login', action: '/admin/feedback/?lang=en&since=2026-11-01' },
			]);
		}
	});

	test('returns the language from ?lang=, else from Accept-Language, with both alternates', async () => {
		const english = asView(await handler().page(new Request(page)));
		expect(english.lang).toBe('en');
		expect(english.alternates).toEqual({
			nl: '/admin/feedback/?lang=nl&since=2026-11-01',
			en: '/admin/feedback/?lang=en&since=2026-11-01',
		});
		const bare = `${origin}/admin/feedback/`;
		const dutch = await handler().page(new Request(bare, { headers: { 'accept-language': 'nl' } }));
		expect(asView(dutch).lang).toBe('nl');
		const other = await handler().page(
			new Request(bare, { headers: { 'accept-language': 'en-GB' } }),
		);
		expect(asView(other).lang).toBe('en');
	});

	test('returns the dashboard of the stored votes for a valid session cookie', async () => {
		await seedInsightsVotes(store, now);
		const view = asView(await handler().page(signedIn(`${origin}/admin/feedback/?lang=nl`)));
		expect(view.status).toBe(200);
		if (view.page.kind !== 'dashboard') throw new Error(view.page.kind);
		expect(view.page.dashboard.total).toEqual({ votes: 24, yes: 15, no: 9 });
		expect(view.page.choices).toEqual([
			{ slug: 'icloud-mail', title: 'iCloud-mail' },
			{ slug: 'gmail', title: 'Gmail' },
		]);
	});

	test('returns 400 with the dashboard and the field when a filter is bad', async () => {
		const view = asView(
			await handler().page(signedIn(`${origin}/admin/feedback/?lang=en&since=2026-13-45`)),
		);
		expect(view.status).toBe(400);
		expect(view.page).toMatchObject({
			kind: 'dashboard',
			errors: [{ field: 'since', value: '2026-13-45' }],
		});
	});

	test('returns 503, not an empty dashboard, when the store cannot be read', async () => {
		const broken = async (): Promise<FeedbackStore> => {
			throw new Error('database down');
		};
		const view = asView(await handler({ store: broken }).page(signedIn()));
		expect([view.status, view.page.kind]).toEqual([503, 'unavailable']);
		expect(logged).toEqual(['admin: cannot read the feedback store']);
	});

	test('returns a 303 to the same view with an HttpOnly, SameSite=Strict session cookie for the right token', async () => {
		const response = await handler().page(post({ action: 'login', token }));
		if (!(response instanceof Response)) throw new Error('expected a redirect');
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe('/admin/feedback/?lang=en&since=2026-11-01');
		const cookie = response.headers.get('set-cookie')!;
		expect(cookie).toMatch(new RegExp(`^${sessionCookieName}=\\d+\\.[\\w-]{43}; `));
		expect(cookie).toContain('Max-Age=28800');
		expect(cookie).toContain('Path=/admin/');
		expect(cookie).toContain('HttpOnly');
		expect(cookie).toContain('SameSite=Strict');
		expect(cookie).not.toContain('Secure');
		expect(cookie).not.toContain(token);
		expect(response.headers.get('cache-control')).toBe('no-store');
	});

	test('returns a Secure cookie anywhere but http on localhost', async () => {
		const request = new Request('https://help.example.com/admin/feedback/?lang=en', {
			method: 'POST',
			headers: { Origin: 'https://help.example.com' },
			body: new URLSearchParams({ action: 'login', token }),
		});
		const response = (await handler().page(request)) as Response;
		expect(response.headers.get('set-cookie')).toContain('Secure');
	});

	test('returns 401 for a wrong token and 429 with Retry-After once over the limit', async () => {
		const wrong = asView(await handler().page(post({ action: 'login', token: 'nope' })));
		expect([wrong.status, wrong.statusText, wrong.page]).toEqual([
			401,
			'Unauthorized',
			{
				kind: 'login',
				action: '/admin/feedback/?lang=en&since=2026-11-01',
				error: { kind: 'wrong' },
			},
		]);
		await handler().page(post({ action: 'login', token: 'nope' }));
		const limited = asView(await handler().page(post({ action: 'login', token })));
		expect([limited.status, limited.statusText]).toEqual([429, 'Too Many Requests']);
		expect(limited.headers['Retry-After']).toBe('600');
		expect(limited.page).toMatchObject({ error: { kind: 'rate-limited', minutes: 10 } });
	});

	test('returns 401 for a body that is not a form', async () => {
		const request = new Request(page, {
			method: 'POST',
			headers: { Origin: origin, 'Content-Type': 'application/json' },
			body: '{"token": 1}',
		});
		expect(asView(await handler().page(request)).status).toBe(401);
	});

	test('returns a 303 that clears the session cookie for sign-out', async () => {
		const response = await handler().page(post({ action: 'logout' }));
		if (!(response instanceof Response)) throw new Error('expected a redirect');
		expect(response.status).toBe(303);
		expect(response.headers.get('set-cookie')).toMatch(
			new RegExp(`^${sessionCookieName}=; Max-Age=0; Path=/admin/; Expires=Thu, 01 Jan 1970`),
		);
	});

	test('returns 403 for a POST from another site, counting no attempt', async () => {
		const response = await handler().page(
			post({ action: 'login', token }, { Origin: 'https://evil.example' }),
		);
		expect((response as Response).status).toBe(403);
		expect(await store.listVotes()).toEqual([]);
		expect((await store.hit('probe', 600, now)).count).toBe(1);
	});

	test('returns 405 with Allow for other methods', async () => {
		const response = (await handler().page(new Request(page, { method: 'DELETE' }))) as Response;
		expect(response.status).toBe(405);
		expect(response.headers.get('allow')).toBe('GET, HEAD, POST');
	});

	test('returns 503, not a sign-in, when the login attempt cannot be counted', async () => {
		const broken = {
			hit: () => Promise.reject(new Error('disk full')),
		} as unknown as FeedbackStore;
		const view = asView(
			await handler({ store: async () => broken }).page(post({ action: 'login', token })),
		);
		expect([view.status, view.page.kind]).toEqual([503, 'unavailable']);
		expect(logged).toEqual(['admin: cannot count the login attempt']);
	});
});

describe('createAdminHandler() csv()', () => {
	test('returns 404 when the dashboard is off', async () => {
		const response = await handler({ env: () => ({}) }).csv(signedIn(csvUrl));
		expect(response.status).toBe(404);
		expect(response.headers.get('x-robots-tag')).toBe('noindex, nofollow');
	});

	test('returns 401 without a session', async () => {
		const response = await handler().csv(new Request(csvUrl));
		expect([response.status, response.statusText]).toEqual([401, 'Unauthorized']);
		expect(await response.text()).toBe('Sign in at /admin/feedback/ first.\n');
	});

	test('returns 400 naming each bad filter', async () => {
		const response = await handler().csv(signedIn(`${csvUrl}&since=yesterday&article=<x>`));
		expect(response.status).toBe(400);
		expect(await response.text()).toBe(
			'since: "yesterday" is not a date (YYYY-MM-DD).\narticle: "<x>" is not an article id.\n',
		);
	});

	test('returns the filtered votes as a CSV attachment named by the day', async () => {
		await seedInsightsVotes(store, now);
		const response = await handler().csv(signedIn(`${csvUrl}&article=icloud-mail`));
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
		expect(response.headers.get('content-disposition')).toBe(
			'attachment; filename="feedback-2026-11-28.csv"',
		);
		const lines = (await response.text()).trimEnd().split('\r\n');
		expect(lines).toHaveLength(1 + 12);
		expect(lines.slice(1).every((l) => l.includes(',icloud-mail,'))).toBe(true);
	});

	test('returns headers without a body for HEAD', async () => {
		const response = await handler().csv(
			new Request(csvUrl, { method: 'HEAD', headers: signedIn().headers }),
		);
		expect(response.status).toBe(200);
		expect(await response.text()).toBe('');
	});

	test('returns 405 for other methods', async () => {
		const response = await handler().csv(
			new Request(csvUrl, { method: 'POST', headers: signedIn().headers }),
		);
		expect([response.status, response.headers.get('allow')]).toEqual([405, 'GET, HEAD']);
	});

	test('returns 503 and logs when the store cannot be read', async () => {
		const broken = async (): Promise<FeedbackStore> => {
			throw new Error('database down');
		};
		const response = await handler({ store: broken }).csv(signedIn(csvUrl));
		expect([response.status, response.headers.get('retry-after')]).toEqual([503, '30']);
		expect(logged).toEqual(['admin: cannot read the feedback store']);
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
