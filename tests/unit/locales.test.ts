import { describe, expect, test } from 'vitest';
import { isLocale, negotiateLocale } from '../../src/i18n/locales.ts';

describe('negotiateLocale()', () => {
	test.each([
		[null, 'nl'],
		['', 'nl'],
		['en-US,en;q=0.9', 'en'],
		['nl-BE,nl;q=0.9,en;q=0.8', 'nl'],
		['de-DE,de;q=0.9,en;q=0.5', 'en'],
		['fr', 'nl'],
		['en;q=0.4,nl;q=0.6', 'nl'],
		['EN-gb', 'en'],
		['*', 'nl'],
		['en;q=0,nl', 'nl'],
		['en;q=abc', 'nl'],
	])('returns %j → %s', (header, expected) => {
		expect(negotiateLocale(header)).toBe(expected);
	});
});

describe('isLocale()', () => {
	test('accepts only site languages', () => {
		expect(isLocale('nl')).toBe(true);
		expect(isLocale('en')).toBe(true);
		expect(isLocale('de')).toBe(false);
		expect(isLocale(undefined)).toBe(false);
	});
});
