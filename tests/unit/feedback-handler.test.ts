import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { SqliteFeedbackStore } from '../../src/lib/store/sqlite.ts';
import type { FeedbackStore } from '../../src/lib/store/store.ts';
import {
	badFields,
	body,
	formPost,
	jsonPost,
	origin,
	testApi,
	visitor,
} from '../fixtures/feedback.ts';

let api: Awaited<ReturnType<typeof testApi>>;
beforeEach(async () => {
	api = await testApi();
});
afterEach(() => api.cleanup());

const yes = { article: 'icloud-mail', lang: 'en', vote: 'yes' };

describe('createFeedbackHandler()', () => {
	describe('accepted votes', () => {
		test('returns 201 and { ok, vote } for a first JSON vote', async () => {
			const response = await api.submit(jsonPost({ ...yes, visitor: visitor() }));
			expect(response.status).toBe(201);
			expect(response.headers.get('content-type')).toBe('application/json');
			expect(await body(response)).toEqual({ ok: true, vote: 'yes' });
		});

		test('returns 200 and updates the one row when the same visitor changes yes to no', async () => {
			const id = visitor();
			await api.submit(jsonPost({ ...yes, visitor: id }));
			const response = await api.submit(jsonPost({ ...yes, vote: 'no', visitor: id }));
			expect(response.status).toBe(200);
			expect(await body(response)).toEqual({ ok: true, vote: 'no' });
			expect(await api.store.listVotes()).toMatchObject([{ vote: 'no' }]);
		});

		test('redirects a plain form post (303) to the article with the thank-you fragment', async () => {
			const response = await api.submit(
				formPost({ article: 'icloud-mail', lang: 'nl', vote: 'no' }),
			);
			expect(response.status).toBe(303);
			expect(response.headers.get('location')).toBe('/nl/icloud-mail/#feedback-no');
			expect(await api.store.counts('icloud-mail', 'nl')).toEqual({ yes: 0, no: 1 });
		});

		test('accepts multipart/form-data with a repeated reasons field', async () => {
			const form = new FormData();
			for (const [name, value] of Object.entries({ ...yes, vote: 'no', visitor: visitor() })) {
				form.append(name, value);
			}
			form.append('reasons', 'step-failed');
			form.append('reasons', 'screen-differs');
			form.append('captcha', await api.captcha());
			const request = new Request(`${origin}/api/feedback`, { method: 'POST', body: form });
			const response = await api.submit(request);
			expect(response.status).toBe(303);
			expect(await api.store.listVotes()).toMatchObject([
				{ reasons: ['step-failed', 'screen-differs'] },
			]);
		});

		test('stores the article date, the details and a hash instead of the visitor id', async () => {
			const id = visitor();
			const response = await api.submit(
				jsonPost({
					...yes,
					vote: 'no',
					visitor: id,
					reasons: ['inaccurate'],
					comment: '  Line one\r\nline two  ',
					section: 'generate-an-app-specific-password',
					captcha: await api.captcha(),
				}),
			);
			expect(response.status).toBe(201);
			const [row] = await api.store.listVotes();
			expect(row).toMatchObject({
				article: 'icloud-mail',
				lang: 'en',
				articleUpdated: '2026-11-28',
				reasons: ['inaccurate'],
				comment: 'Line one\nline two',
				section: 'generate-an-app-specific-password',
			});
			expect(row!.visitorHash).toMatch(/^[0-9a-f]{64}$/);
			expect(row!.visitorHash).not.toContain(id);
		});

		test('clears reasons, comment and section when a plain yes follows a detailed no', async () => {
			const id = visitor();
			await api.submit(
				jsonPost({
					...yes,
					vote: 'no',
					visitor: id,
					reasons: ['broken-link'],
					comment: 'Link is dead',
					captcha: await api.captcha(),
				}),
			);
			expect((await api.submit(jsonPost({ ...yes, visitor: id }))).status).toBe(200);
			expect(await api.store.listVotes()).toMatchObject([
				{ vote: 'yes', reasons: [], comment: null, section: null },
			]);
		});

		test('commits the vote before answering: another connection sees it at once', async () => {
			await api.submit(jsonPost({ ...yes, visitor: visitor() }));
			const other = new SqliteFeedbackStore(api.path);
			expect(await other.counts('icloud-mail', 'en')).toEqual({ yes: 1, no: 0 });
			await other.close();
		});

		test('writes neither the client address nor the visitor id to the database file', async () => {
			const id = visitor();
			await api.submit(jsonPost({ ...yes, visitor: id }), { clientAddress: '198.51.100.23' });
			await api.store.close();
			const files = ['', '-wal']
				.map((suffix) => {
					try {
						return readFileSync(`${api.path}${suffix}`, 'latin1');
					} catch {
						return '';
					}
				})
				.join('');
			expect(files).toContain('icloud-mail');
			expect(files).not.toContain('198.51.100.23');
			expect(files).not.toContain(id);
		});
	});

	describe('honeypot', () => {
		test('answers a filled website field as accepted (JSON 201) and stores nothing', async () => {
			const response = await api.submit(jsonPost({ ...yes, website: 'http://spam.example' }));
			expect(response.status).toBe(201);
			expect(await body(response)).toEqual({ ok: true, vote: 'yes' });
			expect(await api.store.listVotes()).toEqual([]);
		});

		test('redirects a form bot like a person (303) and stores nothing', async () => {
			const response = await api.submit(formPost({ ...yes, website: 'x' }));
			expect(response.status).toBe(303);
			expect(await api.store.listVotes()).toEqual([]);
		});
	});

	describe('rejections', () => {
		test('returns 400 problem+json naming each bad field', async () => {
			const response = await api.submit(
				jsonPost({ article: 'icloud-mail', lang: 'de', vote: 'maybe' }),
			);
			expect(response.status).toBe(400);
			expect(response.headers.get('content-type')).toBe('application/problem+json');
			const problem = await body(response);
			expect(problem).toMatchObject({ status: 400, title: 'Invalid feedback' });
			expect(problem['type']).toEqual(expect.any(String));
			expect(problem['detail']).toContain('lang, vote');
			expect(problem['errors']).toEqual([
				{ field: 'lang', message: 'must be one of: nl, en' },
				{ field: 'vote', message: 'must be one of: yes, no' },
			]);
		});

		test('answers an invalid form post with 400 problem+json, not a redirect', async () => {
			const response = await api.submit(formPost({ article: 'nope', lang: 'nl', vote: 'yes' }));
			expect(response.status).toBe(400);
			expect(response.headers.get('content-type')).toBe('application/problem+json');
			expect(await badFields(response)).toEqual(['article']);
		});

		test.each([
			['a foreign Origin', { Origin: 'https://evil.example' }],
			['Origin null', { Origin: 'null' }],
			['Sec-Fetch-Site: cross-site', { 'Sec-Fetch-Site': 'cross-site', Origin: origin }],
		])('returns 403 for %s', async (_, headers) => {
			const response = await api.submit(jsonPost(yes, headers));
			expect(response.status).toBe(403);
			expect(await badFields(response)).toEqual(['Origin']);
			expect(await api.store.listVotes()).toEqual([]);
		});

		test('accepts a request without Origin (not a browser) and an allowed proxy origin', async () => {
			const request = new Request(`${origin}/api/feedback`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify(yes),
			});
			expect((await api.submit(request)).status).toBe(201);
			const behindProxy = await testApi({ allowedOrigins: ['https://help.example.com'] });
			const proxied = jsonPost(yes, { Origin: 'https://help.example.com' });
			expect((await behindProxy.submit(proxied)).status).toBe(201);
			await behindProxy.cleanup();
		});

		test.each(['GET', 'PUT', 'DELETE', 'PATCH'])(
			'returns 405 with Allow: POST for %s',
			async (method) => {
				const response = await api.submit(new Request(`${origin}/api/feedback`, { method }));
				expect(response.status).toBe(405);
				expect(response.headers.get('allow')).toBe('POST');
				expect(response.headers.get('content-type')).toBe('application/problem+json');
			},
		);

		test('returns 413 for a body over 16 KB', async () => {
			const response = await api.submit(jsonPost({ ...yes, comment: 'x'.repeat(17_000) }));
			expect(response.status).toBe(413);
			expect(await badFields(response)).toEqual(['body']);
		});

		test('returns 413 from Content-Length alone, before reading the body', async () => {
			const request = jsonPost(yes, { 'Content-Length': String(10_000_000) });
			expect((await api.submit(request)).status).toBe(413);
		});

		test('returns 413 for a streamed body that passes 16 KB, without reading it all', async () => {
			let pulled = 0;
			const stream = new ReadableStream<Uint8Array>({
				pull(controller) {
					pulled += 1;
					controller.enqueue(new Uint8Array(4096).fill(0x20));
					if (pulled > 1000) controller.close();
				},
			});
			const request = new Request(`${origin}/api/feedback`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: stream,
				duplex: 'half',
			} as RequestInit);
			expect((await api.submit(request)).status).toBe(413);
			expect(pulled).toBeLessThan(10);
		});

		test('returns 400 naming body, and logs nothing, when the body stream breaks off', async () => {
			const stream = new ReadableStream<Uint8Array>({
				start(controller) {
					controller.enqueue(new TextEncoder().encode('{"article":"icloud-mail",'));
				},
				pull(controller) {
					controller.error(new Error('client disconnected'));
				},
			});
			const request = new Request(`${origin}/api/feedback`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: stream,
				duplex: 'half',
			} as RequestInit);
			const response = await api.submit(request);
			expect(response.status).toBe(400);
			expect(await badFields(response)).toEqual(['body']);
			expect(api.logged).toEqual([]);
		});

		test.each([
			['text/plain', 'text/plain'],
			['no Content-Type', null],
			['a charset other than UTF-8', 'application/json; charset=iso-8859-1'],
		])('returns 415 for %s', async (_, type) => {
			const request = new Request(`${origin}/api/feedback`, {
				method: 'POST',
				body: JSON.stringify(yes),
			});
			if (type) request.headers.set('content-type', type);
			else request.headers.delete('content-type');
			const response = await api.submit(request);
			expect(response.status).toBe(415);
			expect(await badFields(response)).toEqual(['Content-Type']);
		});

		test.each([
			['an empty body', ''],
			['malformed JSON', '{"article":'],
			['a JSON array', '[1,2]'],
			['JSON null', 'null'],
		])('returns 400 naming body for %s', async (_, text) => {
			const response = await api.submit(jsonPost(text));
			expect(response.status).toBe(400);
			expect(await badFields(response)).toEqual(['body']);
		});

		test('returns 400 for a body that is not UTF-8', async () => {
			const request = new Request(`${origin}/api/feedback`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
			});
			const response = await api.submit(request);
			expect(response.status).toBe(400);
			expect(await badFields(response)).toEqual(['body']);
		});

		test('returns 400 naming the field when a form sends a file', async () => {
			const form = new FormData();
			form.append('article', 'icloud-mail');
			form.append('comment', new Blob(['hi']), 'a.txt');
			const request = new Request(`${origin}/api/feedback`, { method: 'POST', body: form });
			const response = await api.submit(request);
			expect(response.status).toBe(400);
			expect(await badFields(response)).toEqual(['comment']);
		});
	});

	describe('storage failures', () => {
		const broken = (method: keyof FeedbackStore) =>
			new Proxy(api.store, {
				get(target, key) {
					if (key === method)
						return () => Promise.reject(new Error('disk I/O error at /secret/path'));
					const value: unknown = Reflect.get(target, key);
					return typeof value === 'function' ? value.bind(target) : value;
				},
			});

		// A vote is counted and saved by submitVote; a rejected post is counted by hit.
		test.each([
			['submitVote', { ...yes, visitor: visitor() }],
			['hit', { ...yes, vote: 'maybe' }],
		] as const)(
			'returns 503 problem+json without details and logs the cause when %s fails',
			async (method, post) => {
				const failing = await testApi({ store: broken(method) });
				const response = await failing.submit(jsonPost(post));
				expect(response.status).toBe(503);
				expect(response.headers.get('content-type')).toBe('application/problem+json');
				const text = await response.text();
				expect(text).not.toContain('disk I/O');
				expect(text).not.toContain('/secret/path');
				expect(failing.logged).toHaveLength(1);
				expect(String(failing.logged[0]!.error)).toContain('disk I/O error');
				await failing.cleanup();
			},
		);
	});
});
