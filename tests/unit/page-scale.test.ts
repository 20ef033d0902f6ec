import { describe, expect, test } from 'vitest';
import {
	largestPerType,
	measureHtml,
	overTargets,
	pageTypeOf,
	type PageScale,
} from '../../scripts/lib/page-scale.ts';

const site = { categories: ['providers', 'basics'], searchPages: ['/nl/zoeken/', '/en/search/'] };

describe('pageTypeOf()', () => {
	test.each([
		['/', undefined, 'language chooser'],
		['/nl/', undefined, 'home'],
		['/nl/providers/', undefined, 'category page 1'],
		['/en/basics/3/', undefined, 'category page N'],
		['/nl/gmail/', 'article', 'article'],
		['/en/search/', undefined, 'search page'],
		['/nl/404/', undefined, '404'],
		['/nl/something/', 'website', 'other (something)'],
	])('returns the type of %s', (url, ogType, type) => {
		expect(pageTypeOf(url, site, ogType)).toBe(type);
	});
});

describe('measureHtml()', () => {
	test('counts every element of the document and, apart, the body’s descendants', () => {
		const html =
			'<!DOCTYPE html><html lang="nl"><head><title>a <b> c</title><meta property="og:type" content="article">' +
			'<style>a>b{}</style><script>if (a<b) x()</script></head><body><!-- <div> -->' +
			'<main><p>Één <a href="/">link</a></p><svg><path d="M0 0"/></svg></main></body></html>';
		expect(measureHtml(html)).toEqual({
			htmlBytes: Buffer.byteLength(html),
			elements: 12,
			bodyElements: 5,
			ogType: 'article',
		});
	});
});

describe('largestPerType() and overTargets()', () => {
	const page = (url: string, type: string, htmlBytes: number, elements: number): PageScale => ({
		url,
		type,
		htmlBytes,
		elements,
		bodyElements: elements - 20,
	});
	const pages = [
		page('/nl/a/', 'article', 40_000, 300),
		page('/nl/b/', 'article', 30_000, 400),
		page('/nl/', 'home', 61_000, 900),
		page('/en/', 'home', 20_000, 1_501),
	];

	test('returns the largest page of each type by bytes and by elements, types in the given order', () => {
		const types = largestPerType(pages, ['home', 'article']);
		expect(types.map((t) => [t.type, t.pages, t.byBytes.url, t.byElements.url])).toEqual([
			['home', 2, '/nl/', '/en/'],
			['article', 2, '/nl/a/', '/nl/b/'],
		]);
	});

	test('returns the pages over 60,000 bytes or 1,500 elements', () => {
		expect(overTargets(pages).map((p) => p.url)).toEqual(['/nl/', '/en/']);
	});
});
