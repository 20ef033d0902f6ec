/**
 * Who may see the feedback dashboard: whoever knows `FEEDBACK_ADMIN_TOKEN`. The token is typed
 * once into a login form; the browser then keeps a session cookie that is an HMAC under a key
 * derived from the token (never the token itself), with its expiry inside, so it can be checked
 * without any server-side session state and is void as soon as the token changes.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { RateRule } from '../feedback/rate-limit.ts';
import type { FeedbackStore } from '../store/store.ts';

/** Name of the session cookie (scoped to `/admin/`). */
export const sessionCookieName = 'hc_admin_session';

/** How long a login lasts. */
export const sessionSeconds = 8 * 60 * 60;

/** Shortest accepted token: anything shorter could be guessed despite the rate limit. */
export const minTokenLength = 16;

/** Login attempts per client address: plenty for a person, useless for guessing. */
export const defaultLoginRule: RateRule = { max: 10, windowSeconds: 15 * 60 };

/** Purpose labels, so each key derived from the token is used for one thing only. */
const purposes = { session: 'hc-admin:session:v1', client: 'hc-admin:client-address:v1' };

function hmac(key: string, message: string): Buffer {
	return createHmac('sha256', key).update(message).digest();
}

/**
 * Whether `given` is the token. Both sides are hashed first: `timingSafeEqual` needs equal
 * lengths, and comparing digests leaks neither the token's content nor its length.
 */
export function tokenMatches(given: string, token: string): boolean {
	const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
	return timingSafeEqual(digest(given), digest(token));
}

/** A session cookie value valid until `now + sessionSeconds`: `<expiry>.<hmac>`. */
export function createSession(token: string, now: Date): string {
	const expires = String(Math.floor(now.getTime() / 1000) + sessionSeconds);
	const key = hmac(token, purposes.session).toString('hex');
	return `${expires}.${hmac(key, expires).toString('base64url')}`;
}

/** Whether a session cookie value was made with this token and has not expired. */
export function verifySession(value: string | undefined, token: string, now: Date): boolean {
	const match = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(value ?? '');
	if (!match) return false;
	const [, expires, signature] = match as unknown as [string, string, string];
	if (Number(expires) * 1000 <= now.getTime()) return false;
	const key = hmac(token, purposes.session).toString('hex');
	return timingSafeEqual(hmac(key, expires), Buffer.from(signature, 'base64url'));
}

/** The rate-limit bucket of a client address: a keyed hash, so no address is ever stored. */
export function loginBucket(token: string, clientAddress: string | undefined): string {
	const key = hmac(token, purposes.client).toString('hex');
	return `admin-login:${hmac(key, clientAddress ?? 'unknown')
		.toString('hex')
		.slice(0, 32)}`;
}

/** The outcome of a login attempt. */
export type LoginResult =
	| { ok: true; session: string }
	| { ok: false; reason: 'wrong-token' }
	| { ok: false; reason: 'rate-limited'; retryAfterSeconds: number };

/** What {@link attemptLogin} needs. */
export interface LoginOptions {
	token: string;
	store: FeedbackStore;
	clientAddress: string | undefined;
	now: Date;
	rule?: RateRule;
}

/**
 * Checks a submitted token. Every attempt counts against the client's bucket in the store
 * (shared by all server instances), and the bucket is checked before the token: once the limit
 * is reached even the right token waits, so guessing gains nothing by continuing.
 */
export async function attemptLogin(given: string, options: LoginOptions): Promise<LoginResult> {
	const rule = options.rule ?? defaultLoginRule;
	const { count, resetAt } = await options.store.hit(
		loginBucket(options.token, options.clientAddress),
		rule.windowSeconds,
		options.now,
	);
	if (count > rule.max) {
		const seconds = Math.ceil((resetAt.getTime() - options.now.getTime()) / 1000);
		return { ok: false, reason: 'rate-limited', retryAfterSeconds: Math.max(1, seconds) };
	}
	if (!tokenMatches(given, options.token)) return { ok: false, reason: 'wrong-token' };
	return { ok: true, session: createSession(options.token, options.now) };
}

/**
 * Whether the session cookie gets `Secure`: always, except over plain http to the local machine
 * (development and the browser tests), where some browsers refuse to store a Secure cookie.
 */
export function secureCookie(url: URL): boolean {
	const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
	return !(url.protocol === 'http:' && local);
}
