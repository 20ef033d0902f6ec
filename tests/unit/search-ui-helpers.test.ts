import { describe, expect, test } from 'vitest';
import { highlightParam, highlightUrl } from '../../src/components/search/highlight.ts';
import { queryFromUrl, urlWithQuery } from '../../src/components/search/history.ts';
import { nextIndex } from '../../src/components/search/keyboard.ts';
import { searchPagePaths, searchPageUrl } from '../../src/components/search/paths.ts';
import { locales } from '../../src/i18n/locales.ts';

describe('highlightUrl()', () => {
	test('returns the URL with one highlight parameter per word, before the section', () => {
		expect(highlightUrl('/nl/icloud-mail/', ['icloud', 'intrekken'], 'intrekken')).toBe(
			`/nl/icloud-mail/?${highlightParam}=icloud&${highlightParam}=intrekken#intrekken`,
		);
	});

	test('returns the URL unchanged when there is nothing to highlight', () => {
		expect(highlightUrl('/en/gmail/#old', [])).toBe('/en/gmail/');
	});
});

describe('queryFromUrl() and urlWithQuery()', () => {
	test('returns the trimmed q parameter, or an empty string', () => {
		expect(queryFromUrl(new URL('http://x/nl/zoeken/?q=+icloud+'))).toBe('icloud');
		expect(queryFromUrl(new URL('http://x/nl/zoeken/'))).toBe('');
	});

	test('returns the path with the query set or removed', () => {
		const url = new URL('http://x/en/search/?q=old');
		expect(urlWithQuery(url, 'app password')).toBe('/en/search/?q=app+password');
		expect(urlWithQuery(url, '')).toBe('/en/search/');
	});
});

describe('searchPageUrl()', () => {
	test('returns a results page in every language', () => {
		for (const lang of locales)
			expect(searchPagePaths[lang]).toMatch(new RegExp(`^/${lang}/\\w+/$`));
		expect(searchPageUrl('nl', 'a&b')).toBe('/nl/zoeken/?q=a%26b');
		expect(searchPageUrl('en', '')).toBe('/en/search/');
	});
});

describe('nextIndex()', () => {
	test('returns the next or previous result, and -1 to go back to the box', () => {
		expect(nextIndex('ArrowDown', -1, 3)).toBe(0);
		expect(nextIndex('ArrowDown', 2, 3)).toBe(2);
		expect(nextIndex('ArrowUp', 0, 3)).toBe(-1);
		expect(nextIndex('End', 0, 3)).toBe(2);
	});

	test('returns undefined for other keys, for Home in the box and without results', () => {
		expect(nextIndex('Enter', 0, 3)).toBeUndefined();
		expect(nextIndex('Home', -1, 3)).toBeUndefined();
		expect(nextIndex('ArrowDown', -1, 0)).toBeUndefined();
	});
});
