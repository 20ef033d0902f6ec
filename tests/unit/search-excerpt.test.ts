import { describe, expect, test } from 'vitest';
import { excerptParts } from '../../src/components/search/excerpt.ts';
import type { ExcerptPart } from '../../src/components/search/types.ts';

const words = 'een twee drie vier vijf zes zeven acht negen tien elf twaalf'.split(' ');
const text = (parts: ExcerptPart[]) => parts.map((p) => (p.mark ? `[${p.text}]` : p.text)).join('');

describe('excerptParts()', () => {
	test('returns the whole range, matched words marked, when it fits', () => {
		expect(text(excerptParts(words, new Set([1, 3]), [0, 5], 10))).toBe(
			'een [twee] drie [vier] vijf',
		);
	});

	test('returns the window with the most matches, with ellipses where text was cut', () => {
		expect(text(excerptParts(words, new Set([0, 7, 8]), [0, 12], 4))).toBe(
			'… zeven [acht] [negen] tien …',
		);
	});

	test('returns the start of the range when nothing in it matched', () => {
		expect(text(excerptParts(words, new Set([11]), [2, 8], 3))).toBe('drie vier vijf …');
	});

	test('returns punctuation outside the mark', () => {
		const sentence = ['Trek', '(intrekken).', 'Klaar?'];
		expect(text(excerptParts(sentence, new Set([1]), [0, 3]))).toBe('Trek ([intrekken]). Klaar?');
	});

	test('returns nothing for an empty range', () => {
		expect(excerptParts(words, new Set([1]), [5, 5])).toEqual([]);
	});
});
