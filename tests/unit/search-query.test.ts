import { describe, expect, test } from 'vitest';
import {
	meaningfulTerms,
	queryTerms,
	rescuePrefixes,
	spellingVariants,
} from '../../src/components/search/query.ts';

describe('queryTerms()', () => {
	test('returns lower-case words split on spaces and punctuation', () => {
		expect(queryTerms('  Hoe trek ik een App wachtwoord in? ')).toEqual([
			'hoe',
			'trek',
			'ik',
			'een',
			'app',
			'wachtwoord',
			'in',
		]);
	});

	test('returns the parts of a hyphenated word', () => {
		expect(queryTerms('twee-factor-authenticatie app-wachtwoord')).toEqual([
			'twee',
			'factor',
			'authenticatie',
			'app',
			'wachtwoord',
		]);
	});

	test('keeps dots and @ inside a word but drops one-letter words except numbers', () => {
		expect(queryTerms('live.nl jan@me.com e-mail 2 stappen.')).toEqual([
			'live.nl',
			'jan@me.com',
			'mail',
			'2',
			'stappen',
		]);
	});
});

describe('meaningfulTerms()', () => {
	test('returns the query without filler words of its language', () => {
		expect(meaningfulTerms('hoe trek ik een app wachtwoord in', 'nl')).toEqual([
			'trek',
			'app',
			'wachtwoord',
		]);
		expect(meaningfulTerms('How do I revoke an app password', 'en')).toEqual([
			'revoke',
			'app',
			'password',
		]);
	});

	test('returns all words when every word is a filler word', () => {
		expect(meaningfulTerms('wat is het', 'nl')).toEqual(['wat', 'is', 'het']);
	});

	test('returns English filler words on a Dutch page untouched', () => {
		expect(meaningfulTerms('what is', 'nl')).toEqual(['what']);
	});
});

describe('rescuePrefixes()', () => {
	test('returns ever shorter prefixes down to three letters', () => {
		expect(rescuePrefixes('outlok')).toEqual(['outlo', 'outl', 'out']);
	});

	test('returns nothing for a word of three letters', () => {
		expect(rescuePrefixes('kpn')).toEqual([]);
	});
});

describe('spellingVariants()', () => {
	test('returns swapped neighbours first, so a transposition is found', () => {
		const variants = spellingVariants('gmial');
		expect(variants).toContain('gmail');
		expect(variants.indexOf('gmail')).toBeLessThan(variants.indexOf('gmil'));
	});

	test('returns the word with a doubled letter removed', () => {
		expect(spellingVariants('yahooo')).toContain('yahoo');
		expect(spellingVariants('iclould')).toContain('icloud');
	});

	test('returns prefixes last and never the word itself or anything under three letters', () => {
		const variants = spellingVariants('wachwoord');
		expect(variants.at(-1)).toBe('wac');
		expect(variants).not.toContain('wachwoord');
		expect(variants.every((v) => v.length >= 3)).toBe(true);
		expect(new Set(variants).size).toBe(variants.length);
	});
});
