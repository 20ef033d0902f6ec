import { describe, expect, test } from 'vitest';
import { meaningfulTerms, queryTerms } from '../../src/components/search/query.ts';

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
