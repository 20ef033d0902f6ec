/** The search log's settings, read from the environment (see README.md in this folder). */
import type { RateRule } from '../feedback/rate-limit.ts';

/** What the search log needs from the environment. */
export interface SearchLogConfig {
	/** Days a row is kept; 0 turns the log off (nothing is stored). */
	days: number;
	/** Writes per client address. */
	rate: RateRule;
}

/** Half a year: two seasons of searches to compare, and no more. */
export const defaultSearchLogDays = 180;
/** A reader's settled searches and clicks: a few a minute at most. */
export const defaultSearchLogRate: RateRule = { max: 60, windowSeconds: 600 };

type Env = Record<string, string | undefined>;

/**
 * Reads `SEARCH_LOG_DAYS` (default 180; 0 = off) and `SEARCH_LOG_RATE` (`max/seconds`, default
 * 60/600).
 * @throws an Error naming the variable when one is malformed.
 */
export function searchLogConfig(env: Env): SearchLogConfig {
	let days = defaultSearchLogDays;
	const daysValue = env['SEARCH_LOG_DAYS']?.trim();
	if (daysValue) {
		days = Number(daysValue);
		if (!/^\d+$/.test(daysValue) || days > 3650) {
			throw new Error(
				`SEARCH_LOG_DAYS: expected a whole number of days from 0 (log off) to 3650, such as "180", got "${env['SEARCH_LOG_DAYS']}".`,
			);
		}
	}
	let rate = defaultSearchLogRate;
	const rateValue = env['SEARCH_LOG_RATE']?.trim();
	if (rateValue) {
		const match = /^(\d+)\/(\d+)$/.exec(rateValue);
		const max = Number(match?.[1]);
		const windowSeconds = Number(match?.[2]);
		if (!match || max < 1 || windowSeconds < 1) {
			throw new Error(
				`SEARCH_LOG_RATE: expected "<max writes>/<window seconds>" such as "60/600", got "${env['SEARCH_LOG_RATE']}".`,
			);
		}
		rate = { max, windowSeconds };
	}
	return { days, rate };
}
