/**
 * The dashboard's settings, read from the environment on each request (so a token set or
 * removed takes effect without a rebuild):
 * - `FEEDBACK_ADMIN_TOKEN`: unset means the dashboard does not exist (404).
 * - `FEEDBACK_ADMIN_LOGIN_RATE`: login attempts per client address, `<max>/<seconds>`.
 */
import type { RateRule } from '../feedback/rate-limit.ts';
import { defaultLoginRule, minTokenLength } from './auth.ts';

/** The dashboard is on, with these settings. */
export interface AdminConfig {
	token: string;
	loginRule: RateRule;
}

/**
 * The settings, or null when the dashboard is off.
 * @throws an Error naming the variable when one is malformed (the page answers 503).
 */
export function adminConfig(env: Record<string, string | undefined>): AdminConfig | null {
	const token = env['FEEDBACK_ADMIN_TOKEN'];
	if (!token) return null;
	if (token.length < minTokenLength) {
		throw new Error(`FEEDBACK_ADMIN_TOKEN: expected at least ${minTokenLength} characters.`);
	}
	const rate = env['FEEDBACK_ADMIN_LOGIN_RATE'];
	if (!rate) return { token, loginRule: defaultLoginRule };
	const match = /^(\d+)\/(\d+)$/.exec(rate.trim());
	const max = Number(match?.[1]);
	const windowSeconds = Number(match?.[2]);
	if (!match || max < 1 || windowSeconds < 1) {
		throw new Error(
			`FEEDBACK_ADMIN_LOGIN_RATE: expected "<max attempts>/<window seconds>" such as "10/900", got "${rate}".`,
		);
	}
	return { token, loginRule: { max, windowSeconds } };
}
