import { describe, expect, test } from 'vitest';
import { isCommon, withoutCommon } from '../../src/components/search/common-words.ts';

const common = new Set(['wachtwoord', 'app', 'mail']);

describe('isCommon()', () => {
	test('returns true for a common word and for the start of one', () => {
		expect(isCommon('wachtwoord', common)).toBe(true);
		expect(isCommon('wachtwo', common)).toBe(true);
	});

	test('returns false for a word that only starts with a common word', () => {
		expect(isCommon('wachtwoorden', common)).toBe(false);
		expect(isCommon('gmail', common)).toBe(false);
	});
});

describe('withoutCommon()', () => {
	test('leaves out common words while a rarer word remains', () => {
		expect(withoutCommon('icloud wachtwoord intrekken', common)).toBe('icloud intrekken');
		expect(withoutCommon('app wachtw gmail', common)).toBe('gmail');
	});

	test('keeps a query of common words only as it is', () => {
		expect(withoutCommon('app wachtwoord', common)).toBe('app wachtwoord');
	});

	test('returns the query unchanged without common words', () => {
		expect(withoutCommon('yahoo mail', new Set())).toBe('yahoo mail');
	});
});
