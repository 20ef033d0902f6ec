/**
 * `POST /api/search-log`: the search box reports a settled search (the query the reader stopped
 * at, normalised and masked here, never as sent), and later the rank of the result opened from
 * it. A web-standard `Request → Response` handler with everything passed in, like the feedback
 * API, so it runs under any adapter and its tests call it directly.
 *
 * Nothing about the request is stored but the row itself: no cookie is read or set, no address
 * or user agent is kept; the rate limit counts under a keyed hash of the client's address.
 */
import type { Locale } from '../../i18n/locales.ts';
import { methodNotAllowed, type RequestContext } from '../feedback/api.ts';
import { readFields } from '../feedback/body.ts';
import { hmacHex } from '../feedback/hash.ts';
import { isCrossSite } from '../feedback/origin.ts';
import { ProblemError, invalid, problemResponse } from '../feedback/problem.ts';
import { tooManyRequests, type RateRule } from '../feedback/rate-limit.ts';
import type { UnmatchedReason } from '../mail-provider/find.ts';
import type { FeedbackStore, RateHit, SearchLogWrite } from '../store/store.ts';
import { DailyPurge } from './retention.ts';
import { parseSearchLog } from './schema.ts';

/** What the handler is built from. Nothing here is read from the environment. */
export interface SearchLogDependencies {
	/** The store of the log and its rate-limit counters. */
	store: () => Promise<FeedbackStore>;
	/** Keys the hash of client addresses. */
	secret: string;
	/** Writes per client address. */
	rate: RateRule;
	/** Days a row is kept; 0: the log is off and nothing is stored. */
	days: number;
	/** Origins accepted besides the request's own. */
	allowedOrigins?: readonly string[];
	now?: () => Date;
	/** Used when a request comes without a client address. */
	clientAddress?: string;
	/** Where server faults are reported (default `console.error`). */
	log?: (message: string, error: unknown) => void;
}

/** A web-standard handler. */
export type SearchLogHandler = (request: Request, context?: RequestContext) => Promise<Response>;

/** The largest body accepted: a query of 200 characters with its fields fits many times over. */
export const searchLogMaxBytes = 2048;

/** A store failure: answered 503, never a success. */
class StorageError extends Error {}

async function store(deps: SearchLogDependencies): Promise<FeedbackStore> {
	try {
		return await deps.store();
	} catch (error) {
		throw new StorageError('store unavailable', { cause: error });
	}
}

/** Counts a refused request against the client's limit, as the feedback API does. */
async function countRefused(deps: SearchLogDependencies, hit: RateHit, now: Date): Promise<void> {
	const { count, resetAt } = await (
		await store(deps)
	)
		.hit(hit.bucket, hit.windowSeconds, now)
		.catch((error: unknown) => {
			throw new StorageError('rate limit failed', { cause: error });
		});
	if (count > hit.max) throw tooManyRequests(resetAt, now);
}

function respondTo(deps: SearchLogDependencies, error: unknown): Response {
	const log = deps.log ?? console.error;
	if (error instanceof ProblemError) return problemResponse(error);
	if (error instanceof StorageError) {
		log('search-log: storage error', error.cause);
		return problemResponse(
			new ProblemError(503, 'Service Unavailable', 'The search log is not available right now.', {
				headers: { 'Retry-After': '30' },
			}),
		);
	}
	log('search-log: unexpected error', error);
	return problemResponse(
		new ProblemError(500, 'Internal Server Error', 'Something went wrong on our side.'),
	);
}

const noContent = () =>
	new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });

/** Creates the handler. */
export function createSearchLogHandler(deps: SearchLogDependencies): SearchLogHandler {
	const purge = new DailyPurge(deps.days);
	const now = deps.now ?? (() => new Date());
	return async (request, context) => {
		try {
			if (request.method !== 'POST') throw methodNotAllowed(request, ['POST']);
			if (isCrossSite(request, deps.allowedOrigins)) {
				throw new ProblemError(403, 'Forbidden', 'Searches are only logged from this site.', {
					errors: [{ field: 'Origin', message: 'must be this site' }],
				});
			}
			const at = now();
			const address = context?.clientAddress || deps.clientAddress || 'unknown';
			const hash = await hmacHex(`${deps.secret}:search-log:client-address`, address);
			const hit: RateHit = { bucket: `search-log:${hash}`, ...deps.rate };
			let write: SearchLogWrite;
			try {
				const read = await readFields(request, searchLogMaxBytes);
				if (read.kind !== 'json') {
					throw new ProblemError(415, 'Unsupported Media Type', 'Send application/json.', {
						errors: [{ field: 'Content-Type', message: 'must be application/json' }],
					});
				}
				const parsed = parseSearchLog(read.fields);
				if (!parsed.ok) throw invalid(parsed.errors);
				const { report } = parsed;
				write =
					report.type === 'click'
						? { kind: 'click', id: report.id, rank: report.rank, at }
						: {
								kind: 'entry',
								entry: {
									id: report.id,
									kind: 'search',
									lang: report.lang,
									query: report.query,
									results: report.results,
									detail: report.adjustment,
									at,
								},
							};
			} catch (error) {
				await countRefused(deps, hit, at);
				throw error;
			}
			if (deps.days === 0) {
				// The log is off: the request still counts, nothing is kept.
				await countRefused(deps, hit, at);
				return noContent();
			}
			const db = await store(deps);
			const result = await db.writeSearchLog(write, [hit]).catch((error: unknown) => {
				throw new StorageError('write failed', { cause: error });
			});
			if ('limited' in result) throw tooManyRequests(result.resetAt, at);
			await purge.run(db, at).catch((error: unknown) => {
				(deps.log ?? console.error)('search-log: retention failed', error);
			});
			return noContent();
		} catch (error) {
			return respondTo(deps, error);
		}
	};
}

/**
 * Logs a domain the e-mail address finder could not match to a provider (the domain only: the
 * finder never receives the part before the @). A failure is logged, never passed on: the
 * reader's lookup must not fail because its log could not be written.
 */
export function finderLogger(
	deps: Pick<SearchLogDependencies, 'store' | 'days' | 'log'>,
): (domain: string, lang: Locale, reason: UnmatchedReason, at: Date) => Promise<void> {
	return async (domain, lang, reason, at) => {
		if (deps.days === 0) return;
		try {
			const db = await deps.store();
			await db.writeSearchLog(
				{
					kind: 'entry',
					entry: {
						id: crypto.randomUUID(),
						kind: 'finder',
						lang,
						query: domain.slice(0, 100),
						results: null,
						detail: reason,
						at,
					},
				},
				[],
			);
		} catch (error) {
			(deps.log ?? console.error)('search-log: finder entry not saved', error);
		}
	};
}
