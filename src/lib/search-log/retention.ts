/**
 * Keeps the search log to `SEARCH_LOG_DAYS`: the server deletes older rows when it starts and
 * then once a day (scripts/serve.ts), and the endpoint does the same after a write when a day
 * has passed since this process last did (a serverless instance has no timer of its own).
 */
import type { FeedbackStore } from '../store/store.ts';

const dayMs = 24 * 60 * 60 * 1000;

/** The moment before which rows go, for a retention of `days` at `now`. */
export function retentionCutoff(now: Date, days: number): Date {
	return new Date(now.getTime() - days * dayMs);
}

/** Deletes rows older than `days` days; resolves to how many went. `days` 0 keeps nothing. */
export function purgeSearchLog(store: FeedbackStore, days: number, now: Date): Promise<number> {
	return store.purgeSearches(retentionCutoff(now, days));
}

/** Runs {@link purgeSearchLog} at most once a day in this process. */
export class DailyPurge {
	readonly #days: number;
	#last: number | undefined;

	constructor(days: number) {
		this.#days = days;
	}

	/** Whether a purge is due at `now` (none yet in this process, or the last a day ago). */
	due(now: Date): boolean {
		return this.#last === undefined || now.getTime() - this.#last >= dayMs;
	}

	/** Purges when due; resolves to the rows deleted (0 when not due). */
	async run(store: FeedbackStore, now: Date): Promise<number> {
		if (!this.due(now)) return 0;
		this.#last = now.getTime();
		return purgeSearchLog(store, this.#days, now);
	}
}
