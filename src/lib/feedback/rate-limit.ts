import { ProblemError } from './problem.ts';
import type { FeedbackStore } from '../store/store.ts';

/** At most `max` requests per fixed window of `windowSeconds`. */
export interface RateRule {
	max: number;
	windowSeconds: number;
}

/** The limits the API enforces. */
export interface RateLimits {
	/** Posts per client address (hashed), any article. */
	client: RateRule;
	/** Accepted-shape posts per article (both languages): a cap on a flood spread over many addresses. */
	article: RateRule;
	/** Captcha challenges per client address: each one costs the server a key derivation. */
	challenge: RateRule;
}

/** Generous for people (a reader votes once or twice), tight for scripts. */
export const defaultRateLimits: RateLimits = {
	client: { max: 30, windowSeconds: 600 },
	article: { max: 600, windowSeconds: 3600 },
	challenge: { max: 60, windowSeconds: 600 },
};

/**
 * The 429 for a request past a limit whose window ends at `resetAt`: `Retry-After` is the
 * seconds until then.
 */
export function tooManyRequests(resetAt: Date, now: Date): ProblemError {
	const retryAfter = Math.max(1, Math.ceil((resetAt.getTime() - now.getTime()) / 1000));
	return new ProblemError(
		429,
		'Too Many Requests',
		`Too many requests; try again in ${retryAfter} seconds.`,
		{ headers: { 'Retry-After': String(retryAfter) } },
	);
}

/**
 * Counts a request against `bucket` in the store (shared by every instance). Fixed windows: the
 * simplest counter that holds across processes, with an exact `Retry-After`; a burst of up to
 * twice the limit around a window boundary is accepted as the price. A vote counts its limits in
 * its own transaction instead (`FeedbackStore.submitVote`); this is for everything else.
 * @throws {ProblemError} 429 with `Retry-After` (seconds) once the limit is passed.
 */
export async function enforceRateLimit(
	store: FeedbackStore,
	bucket: string,
	rule: RateRule,
	now: Date,
): Promise<void> {
	const { count, resetAt } = await store.hit(bucket, rule.windowSeconds, now);
	if (count > rule.max) throw tooManyRequests(resetAt, now);
}
