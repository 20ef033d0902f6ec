import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { ArticleSummary } from '../../src/lib/articles.ts';
import {
	articlesPerPage,
	categoryPageUrl,
	pageCount,
	pageNumbers,
	pageOf,
	topArticles,
} from '../../src/lib/browse.ts';
import { markTones, providerMark } from '../../src/lib/providers.ts';

const article = (slug: string, order: number, title = slug): ArticleSummary => ({
	lang: 'nl',
	slug,
	category: 'basics',
	order,
	providers: [],
	title,
	description: '',
	updated: new Date('2026-01-01'),
	keywords: [],
	url: `/nl/${slug}/`,
});

describe('topArticles()', () => {
	test('returns the five with the lowest order, lowest first, whatever the input order', () => {
		const list = [7, 3, 9, 1, 5, 2, 8].map((n) => article(`a${n}`, n));
		expect(topArticles(list).map((a) => a.order)).toEqual([1, 2, 3, 5, 7]);
	});

	test('breaks ties on order by title and leaves the input as it was', () => {
		const list = [article('b', 1, 'Beta'), article('a', 1, 'Alfa'), article('c', 0, 'Gamma')];
		expect(topArticles(list, 2).map((a) => a.slug)).toEqual(['c', 'a']);
		expect(list.map((a) => a.slug)).toEqual(['b', 'a', 'c']);
	});

	test('returns every article when there are fewer than asked', () => {
		expect(topArticles([article('a', 1)])).toHaveLength(1);
		expect(topArticles([])).toEqual([]);
	});
});

describe('pageCount() and pageOf()', () => {
	test('returns one page for an empty list and for a full page, two for one more', () => {
		expect(pageCount(0)).toBe(1);
		expect(pageCount(articlesPerPage)).toBe(1);
		expect(pageCount(articlesPerPage + 1)).toBe(2);
		expect(pageCount(1_012)).toBe(21);
	});

	test('throws naming perPage when it is not a whole number of at least 1', () => {
		expect(() => pageCount(10, 0)).toThrow(/perPage/);
		expect(() => pageCount(10, 2.5)).toThrow(/perPage/);
	});

	test('returns pages that together hold every item once, in order, none over the limit', () => {
		fc.assert(
			fc.property(fc.nat(300), fc.integer({ min: 1, max: 60 }), (total, perPage) => {
				const items = Array.from({ length: total }, (_, i) => i);
				const pages = Array.from({ length: pageCount(total, perPage) }, (_, i) =>
					pageOf(items, i + 1, perPage),
				);
				expect(pages.flat()).toEqual(items);
				expect(pages.every((p) => p.length <= perPage)).toBe(true);
				// Only an empty list has an empty page.
				expect(pages.some((p) => p.length === 0)).toBe(total === 0);
			}),
		);
	});
});

describe('categoryPageUrl()', () => {
	test('returns the category URL for page 1 and a numbered folder after it', () => {
		expect(categoryPageUrl('nl', 'providers', 1)).toBe('/nl/providers/');
		expect(categoryPageUrl('en', 'providers', 2)).toBe('/en/providers/2/');
	});
});

describe('pageNumbers()', () => {
	test('returns every page when there are seven or fewer', () => {
		expect(pageNumbers(1, 1)).toEqual([1]);
		expect(pageNumbers(1, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
	});

	test('returns first, last and two around the current page, with gaps between', () => {
		expect(pageNumbers(10, 21)).toEqual([1, 'gap', 8, 9, 10, 11, 12, 'gap', 21]);
		expect(pageNumbers(1, 21)).toEqual([1, 2, 3, 'gap', 21]);
		expect(pageNumbers(21, 21)).toEqual([1, 'gap', 19, 20, 21]);
	});

	test('shows a single left-out number instead of a gap', () => {
		expect(pageNumbers(5, 9)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
	});

	test('always includes the first, the current and the last page, ascending', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 500 }), fc.nat(499), (total, c) => {
				const current = (c % total) + 1;
				const numbers = pageNumbers(current, total).filter((n) => n !== 'gap');
				expect(numbers).toContain(1);
				expect(numbers).toContain(current);
				expect(numbers).toContain(total);
				expect(numbers).toEqual([...new Set(numbers)].sort((a, b) => a - b));
				// First, last, five around the current one, and two single numbers instead of gaps.
				expect(numbers.length).toBeLessThanOrEqual(9);
			}),
		);
	});
});

describe('providerMark()', () => {
	test('returns the brand initial as written and a tone in range', () => {
		expect(providerMark('iCloud Mail')).toMatchObject({ initial: 'i' });
		expect(providerMark('365 Mail').initial).toBe('3');
		const { tone } = providerMark('Gmail');
		expect(tone).toBeGreaterThanOrEqual(0);
		expect(tone).toBeLessThan(markTones);
	});

	test('returns the same mark for the same brand and tells brands with one initial apart', () => {
		expect(providerMark('Gmail')).toEqual(providerMark('Gmail'));
		const tones = ['Gmail', 'GMX', 'Google Workspace'].map((n) => providerMark(n).tone);
		expect(new Set(tones).size).toBe(3);
	});
});
