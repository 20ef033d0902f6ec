import type { Challenge } from 'altcha-lib';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
	badFields,
	body,
	jsonPost,
	origin,
	solve,
	testApi,
	visitor,
} from '../fixtures/feedback.ts';

let api: Awaited<ReturnType<typeof testApi>>;
beforeEach(async () => {
	api = await testApi();
});
afterEach(() => api.cleanup());

const challengeRequest = (method = 'GET') =>
	new Request(`${origin}/api/feedback/challenge`, { method });

/** A detailed "no": the kind of post that needs a captcha. */
const detailed = (captcha?: string) => ({
	article: 'icloud-mail',
	lang: 'en',
	vote: 'no',
	reasons: ['hard-to-understand'],
	visitor: visitor(),
	...(captcha === undefined ? {} : { captcha }),
});

/** The problem message for the captcha field. */
async function captchaError(response: Response): Promise<string | undefined> {
	const problem = (await body(response)) as { errors: { field: string; message: string }[] };
	return problem.errors.find((e) => e.field === 'captcha')?.message;
}

describe('createChallengeHandler()', () => {
	test('returns a challenge in the shape the altcha 3 widget accepts, never cached', async () => {
		const response = await api.challenge(challengeRequest());
		expect(response.status).toBe(200);
		expect(response.headers.get('cache-control')).toBe('no-store');
		const challenge = (await response.json()) as Challenge;
		// The widget's own check (isChallengeValid in node_modules/altcha/dist/main/altcha.js).
		for (const key of ['algorithm', 'nonce', 'salt', 'keyPrefix']) {
			expect(challenge.parameters).toHaveProperty(key);
		}
		expect(challenge).not.toHaveProperty('challenge'); // would make the widget treat it as v1
		expect(challenge.parameters.algorithm).toBe('PBKDF2/SHA-256');
		expect(challenge.parameters.keySignature).toMatch(/^[0-9a-f]{64}$/);
		expect(challenge.signature).toMatch(/^[0-9a-f]{64}$/);
		const inTenMinutes = Date.now() / 1000 + 600;
		expect(Math.abs(challenge.parameters.expiresAt! - inTenMinutes)).toBeLessThan(2);
	});

	test('returns 405 with Allow: GET for a POST', async () => {
		const response = await api.challenge(challengeRequest('POST'));
		expect(response.status).toBe(405);
		expect(response.headers.get('allow')).toBe('GET');
	});

	test('returns 429 with Retry-After once a client has fetched too many', async () => {
		const limited = await testApi({ limits: { challenge: { max: 2, windowSeconds: 600 } } });
		const from = { clientAddress: '203.0.113.7' };
		expect((await limited.challenge(challengeRequest(), from)).status).toBe(200);
		expect((await limited.challenge(challengeRequest(), from)).status).toBe(200);
		const response = await limited.challenge(challengeRequest(), from);
		expect(response.status).toBe(429);
		expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
		await limited.cleanup();
	});
});

describe('captcha on a detailed post', () => {
	test('accepts a solved challenge', async () => {
		expect((await api.submit(jsonPost(detailed(await api.captcha())))).status).toBe(201);
	});

	test('does not need a captcha for a vote-only post', async () => {
		const vote = { article: 'icloud-mail', lang: 'en', vote: 'no', visitor: visitor() };
		expect((await api.submit(jsonPost(vote))).status).toBe(201);
	});

	test('returns 400 naming captcha when it is missing', async () => {
		const response = await api.submit(jsonPost(detailed()));
		expect(response.status).toBe(400);
		expect(await badFields(response)).toEqual(['captcha']);
	});

	test('rejects the second use of a solved challenge and saves nothing the second time', async () => {
		const captcha = await api.captcha();
		expect((await api.submit(jsonPost(detailed(captcha)))).status).toBe(201);
		const replay = await api.submit(jsonPost(detailed(captcha)));
		expect(replay.status).toBe(400);
		expect(await captchaError(replay)).toBe('has already been used; solve a new one');
		expect(await api.store.listVotes()).toHaveLength(1);
	});

	test('rejects a challenge past its expiry (10 minutes)', async () => {
		const captcha = await api.captcha();
		api.advance(601);
		const response = await api.submit(jsonPost(detailed(captcha)));
		expect(response.status).toBe(400);
		expect(await captchaError(response)).toBe('has expired; solve a new one');
		expect(await api.store.listVotes()).toEqual([]);
	});

	test('rejects a challenge signed with another secret', async () => {
		const other = await testApi({ secret: 'another-secret-0123456789abcdef0123456789' });
		const captcha = await other.captcha();
		await other.cleanup();
		const response = await api.submit(jsonPost(detailed(captcha)));
		expect(await captchaError(response)).toBe('was not issued by this server');
	});

	test('rejects a solution whose derived key is wrong', async () => {
		const payload = JSON.parse(atob(await api.captcha())) as { solution: { derivedKey: string } };
		const key = payload.solution.derivedKey;
		payload.solution.derivedKey = key.slice(0, -1) + (key.endsWith('0') ? '1' : '0');
		const response = await api.submit(jsonPost(detailed(btoa(JSON.stringify(payload)))));
		expect(response.status).toBe(400);
		expect(await captchaError(response)).toBe('is not solved');
	});

	test('rejects parameters changed after signing (a longer expiry)', async () => {
		const challenge = (await (await api.challenge(challengeRequest())).json()) as Challenge;
		challenge.parameters.expiresAt = challenge.parameters.expiresAt! + 3600;
		const response = await api.submit(jsonPost(detailed(await solve(challenge))));
		expect(await captchaError(response)).toBe('was not issued by this server');
	});

	test.each([
		['not base64', '%%%'],
		['base64 of text', btoa('hello')],
		['the widget test-mode payload', btoa('{"challenge":null,"solution":null,"test":true}')],
		['a v1 payload', btoa('{"algorithm":"SHA-256","challenge":"ab","number":1,"salt":"x"}')],
		[
			'odd-length hex',
			btoa(
				'{"challenge":{"parameters":{"algorithm":"PBKDF2/SHA-256","nonce":"abc","salt":"","keyPrefix":"0","expiresAt":9999999999},"signature":"x"},"solution":{"counter":1,"derivedKey":"0"}}',
			),
		],
	])('returns 400 naming captcha for %s', async (_, captcha) => {
		const response = await api.submit(jsonPost(detailed(captcha)));
		expect(response.status).toBe(400);
		expect(await badFields(response)).toEqual(['captcha']);
	});
});
