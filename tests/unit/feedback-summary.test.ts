import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { badFields, body, jsonPost, origin, testApi, visitor } from '../fixtures/feedback.ts';

let api: Awaited<ReturnType<typeof testApi>>;
beforeEach(async () => {
	api = await testApi();
});
afterEach(() => api.cleanup());

const summary = (query: string, method = 'GET') =>
	api.summary(new Request(`${origin}/api/feedback/summary${query}`, { method }));

async function cast(lang: string, vote: string, id = visitor()) {
	const response = await api.submit(jsonPost({ article: 'icloud-mail', lang, vote, visitor: id }));
	expect(response.ok).toBe(true);
}

describe('createSummaryHandler()', () => {
	test('returns yes, no and total for one language and for all, cacheable for a minute', async () => {
		await cast('en', 'yes');
		await cast('en', 'yes');
		await cast('en', 'no');
		await cast('nl', 'no');
		const response = await summary('?article=icloud-mail&lang=en');
		expect(response.status).toBe(200);
		expect(response.headers.get('cache-control')).toBe('public, max-age=60');
		expect(await body(response)).toEqual({
			article: 'icloud-mail',
			lang: 'en',
			yes: 2,
			no: 1,
			total: 3,
		});
		expect(await body(await summary('?article=icloud-mail'))).toEqual({
			article: 'icloud-mail',
			lang: null,
			yes: 2,
			no: 2,
			total: 4,
		});
	});

	test('counts a changed vote once, under its new answer', async () => {
		const id = visitor();
		await cast('en', 'yes', id);
		await cast('en', 'no', id);
		expect(await body(await summary('?article=icloud-mail&lang=en'))).toMatchObject({
			yes: 0,
			no: 1,
			total: 1,
		});
	});

	test('returns zeros for a published article nobody voted on', async () => {
		expect(await body(await summary('?article=gmail'))).toMatchObject({ yes: 0, no: 0, total: 0 });
	});

	test.each([
		['no article', '', ['article']],
		['an unknown article', '?article=lycos-mail', ['article']],
		['an article not published in that language', '?article=gmail&lang=nl', ['article']],
		['an unknown language', '?article=gmail&lang=de', ['lang']],
		['a malformed slug', '?article=../etc/passwd', ['article']],
		['a repeated parameter', '?article=gmail&article=icloud-mail', ['article']],
	])('returns 400 naming the parameter for %s', async (_, query, fields) => {
		const response = await summary(query);
		expect(response.status).toBe(400);
		expect(response.headers.get('content-type')).toBe('application/problem+json');
		expect(await badFields(response)).toEqual(fields);
	});

	test('returns 405 with Allow: GET, HEAD for a POST', async () => {
		const response = await summary('?article=gmail', 'POST');
		expect(response.status).toBe(405);
		expect(response.headers.get('allow')).toBe('GET, HEAD');
	});
});
