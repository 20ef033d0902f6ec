import { storeConfig, type DatabaseConfig } from '../store/config.ts';
import { defaultCaptchaOptions, type CaptchaOptions } from './captcha.ts';
import { defaultRateLimits, type RateLimits, type RateRule } from './rate-limit.ts';

/** The server-side feedback settings, read from the environment at start (see README.md). */
export interface FeedbackConfig {
	/** The store's settings (src/lib/store/config.ts), read here too so a bad one fails the start. */
	database: DatabaseConfig;
	/** Folder for `feedback.db` and the generated `hmac.key`. */
	dataDir: string;
	/** `FEEDBACK_HMAC_KEY`; undefined means "use (or create) `hmac.key` in the data folder". */
	hmacKey: string | undefined;
	limits: RateLimits;
	captcha: CaptchaOptions;
	/** Origins accepted for POSTs besides the request's own. */
	allowedOrigins: string[];
}

type Env = Record<string, string | undefined>;

/** A configuration error names the variable, its expected form and what it got. */
function fail(name: string, expected: string, got: string): never {
	throw new Error(`${name}: expected ${expected}, got "${got}".`);
}

function rule(env: Env, name: string, fallback: RateRule): RateRule {
	const value = env[name];
	if (!value) return fallback;
	const match = /^(\d+)\/(\d+)$/.exec(value.trim());
	const max = Number(match?.[1]);
	const windowSeconds = Number(match?.[2]);
	if (!match || max < 1 || windowSeconds < 1) {
		fail(name, '"<max requests>/<window seconds>" such as "30/600"', value);
	}
	return { max, windowSeconds };
}

function positive(env: Env, name: string, fallback: number): number {
	const value = env[name];
	if (!value) return fallback;
	const number = Number(value);
	if (!Number.isSafeInteger(number) || number < 1) fail(name, 'a positive whole number', value);
	return number;
}

function counterRange(env: Env): Pick<CaptchaOptions, 'counterMin' | 'counterMax'> {
	const name = 'FEEDBACK_CAPTCHA_COUNTER';
	const value = env[name];
	if (!value) {
		return {
			counterMin: defaultCaptchaOptions.counterMin,
			counterMax: defaultCaptchaOptions.counterMax,
		};
	}
	const match = /^(\d+)-(\d+)$/.exec(value.trim());
	const counterMin = Number(match?.[1]);
	const counterMax = Number(match?.[2]);
	if (!match || counterMin < 1 || counterMax < counterMin || counterMax > 0xffffffff) {
		fail(name, '"<min>-<max>" such as "1000-4000"', value);
	}
	return { counterMin, counterMax };
}

/**
 * Reads the feedback settings from `env`, with defaults for everything.
 * @throws an Error naming the variable when one is malformed.
 */
export function feedbackConfig(env: Env, cwd: string): FeedbackConfig {
	return {
		...storeConfig(env, cwd),
		hmacKey: env['FEEDBACK_HMAC_KEY'] || undefined,
		limits: {
			client: rule(env, 'FEEDBACK_RATE_CLIENT', defaultRateLimits.client),
			article: rule(env, 'FEEDBACK_RATE_ARTICLE', defaultRateLimits.article),
			challenge: rule(env, 'FEEDBACK_RATE_CHALLENGE', defaultRateLimits.challenge),
		},
		captcha: {
			cost: positive(env, 'FEEDBACK_CAPTCHA_COST', defaultCaptchaOptions.cost),
			...counterRange(env),
			ttlSeconds: positive(env, 'FEEDBACK_CAPTCHA_TTL', defaultCaptchaOptions.ttlSeconds),
		},
		allowedOrigins: (env['FEEDBACK_ALLOWED_ORIGINS'] ?? '')
			.split(',')
			.map((origin) => origin.trim())
			.filter(Boolean),
	};
}
