/** Small numeric helpers for the dashboard's SVG charts. */

/**
 * The smallest "round" number (1, 2 or 5 times a power of ten) at or above `value`, so an axis
 * ends on a number people read at a glance. At least 1.
 */
export function niceCeil(value: number): number {
	if (value <= 1) return 1;
	const power = 10 ** Math.floor(Math.log10(value));
	const step = [1, 2, 5, 10].find((s) => s * power >= value)!;
	return step * power;
}

/** `part` as a share of `whole` scaled to `length` (0 when `whole` is 0), for bar sizes. */
export function scaled(part: number, whole: number, length: number): number {
	return whole > 0 ? (part / whole) * length : 0;
}

/**
 * Like {@link scaled}, but a part above 0 gets at least `min`: one vote among hundreds must still
 * show as a bar, or a count of 1 reads as nothing at all.
 */
export function visible(part: number, whole: number, length: number, min: number): number {
	if (part <= 0) return 0;
	return Math.min(length, Math.max(min, scaled(part, whole, length)));
}

/**
 * The Yes and No parts of a helpfulness bar, in percent of its width, adding up to 100 when there
 * are votes. A side with votes keeps at least `min` percent (taken from the other side), so 1 No
 * in 200 votes still shows; a side without votes gets nothing.
 */
export function helpfulShares(
	tally: { yes: number; no: number; votes: number },
	min = 4,
): { yes: number; no: number } {
	if (tally.votes <= 0) return { yes: 0, no: 0 };
	let yes = scaled(tally.yes, tally.votes, 100);
	if (tally.yes > 0) yes = Math.max(yes, min);
	if (tally.no > 0) yes = Math.min(yes, 100 - min);
	return { yes, no: 100 - yes };
}
