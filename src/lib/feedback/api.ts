import type { FeedbackArticles } from './articles.ts';
import { Captcha, defaultCaptchaOptions, type CaptchaOptions } from './captcha.ts';
import { deriveSecrets, hmacHex, type DerivedSecrets } from './hash.ts';
import { ProblemError, problemResponse } from './problem.ts';
import { defaultRateLimits, enforceRateLimit, type RateLimits } from './rate-limit.ts';
import type { FeedbackStore, RateHit } from '../store/store.ts';

/** What every feedback handler is built from. Nothing here is read from the environment. */
export interface FeedbackApiOptions {
	store: FeedbackStore;
	/** Published articles, for validating `article`, `lang` and `section`. */
	articles: FeedbackArticles;
	/** The master secret: signs captchas and keys the hashes of addresses and visitor ids. */
	secret: string;
	limits?: Partial<RateLimits>;
	captcha?: Partial<CaptchaOptions>;
	/** Origins accepted besides the request's own (see `isCrossSite`). */
	allowedOrigins?: readonly string[];
	/** The clock (tests move it). */
	now?: () => Date;
	/** Used when a request comes without a client address. */
	clientAddress?: string;
	/** Where server faults are reported (default `console.error`). */
	log?: (message: string, error: unknown) => void;
}

/** Per-request facts a platform knows but a `Request` does not carry. */
export interface RequestContext {
	/** The client's IP address: only ever hashed, never stored. */
	clientAddress?: string | undefined;
}

/** A web-standard handler: runs under any adapter or serverless platform. */
export type FeedbackHandler = (request: Request, context?: RequestContext) => Promise<Response>;

/** A store call failed: a 503, never a success. */
class StorageError extends Error {
	constructor(cause: unknown) {
		super('feedback storage failed', { cause });
		this.name = 'StorageError';
	}
}

/** The store, with every failure turned into a {@link StorageError}. */
function guardStore(store: FeedbackStore): FeedbackStore {
	return new Proxy(store, {
		get: (target, key) => {
			const value: unknown = Reflect.get(target, key);
			if (typeof value !== 'function') return value;
			return (...args: unknown[]) =>
				Promise.resolve()
					.then(() => value.apply(target, args))
					.catch((error: unknown) => {
						throw new StorageError(error);
					});
		},
	});
}

/** The options with defaults filled in and the derived secrets, shared by the handlers. */
export class ApiContext {
	/** The store; its failures become 503 responses. */
	readonly store: FeedbackStore;
	readonly articles: FeedbackArticles;
	readonly limits: RateLimits;
	readonly allowedOrigins: readonly string[];
	readonly now: () => Date;
	readonly log: (message: string, error: unknown) => void;
	readonly #defaultAddress: string;
	readonly #captchaOptions: CaptchaOptions;
	readonly #secrets: Promise<DerivedSecrets>;

	constructor(options: FeedbackApiOptions) {
		this.store = guardStore(options.store);
		this.articles = options.articles;
		this.limits = { ...defaultRateLimits, ...options.limits };
		this.allowedOrigins = options.allowedOrigins ?? [];
		this.now = options.now ?? (() => new Date());
		this.log = options.log ?? ((message, error) => console.error(message, error));
		this.#defaultAddress = options.clientAddress ?? 'unknown';
		this.#captchaOptions = { ...defaultCaptchaOptions, ...options.captcha };
		this.#secrets = deriveSecrets(options.secret);
	}

	/** The captcha, keyed by the derived secrets. */
	async captcha(): Promise<Captcha> {
		return new Captcha(await this.#secrets, this.#captchaOptions);
	}

	/** Keyed hash of a visitor id. */
	async visitorHash(visitor: string): Promise<string> {
		return hmacHex((await this.#secrets).visitor, visitor);
	}

	/** The client's bucket for `kind` (keyed by a hash of its address) with its limit. */
	async clientHit(kind: 'client' | 'challenge', context: RequestContext | undefined) {
		const address = context?.clientAddress || this.#defaultAddress;
		const hash = await hmacHex((await this.#secrets).client, address);
		return { bucket: `${kind}:${hash}`, ...this.limits[kind] };
	}

	/** The article's bucket (both languages) with its limit. */
	articleHit(article: string): RateHit {
		return { bucket: `article:${article}`, ...this.limits.article };
	}

	/** Counts the request against the client's bucket for `kind`; 429 past the limit. */
	async limitClient(kind: 'client' | 'challenge', context: RequestContext | undefined) {
		await this.limit(await this.clientHit(kind, context));
	}

	/** Counts one request against `hit.bucket` in a transaction of its own; 429 past the limit. */
	async limit(hit: RateHit): Promise<void> {
		await enforceRateLimit(this.store, hit.bucket, hit, this.now());
	}

	/**
	 * Runs a handler body: a {@link ProblemError} becomes its response, a storage failure a 503 and
	 * anything else a 500, both logged and neither with details.
	 */
	async respond(work: () => Promise<Response>): Promise<Response> {
		try {
			return await work();
		} catch (error) {
			if (error instanceof ProblemError) return problemResponse(error);
			if (error instanceof StorageError) {
				this.log('feedback: storage error', error.cause);
				return problemResponse(
					new ProblemError(503, 'Service Unavailable', 'Feedback cannot be saved right now.', {
						headers: { 'Retry-After': '30' },
					}),
				);
			}
			this.log('feedback: unexpected error', error);
			return problemResponse(
				new ProblemError(500, 'Internal Server Error', 'Something went wrong on our side.'),
			);
		}
	}
}

/** A 405 naming the methods the route does accept. */
export function methodNotAllowed(request: Request, allow: readonly string[]): ProblemError {
	const list = allow.join(', ');
	return new ProblemError(
		405,
		'Method Not Allowed',
		`${request.method} is not allowed here; use ${list}.`,
		{ headers: { Allow: list } },
	);
}
