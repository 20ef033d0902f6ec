/**
 * `GET /api/mail-provider?domain=jouwbedrijf.nl&lang=nl`: which provider hosts a domain's mail
 * and which guide to open. A web-standard `Request → Response` handler with everything it uses
 * passed in (like the feedback API), so it runs under any adapter and tests call it directly.
 *
 * Only the domain comes in (an address with its local part is refused), nothing about the
 * request is stored but the client's rate-limit counter (under a keyed hash of its address) and,
 * when no provider matches, the domain in the search log; a DNS problem is an answer
 * (`checked: false`), never a 5xx.
 */
import type { Locale } from '../../i18n/locales.ts';
import { methodNotAllowed, type RequestContext } from '../feedback/api.ts';
import { hmacHex } from '../feedback/hash.ts';
import {
	ProblemError,
	jsonResponse,
	problemResponse,
	type FieldError,
} from '../feedback/problem.ts';
import { enforceRateLimit, type RateRule } from '../feedback/rate-limit.ts';
import type { FeedbackStore } from '../store/store.ts';
import { findGuide, type FinderAnswer, type UnmatchedReason } from './find.ts';
import type { FinderGuides } from './guides.ts';
import { parseFinderQuery } from './query.ts';
import type { MxLookup } from './resolver.ts';

/** What the handler is built from. Nothing here is read from the environment. */
export interface MailProviderDependencies {
	/** The finder's links per language. */
	guides: Record<Locale, FinderGuides>;
	/** MX lookups (cached, never rejecting). */
	lookup: MxLookup;
	/** The store holding the rate-limit counters. */
	store: () => Promise<FeedbackStore>;
	/** Keys the hash of client addresses. */
	secret: string;
	/** Lookups per client address. */
	rate: RateRule;
	now?: () => Date;
	/** Used when a request comes without a client address. */
	clientAddress?: string;
	/** Where server faults are reported (default `console.error`). */
	log?: (message: string, error: unknown) => void;
	/**
	 * Records a domain no provider matched in the search log (src/lib/search-log/): the domain
	 * only, never rejecting. Absent: nothing is recorded.
	 */
	logUnmatched?: (domain: string, lang: Locale, reason: UnmatchedReason, at: Date) => Promise<void>;
}

/** A web-standard handler. */
export type MailProviderHandler = (request: Request, context?: RequestContext) => Promise<Response>;

/** Lookups per client address by default: a reader checks an address or two, a script many. */
export const defaultMailProviderRate: RateRule = { max: 30, windowSeconds: 600 };

/** Problem type of a query whose fields failed validation (400). */
export const mailProviderProblemType = 'tag:spinoffice-crm.com,2026:mail-provider/validation';

/** A 400 naming the bad fields. */
export function invalidQuery(errors: FieldError[]): ProblemError {
	const names = [...new Set(errors.map((e) => e.field))].join(', ');
	return new ProblemError(400, 'Invalid request', `Check these fields: ${names}.`, {
		type: mailProviderProblemType,
		errors,
	});
}

/** A store failure: the rate limit cannot be kept, so no lookup is made. */
class StorageError extends Error {}

/**
 * Counts a lookup against the client's bucket (keyed hash of its address, never the address).
 * @throws {ProblemError} 429 past the limit; {@link StorageError} when the store fails.
 */
export async function limitLookup(
	deps: MailProviderDependencies,
	context: RequestContext | undefined,
): Promise<void> {
	const address = context?.clientAddress || deps.clientAddress || 'unknown';
	const hash = await hmacHex(`${deps.secret}:mail-provider:client-address`, address);
	let store: FeedbackStore;
	try {
		store = await deps.store();
	} catch (error) {
		throw new StorageError('store unavailable', { cause: error });
	}
	const now = (deps.now ?? (() => new Date()))();
	await enforceRateLimit(store, `mail-provider:${hash}`, deps.rate, now).catch((error: unknown) => {
		if (error instanceof ProblemError) throw error;
		throw new StorageError('rate limit failed', { cause: error });
	});
}

/** A 503 for a store failure, logged. */
export function unavailable(deps: MailProviderDependencies, error: unknown): Response {
	(deps.log ?? console.error)('mail-provider: storage error', error);
	return problemResponse(
		new ProblemError(503, 'Service Unavailable', 'The lookup is not available right now.', {
			headers: { 'Retry-After': '30' },
		}),
	);
}

/** Hands an answer without a provider to the search log, when there is one. */
export async function recordUnmatched(
	deps: MailProviderDependencies,
	domain: string,
	lang: Locale,
	answer: FinderAnswer,
): Promise<void> {
	if (answer.provider !== null || answer.reason === null || !deps.logUnmatched) return;
	await deps.logUnmatched(domain, lang, answer.reason, (deps.now ?? (() => new Date()))());
}

/** Creates the handler. */
export function createMailProviderHandler(deps: MailProviderDependencies): MailProviderHandler {
	return async (request, context) => {
		try {
			if (request.method !== 'GET' && request.method !== 'HEAD') {
				throw methodNotAllowed(request, ['GET', 'HEAD']);
			}
			const parsed = parseFinderQuery(new URL(request.url).searchParams);
			if (!parsed.ok) throw invalidQuery(parsed.errors);
			await limitLookup(deps, context);
			const { domain, lang } = parsed.query;
			const answer = await findGuide(domain, deps.guides[lang], deps.lookup);
			await recordUnmatched(deps, domain, lang, answer);
			// A checked answer holds for a while; a failed check should be retried.
			const cache = answer.reason === 'not-checked' ? 'no-store' : 'private, max-age=300';
			return jsonResponse({ domain, ...answer }, 200, { 'Cache-Control': cache });
		} catch (error) {
			if (error instanceof ProblemError) return problemResponse(error);
			if (error instanceof StorageError) return unavailable(deps, error.cause);
			(deps.log ?? console.error)('mail-provider: unexpected error', error);
			return problemResponse(
				new ProblemError(500, 'Internal Server Error', 'Something went wrong on our side.'),
			);
		}
	};
}
