/** The fixed rate-limit window that contains `now`: its start (epoch seconds) and its end. */
export function windowOf(now: Date, windowSeconds: number): { start: number; resetAt: Date } {
	const start = Math.floor(now.getTime() / 1000 / windowSeconds) * windowSeconds;
	return { start, resetAt: new Date((start + windowSeconds) * 1000) };
}
