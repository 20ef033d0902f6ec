import type { ExcerptPart } from './types.ts';

/** A half-open range of word positions in a page's content, `[start, end)`. */
export type WordRange = readonly [start: number, end: number];

/** Punctuation that stays outside a highlight: "intrekken." marks "intrekken". */
const trailing = /[.,;:!?)”’"']+$/;
const leading = /^[(“‘"']+/;

/**
 * Picks the `length` words of `range` that hold the most matched words, as evenly around them as
 * possible, and returns them as text and marked parts, with an ellipsis where text was cut.
 * Built here rather than taken from Pagefind so the hidden keyword list never shows up as an
 * excerpt, and so every section gets an excerpt of its own.
 */
export function excerptParts(
	words: readonly string[],
	matched: ReadonlySet<number>,
	range: WordRange,
	length = 24,
): ExcerptPart[] {
	const [start, end] = [Math.max(0, range[0]), Math.min(words.length, range[1])];
	if (end <= start) return [];
	const from = bestWindow(matched, start, end, length);
	const to = Math.min(end, from + length);
	const parts: ExcerptPart[] = [];
	const push = (text: string, mark: boolean) => {
		const last = parts.at(-1);
		if (last && !last.mark && !mark) last.text += text;
		else if (text) parts.push({ text, mark });
	};
	if (from > start) push('… ', false);
	for (let i = from; i < to; i++) {
		const word = words[i] ?? '';
		// An empty word is indexed-only text (a status code token): left out with its space.
		if (!word) continue;
		if (parts.length > 0 && i > from) push(' ', false);
		if (!matched.has(i)) {
			push(word, false);
			continue;
		}
		const before = word.match(leading)?.[0] ?? '';
		const after = word.slice(before.length).match(trailing)?.[0] ?? '';
		push(before, false);
		push(word.slice(before.length, word.length - after.length), true);
		push(after, false);
	}
	if (to < end) push(' …', false);
	return parts;
}

/** Start of the window with the most matches; among equals, the one that centres them best. */
function bestWindow(matched: ReadonlySet<number>, start: number, end: number, length: number) {
	const positions = [...matched].filter((p) => p >= start && p < end).sort((a, b) => a - b);
	if (end - start <= length || positions.length === 0) return start;
	let best = { from: start, count: -1, offCentre: Infinity };
	for (const first of positions) {
		const inWindow = positions.filter((p) => p >= first && p < first + length);
		const last = inWindow.at(-1) ?? first;
		const from = Math.max(start, Math.min(end - length, Math.round((first + last - length) / 2)));
		const count = positions.filter((p) => p >= from && p < from + length).length;
		const offCentre = Math.abs((first + last) / 2 - (from + length / 2));
		if (count > best.count || (count === best.count && offCentre < best.offCentre)) {
			best = { from, count, offCentre };
		}
	}
	return best.from;
}
