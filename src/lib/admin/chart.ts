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
