import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { SqliteFeedbackStore } from '../../src/lib/store/sqlite.ts';
import {
	attemptLogin,
	createSession,
	loginBucket,
	secureCookie,
	sessionSeconds,
	tokenMatches,
	verifySession,
} from '../../src/lib/admin/auth.ts';
import { adminConfig } from '../../src/lib/admin/config.ts';

const token = 'a-long-enough-admin-token';
const now = new Date('2026-11-28T12:00:00Z');
const later = (seconds: number) => new Date(now.getTime() + seconds * 1000);

describe('tokenMatches()', () => {
	test('returns true only for the exact token, whatever the lengths', () => {
		expect(tokenMatches(token, token)).toBe(true);
		expect(tokenMatches(`${token} `, token)).toBe(false);
		expect(tokenMatches('a', token)).toBe(false);
		expect(tokenMatches('', token)).toBe(false);
	});
});

describe('createSession() and verifySession()', () => {
	test('returns a value that verifies and does not contain the token', () => {
		const session = createSession(token, now);
		expect(session).not.toContain(token);
		expect(verifySession(session, token, later(60))).toBe(true);
	});

	test('returns false once the session has expired', () => {
		const session = createSession(token, now);
		expect(verifySession(session, token, later(sessionSeconds - 1))).toBe(true);
		expect(verifySession(session, token, later(sessionSeconds))).toBe(false);
	});

	test('returns false when the token changed or the value was tampered with', () => {
		const session = createSession(token, now);
		expect(verifySession(session, 'another-long-admin-token', now)).toBe(false);
		const [expires, mac] = session.split('.') as [string, string];
		expect(verifySession(`${Number(expires) + 3600}.${mac}`, token, now)).toBe(false);
		expect(verifySession(`${expires}.${mac.slice(0, -1)}A`, token, now)).toBe(false);
	});

	test.each([undefined, '', 'garbage', '123.', token])('returns false for %j', (value) => {
		expect(verifySession(value, token, now)).toBe(false);
	});
});

describe('loginBucket()', () => {
	test('returns a keyed hash that never contains the address', () => {
		const bucket = loginBucket(token, '203.0.113.7');
		expect(bucket).toMatch(/^admin-login:[0-9a-f]{32}$/);
		expect(bucket).not.toContain('203.0.113.7');
		expect(loginBucket(token, '203.0.113.8')).not.toBe(bucket);
	});
});

describe('attemptLogin()', () => {
	let store: SqliteFeedbackStore;
	beforeEach(async () => {
		store = new SqliteFeedbackStore(':memory:');
		await store.migrate();
	});
	afterEach(() => store.close());

	const attempt = (given: string, at = now, clientAddress = '203.0.113.7') =>
		attemptLogin(given, {
			token,
			store,
			clientAddress,
			now: at,
			rule: { max: 3, windowSeconds: 600 },
		});

	test('returns a session for the right token', async () => {
		const result = await attempt(token);
		expect(result.ok).toBe(true);
		if (result.ok) expect(verifySession(result.session, token, now)).toBe(true);
	});

	test('returns wrong-token for a wrong one', async () => {
		expect(await attempt('wrong')).toEqual({ ok: false, reason: 'wrong-token' });
	});

	test('returns rate-limited after the limit, even for the right token, until the window ends', async () => {
		for (let i = 0; i < 3; i++) expect((await attempt('wrong')).ok).toBe(false);
		expect(await attempt(token, later(60))).toEqual({
			ok: false,
			reason: 'rate-limited',
			retryAfterSeconds: 540,
		});
		// Another address has its own bucket; the next window starts afresh.
		expect((await attempt(token, later(60), '198.51.100.1')).ok).toBe(true);
		expect((await attempt(token, later(600))).ok).toBe(true);
	});

	test('returns the counts from the store, not from process memory', async () => {
		for (let i = 0; i < 3; i++) await attempt('wrong');
		const { count } = await store.hit(loginBucket(token, '203.0.113.7'), 600, now);
		expect(count).toBe(4);
	});
});

describe('secureCookie()', () => {
	test.each([
		['http://localhost:4321/admin/feedback/', false],
		['http://127.0.0.1/admin/feedback/', false],
		['https://localhost/admin/feedback/', true],
		['http://help.example.com/admin/feedback/', true],
		['https://help.example.com/admin/feedback/', true],
	])('returns the Secure flag for %s', (url, secure) => {
		expect(secureCookie(new URL(url))).toBe(secure);
	});
});

describe('adminConfig()', () => {
	test('returns null when FEEDBACK_ADMIN_TOKEN is not set or empty', () => {
		expect(adminConfig({})).toBeNull();
		expect(adminConfig({ FEEDBACK_ADMIN_TOKEN: '' })).toBeNull();
	});

	test('returns the token and the default login limit', () => {
		expect(adminConfig({ FEEDBACK_ADMIN_TOKEN: token })).toEqual({
			token,
			loginRule: { max: 10, windowSeconds: 900 },
		});
	});

	test('throws naming the variable when the token is too short', () => {
		expect(() => adminConfig({ FEEDBACK_ADMIN_TOKEN: 'short' })).toThrow(
			'FEEDBACK_ADMIN_TOKEN: expected at least 16 characters.',
		);
	});

	test('throws naming the variable when the login rate is malformed', () => {
		expect(() =>
			adminConfig({ FEEDBACK_ADMIN_TOKEN: token, FEEDBACK_ADMIN_LOGIN_RATE: 'ten' }),
		).toThrow(/^FEEDBACK_ADMIN_LOGIN_RATE: expected/);
	});
});
