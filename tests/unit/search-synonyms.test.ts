import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { expandSynonyms, overviewFor } from '../../src/components/search/synonyms.ts';
import { parseSearchSynonyms, type SearchSynonyms } from '../../src/lib/search/synonyms.ts';

const file = 'content/search-synonyms.json';
/** The project's own synonyms of a language, as its search-config.json hands them to the search. */
const project = JSON.parse(readFileSync(file, 'utf8')) as SearchSynonyms;
const of = (lang: 'nl' | 'en') => ({ lang, synonyms: project[lang] });
const articles = {
	nl: ['what-is-an-app-password', 'gmail'],
	en: ['what-is-an-app-password', 'gmail'],
};
const valid = () => ({
	nl: {
		synonyms: [{ words: ['iphone'], means: ['icloud'] }],
		overviews: [{ article: 'what-is-an-app-password', words: ['wachtwoord'] }],
	},
	en: { synonyms: [], overviews: [] },
});

describe('parseSearchSynonyms()', () => {
	test('returns the data of a valid file', () => {
		expect(parseSearchSynonyms(valid(), file, articles).nl.synonyms[0]!.means).toEqual(['icloud']);
	});

	test('throws naming the file and the field of a mistake', () => {
		const data = valid();
		data.nl.synonyms[0]!.means = [];
		expect(() => parseSearchSynonyms(data, file, articles)).toThrow(
			/content\/search-synonyms\.json.*\n.*nl\.synonyms\.0\.means: must list at least one word/,
		);
		const upper = valid();
		upper.nl.synonyms[0]!.words = ['iPhone'];
		expect(() => parseSearchSynonyms(upper, file, articles)).toThrow(
			/nl\.synonyms\.0\.words\.0: must be lower case/,
		);
	});

	test('throws for a missing language and for an overview of an unknown article', () => {
		const { nl } = valid();
		expect(() => parseSearchSynonyms({ nl }, file, articles)).toThrow(/en: /);
		const data = valid();
		data.nl.overviews[0]!.article = 'no-such-article';
		expect(() => parseSearchSynonyms(data, file, articles)).toThrow(
			/nl\.overviews\.0\.article: no article "no-such-article" in nl/,
		);
	});

	test('accepts the project file', () => {
		const data = JSON.parse(readFileSync(file, 'utf8')) as unknown;
		const all = {
			nl: [
				'what-is-an-app-password',
				'error-messages',
				'connection-problems',
				'revoke-app-passwords',
				'enter-app-password',
				'own-domain-mail',
			],
			en: [
				'what-is-an-app-password',
				'error-messages',
				'connection-problems',
				'revoke-app-passwords',
				'enter-app-password',
				'own-domain-mail',
			],
		};
		expect(() => parseSearchSynonyms(data, file, all)).not.toThrow();
	});
});

describe('expandSynonyms()', () => {
	test('returns the query alone when it has no synonym', () => {
		expect(expandSynonyms(['gmail', 'intrekken'], of('nl'))).toEqual({
			variants: [['gmail', 'intrekken']],
			alone: [],
			replaced: [],
			meanings: [],
		});
	});

	test('returns the query as typed, then with a device word replaced by its provider', () => {
		const { variants, alone, replaced } = expandSynonyms(['ipad', 'wachtwoord'], of('nl'));
		expect(variants).toEqual([
			['ipad', 'wachtwoord'],
			['icloud', 'wachtwoord'],
		]);
		// The provider alone as well: its guide may not use the query's other words.
		expect(alone).toEqual([['icloud']]);
		expect(replaced).toEqual(['ipad']);
	});

	test('returns one variant per meaning, and prefers the longest phrase', () => {
		const { variants } = expandSynonyms(['tweestap'], of('nl'));
		expect(variants.map((v) => v.join(' '))).toEqual([
			'tweestap',
			'tweestapsverificatie',
			'verificatie 2 stappen',
			'twee factor authenticatie',
		]);
		expect(expandSynonyms(['nieuw', 'wachtwoord'], of('nl')).variants[1]).toEqual(['gewijzigd']);
		expect(expandSynonyms(['ik', 'krijg', 'geen', 'mail'], of('nl')).variants[1]).toEqual([
			'ik',
			'geen',
			'nieuwe',
			'mail',
		]);
	});

	test('returns the everyday verb as the word the articles use', () => {
		expect(expandSynonyms(['app', 'wachtwoord', 'invoeren'], of('nl')).variants[1]).toEqual([
			'app',
			'wachtwoord',
			'invullen',
		]);
		expect(expandSynonyms(['type', 'app', 'password'], of('en')).variants[1]).toEqual([
			'enter',
			'app',
			'password',
		]);
	});
});

describe('overviewFor()', () => {
	test('returns the overview of a query that names only its topic', () => {
		expect(overviewFor(['wachtwoorden'], of('nl'))).toBe('what-is-an-app-password');
		expect(overviewFor(['password'], of('en'))).toBe('what-is-an-app-password');
		expect(overviewFor(['foutmelding'], of('nl'))).toBe('error-messages');
	});

	test('returns undefined for a query about more than the topic', () => {
		expect(overviewFor(['gmail', 'wachtwoord'], of('nl'))).toBeUndefined();
	});
});
