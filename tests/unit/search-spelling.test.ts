import { describe, expect, test } from 'vitest';
import {
	allowedEdits,
	correctWord,
	editDistance,
	type Vocabulary,
} from '../../src/components/search/spelling.ts';

const vocabulary = (words: string[]): Vocabulary => ({ words, known: new Set(words) });
const words = vocabulary([
	'wachtwoord',
	'gmail',
	'icloud',
	'outlook',
	'yahoo',
	'intrekken',
	'tweestapsverificatie',
	'mail',
	'gmx',
]);

describe('editDistance()', () => {
	test('returns 1 for an insertion, a deletion, a substitution and a swap', () => {
		expect(editDistance('iclod', 'icloud', 2)).toBe(1);
		expect(editDistance('yahooo', 'yahoo', 2)).toBe(1);
		expect(editDistance('wachtwoerd', 'wachtwoord', 2)).toBe(1);
		expect(editDistance('gmial', 'gmail', 2)).toBe(1);
	});

	test('returns more than the limit as soon as the words are further apart', () => {
		expect(editDistance('outlook', 'icloud', 1)).toBe(2);
		expect(editDistance('a', 'abcdef', 2)).toBe(3);
	});
});

describe('allowedEdits()', () => {
	test('returns 0 below four letters, 1 from four, 2 from eight', () => {
		expect(allowedEdits('gmx')).toBe(0);
		expect(allowedEdits('gmai')).toBe(1);
		expect(allowedEdits('wachtwrd')).toBe(2);
	});
});

describe('correctWord()', () => {
	test('returns the word itself when the index has it or a word it starts', () => {
		expect(correctWord('gmail', words)).toBe('gmail');
		expect(correctWord('intrekk', words)).toBe('intrekk');
	});

	test('returns the nearest word for one edit anywhere in a word of four or more letters', () => {
		expect(correctWord('gmial', words)).toBe('gmail');
		expect(correctWord('outlok', words)).toBe('outlook');
		expect(correctWord('iclod', words)).toBe('icloud');
		expect(correctWord('wachtwoordt', words)).toBe('wachtwoord');
		expect(correctWord('wahctwoord', words)).toBe('wachtwoord');
	});

	test('returns the nearest word for two edits in a word of eight or more letters', () => {
		expect(correctWord('wachtwrood', words)).toBe('wachtwoord');
		expect(correctWord('tweestapsverficatie', words)).toBe('tweestapsverificatie');
		expect(correctWord('intrekkne', words)).toBe('intrekken');
	});

	test('returns undefined when no word is near enough', () => {
		expect(correctWord('gmal', vocabulary(['outlook']))).toBeUndefined();
		expect(correctWord('yhoo', words)).toBe('yahoo');
		expect(correctWord('gxm', words)).toBeUndefined(); // three letters: too short to correct
		expect(correctWord('otluook', words)).toBeUndefined(); // two edits in seven letters
	});

	test('returns the more frequent of two equally near words', () => {
		expect(correctWord('mayl', vocabulary(['mail', 'mall']))).toBe('mail');
		expect(correctWord('mayl', vocabulary(['mall', 'mail']))).toBe('mall');
	});
});
