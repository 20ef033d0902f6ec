import { describe, expect, test } from 'vitest';
import { parseArticle } from '../../src/lib/content/parse.ts';

const file = 'content/articles/nl/x.mdx';

describe('parseArticle()', () => {
	test.each([
		['Wat is een **app-wachtwoord**?', 'Wat is een app-wachtwoord?', 'wat-is-een-app-wachtwoord'],
		['`IMAP` & [SMTP](../gmail/) instellen', 'IMAP & SMTP instellen', 'imap--smtp-instellen'],
		["Stap <UiPath path={['A', 'B']} /> klaar", 'Stap  klaar', 'stap--klaar'],
		['snake_case_woord en __vet__', 'snake_case_woord en vet', 'snake_case_woord-en-vet'],
		['\\*ster\\* &amp; ~~weg~~', '*ster* & weg', 'ster--weg'],
		['Tekst ![plaatje](a.png) erna', 'Tekst  erna', 'tekst--erna'],
		['Don&#39;t &#x2014; `&amp;` &bogus;', "Don't — &amp; &bogus;", 'dont--amp-bogus'],
		["Don't", 'Don’t', 'dont'],
	])('returns the rendered text and Astro’s id of the heading %j', (markdown, text, slug) => {
		expect(parseArticle(`## ${markdown}\n`, file).headings).toEqual([{ depth: 2, text, slug }]);
	});

	test('returns heading ids like Astro: one slugger for all depths, duplicates numbered', () => {
		const { headings } = parseArticle(
			'## Stappen\n\n### `IMAP` & SMTP instellen\n\n## Stappen\n\n## Héél "goed" (v1.2)!\n',
			file,
		);
		expect(headings.map((h) => [h.depth, h.slug])).toEqual([
			[2, 'stappen'],
			[3, 'imap--smtp-instellen'],
			[2, 'stappen-1'],
			[2, 'héél-goed-v12'],
		]);
	});

	test('returns nothing from fenced code or inline code', () => {
		const parsed = parseArticle(
			'```md\n## Geen kop\n[x](../a/)\n```\n\n`[y](../b/)` and ~~~\n~~~',
			file,
		);
		expect(parsed.headings).toEqual([]);
		expect(parsed.links).toEqual([]);
	});

	test('returns the frontmatter, and links, images and ids with their lines in the file', () => {
		const parsed = parseArticle(
			'---\ntitle: "Een: titel"\nupdated: 2026-05-01\nproviders: [gmail]\n---\n[a](../a/ "title")\n\n<a href="../b/">b</a>\n\n![](c.png)\n<img\n  src="d.png"\n  alt="D" />\n<div id="x" />\n[ref]: ../e/',
			file,
		);
		expect(parsed.frontmatter).toEqual({
			title: 'Een: titel',
			updated: new Date('2026-05-01T00:00:00Z'),
			providers: ['gmail'],
		});
		expect(parsed.links).toEqual([
			{ url: '../a/', line: 6 },
			{ url: '../b/', line: 8 },
			{ url: '../e/', line: 15 },
		]);
		expect(parsed.images).toEqual([
			{ src: 'c.png', alt: null, line: 10 },
			{ src: 'd.png', alt: 'D', line: 11 },
		]);
		expect(parsed.elementIds).toEqual(['x']);
	});

	test('returns the prose without markup, code, attributes or frontmatter', () => {
		const { text } = parseArticle(
			'---\ntitle: Weg\n---\n## Kop\n\nEen **vette** [link](../a/).\n\n<Callout title="Niet">\n\nBinnen\n\n</Callout>\n\n```\ncode\n```\n',
			file,
		);
		expect(text.split(/\s+/).filter(Boolean)).toEqual([
			'Kop',
			'Een',
			'vette',
			'link',
			'.',
			'Binnen',
		]);
	});

	test('returns an empty alt as none and an expression alt as unknown', () => {
		const { images } = parseArticle(
			'<img src="b.png" />\n\n<img src="c.png" alt="" />\n\n<img src="e.png" alt={props.alt} />\n\n![ ][ref]\n\n[ref]: f.png',
			file,
		);
		expect(images.map((i) => [i.src, i.alt])).toEqual([
			['b.png', null],
			['c.png', null],
			['e.png', undefined],
			['', null],
		]);
	});

	test('returns the providers of each <ProviderSettings>, null for all', () => {
		const parsed = parseArticle(
			`<ProviderSettings providers={['gmail', "icloud"]} />\n\n<ProviderSettings />`,
			file,
		);
		expect(parsed.providerSettings).toEqual([['gmail', 'icloud'], null]);
	});

	test('throws naming the file and line when <ProviderSettings providers> is not a list of strings', () => {
		expect(() => parseArticle('\n<ProviderSettings providers={list} />', file)).toThrow(
			'content/articles/nl/x.mdx:2: `list` is not an array of strings',
		);
	});

	test('throws naming the file when the frontmatter is not YAML or the body not MDX', () => {
		expect(() => parseArticle('---\ntitle: [\n---\n', file)).toThrow(
			/^content\/articles\/nl\/x\.mdx: the frontmatter is not valid YAML/,
		);
		expect(() => parseArticle('<div>\n', file)).toThrow(
			/^content\/articles\/nl\/x\.mdx: not valid MDX: .*closing tag/,
		);
	});
});
