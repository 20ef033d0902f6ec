import { afterEach, describe, expect, test } from 'vitest';
import { createFeedbackHandler } from '../../src/lib/feedback/handler.ts';
import { SqliteFeedbackStore } from '../../src/lib/store/sqlite.ts';
import { articles, body, jsonPost, secret, testApi, visitor } from '../fixtures/feedback.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
	await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

async function limitedApi(limits: Parameters<typeof testApi>[0]) {
	const api = await testApi(limits);
	cleanups.push(api.cleanup);
	return api;
}

const vote = (article = 'icloud-mail', lang = 'en') =>
	jsonPost({ article, lang, vote: 'yes', visitor: visitor() });
const from = (clientAddress: string) => ({ clientAddress });

describe('rate limits', () => {
	test('returns 429 with Retry-After (seconds to the window end) past the per-client limit', async () => {
		// The API's own clock, fixed: 200 s after a 10-minute window began, 400 s before it ends. (Read
		// from the wall clock, a run that crossed a window boundary got 600 s more than it expected.)
		const at = new Date('2026-12-07T23:03:20Z');
		const api = await limitedApi({
			limits: { client: { max: 3, windowSeconds: 600 } },
			now: () => at,
		});
		for (let i = 0; i < 3; i++) {
			expect((await api.submit(vote(), from('203.0.113.1'))).status).toBe(201);
		}
		const response = await api.submit(vote(), from('203.0.113.1'));
		expect(response.status).toBe(429);
		expect(response.headers.get('content-type')).toBe('application/problem+json');
		expect(response.headers.get('retry-after')).toBe('400');
		expect(await body(response)).toMatchObject({ status: 429, title: 'Too Many Requests' });
		expect(await api.store.listVotes()).toHaveLength(3);
	});

	test('limits each client on its own and lets it in again in the next window', async () => {
		const api = await limitedApi({ limits: { client: { max: 1, windowSeconds: 60 } } });
		expect((await api.submit(vote(), from('203.0.113.1'))).status).toBe(201);
		expect((await api.submit(vote(), from('203.0.113.1'))).status).toBe(429);
		expect((await api.submit(vote(), from('203.0.113.2'))).status).toBe(201);
		api.advance(60);
		expect((await api.submit(vote(), from('203.0.113.1'))).status).toBe(201);
	});

	test('counts rejected posts too, so a script cannot probe without limit', async () => {
		const api = await limitedApi({ limits: { client: { max: 2, windowSeconds: 60 } } });
		await api.submit(jsonPost('not json'), from('203.0.113.9'));
		await api.submit(jsonPost('not json'), from('203.0.113.9'));
		expect((await api.submit(vote(), from('203.0.113.9'))).status).toBe(429);
	});

	test('returns 429 past the per-article limit, over both languages, other articles unaffected', async () => {
		const api = await limitedApi({ limits: { article: { max: 2, windowSeconds: 3600 } } });
		expect((await api.submit(vote('icloud-mail', 'en'), from('198.51.100.1'))).status).toBe(201);
		expect((await api.submit(vote('icloud-mail', 'nl'), from('198.51.100.2'))).status).toBe(201);
		const response = await api.submit(vote('icloud-mail', 'en'), from('198.51.100.3'));
		expect(response.status).toBe(429);
		expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
		expect((await api.submit(vote('gmail', 'en'), from('198.51.100.4'))).status).toBe(201);
	});

	test('keeps the counts in the database: a second process on the same file shares them', async () => {
		const api = await limitedApi({ limits: { client: { max: 2, windowSeconds: 600 } } });
		const otherStore = new SqliteFeedbackStore(api.path);
		cleanups.push(() => otherStore.close());
		const otherInstance = createFeedbackHandler({
			store: otherStore,
			articles,
			secret,
			limits: { client: { max: 2, windowSeconds: 600 } },
		});
		expect((await api.submit(vote(), from('192.0.2.5'))).status).toBe(201);
		expect((await otherInstance(vote(), from('192.0.2.5'))).status).toBe(201);
		expect((await api.submit(vote(), from('192.0.2.5'))).status).toBe(429);
		expect((await otherInstance(vote(), from('192.0.2.5'))).status).toBe(429);
	});
});
