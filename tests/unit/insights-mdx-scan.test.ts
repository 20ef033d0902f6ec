import { describe, expect, test } from 'vitest';
import { headingText, scanMdx } from '../../src/lib/insights/mdx-scan.ts';

describe('headingText()', () => {
	test.each([
		['Wat is een **app-wachtwoord**?', 'Wat is een app-wachtwoord?'],
		['`IMAP` & [SMTP](../gmail/) instellen', 'IMAP & SMTP instellen'],
		["Stap <UiPath path={['A', 'B']} /> klaar", 'Stap  klaar'],
		['snake_case_woord en __vet__', 'snake_case_woord en vet'],
		['\\*ster\\* &amp; ~~weg~~', '*ster* & weg'],
		['Tekst ![plaatje](a.png) erna', 'Tekst  erna'],
		['Don&#39;t &#x2014; `&amp;` &bogus;', "Don't — &amp; &bogus;"],
	])('returns the rendered text of %j', (markdown, text) => {
		expect(headingText(markdown)).toBe(text);
	});
});

describe('scanMdx()', () => {
	test('returns heading ids like Astro: one slugger for all depths, duplicates numbered', () => {
		const { headings } = scanMdx(
			'## Stappen\n\n### `IMAP` & SMTP instellen\n\n## Stappen\n\n## Héél "goed" (v1.2)!\n',
		);
		expect(headings.map((h) => [h.depth, h.slug, h.line])).toEqual([
			[2, 'stappen', 1],
			[3, 'imap--smtp-instellen', 3],
			[2, 'stappen-1', 5],
			[2, 'héél-goed-v12', 7],
		]);
	});

	test('returns nothing from fenced code or inline code', () => {
		const scan = scanMdx('```md\n## Geen kop\n[x](../a/)\n```\n\n`[y](../b/)` and ~~~\n~~~');
		expect(scan.headings).toEqual([]);
		expect(scan.links).toEqual([]);
	});

	test('returns links, images and ids with file lines from `firstLine`', () => {
		const scan = scanMdx(
			'[a](../a/ "title")\n\n<a href="../b/">b</a>\n\n![](c.png)\n<img\n  src="d.png"\n  alt="D" />\n<div id="x" />\n[ref]: ../e/',
			10,
		);
		expect(scan.links).toEqual([
			{ url: '../a/', line: 10 },
			{ url: '../e/', line: 19 },
			{ url: '../b/', line: 12 },
		]);
		expect(scan.images).toEqual([
			{ src: 'c.png', alt: null, line: 14 },
			{ src: 'd.png', alt: 'D', line: 15 },
		]);
		expect(scan.elementIds).toEqual(['x']);
	});

	test('returns the providers of each <ProviderSettings>, null for all', () => {
		const scan = scanMdx(
			`<ProviderSettings providers={['gmail', "icloud"]} />\n\n<ProviderSettings />`,
		);
		expect(scan.providerSettings).toEqual([['gmail', 'icloud'], null]);
	});
});
