import { describe, expect, test } from 'vitest';
import { filterOptionsFor } from '../../src/components/search/filter-options.ts';
import {
	filtersFromUrl,
	hasFilters,
	pagefindFilters,
	type FilterOptions,
} from '../../src/components/search/filters.ts';
import { urlWithQuery } from '../../src/components/search/history.ts';
import type { SiteContent } from '../../src/lib/content/collection.ts';

const options: FilterOptions = {
	category: [{ id: 'troubleshooting', label: 'Problemen oplossen' }],
	provider: [
		{ id: 'gmail', label: 'Gmail' },
		{ id: 'icloud', label: 'iCloud Mail' },
	],
};

describe('filtersFromUrl()', () => {
	test('returns the ids the page offers and drops unknown ones', () => {
		const url = new URL('http://x/nl/zoeken/?q=a&category=nope&provider=gmail');
		expect(filtersFromUrl(url, options)).toEqual({ provider: 'gmail' });
		expect(filtersFromUrl(new URL('http://x/nl/zoeken/?q=a'), options)).toEqual({});
	});
});

describe('pagefindFilters()', () => {
	test('returns the indexed labels of the chosen ids, or undefined for none', () => {
		expect(pagefindFilters({ category: 'troubleshooting', provider: 'icloud' }, options)).toEqual({
			category: 'Problemen oplossen',
			provider: 'iCloud Mail',
		});
		expect(pagefindFilters({}, options)).toBeUndefined();
		expect(pagefindFilters({ provider: 'nope' }, options)).toBeUndefined();
	});
});

describe('hasFilters()', () => {
	test('returns whether any filter is chosen', () => {
		expect(hasFilters({})).toBe(false);
		expect(hasFilters({ provider: 'gmail' })).toBe(true);
	});
});

describe('urlWithQuery()', () => {
	test('returns the path with filters set or removed, keeping other parameters', () => {
		const url = new URL('http://x/en/search/?q=old&provider=icloud&utm=1');
		expect(urlWithQuery(url, 'imap', { category: 'troubleshooting' })).toBe(
			'/en/search/?q=imap&utm=1&category=troubleshooting',
		);
		expect(urlWithQuery(url, '', {})).toBe('/en/search/?utm=1');
	});
});

describe('filterOptionsFor()', () => {
	// Astro's content collections are empty under Vitest: a hand-made content set instead.
	const content = {
		categories: [
			{ id: 'basics', title: { nl: 'Basis', en: 'Basics' } },
			{ id: 'providers', title: { nl: 'Per provider', en: 'By provider' } },
			{ id: 'troubleshooting', title: { nl: 'Problemen', en: 'Troubleshooting' } },
		],
		providers: [
			{ id: 'icloud', name: 'iCloud Mail' },
			{ id: 'gmail', name: 'Gmail' },
			{ id: 'kpn', name: 'KPN' },
		],
		summaries: [
			{ lang: 'nl', category: 'providers', providers: ['gmail'] },
			{ lang: 'nl', category: 'basics', providers: ['icloud', 'gmail'] },
			{ lang: 'en', category: 'troubleshooting', providers: ['kpn'] },
		],
	} as unknown as SiteContent;

	test('returns only the categories and providers of that language, in site order', () => {
		expect(filterOptionsFor(content, 'nl')).toEqual({
			category: [
				{ id: 'basics', label: 'Basis' },
				{ id: 'providers', label: 'Per provider' },
			],
			provider: [
				{ id: 'icloud', label: 'iCloud Mail' },
				{ id: 'gmail', label: 'Gmail' },
			],
		});
		expect(filterOptionsFor(content, 'en')).toEqual({
			category: [{ id: 'troubleshooting', label: 'Troubleshooting' }],
			provider: [{ id: 'kpn', label: 'KPN' }],
		});
	});
});
