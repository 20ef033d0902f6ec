import { describe, expect, test } from 'vitest';
import { attr, parseHtml } from '../../scripts/lib/html-dom.ts';
import {
	cssImports,
	loadedAtStart,
	pageWeight,
	secondVisit,
	staticImports,
	type LoadedFile,
	type PageWeight,
} from '../../scripts/lib/page-weight.ts';
import { headLinks } from './helpers/hreflang.ts';
import { navigationArticleUrls } from './helpers/navigation.ts';
import { clientDir, loadSite, origin } from './helpers/site.ts';

/** Issue 6: an article page weighs at most 15 KiB gzip at load (HTML + CSS + JS before any act). */
const budget = 15 * 1024;
/**
 * Other articles an article page's navigation may name: 4 related, previous and next, 5 search
 * suggestions and one spare. A list of every article in the category would break it as soon as a
 * category holds a dozen articles, whatever the real content holds today.
 */
const maxNavigationArticles = 12;

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const breakdown = (w: PageWeight) =>
	w.files.map((f) => `${f.kind} ${f.path}: ${kib(f.gzip)} gzip (${kib(f.raw)} raw)`).join('\n');

describe('staticImports()', () => {
	test('follows static imports and re-exports, not dynamic import()', () => {
		const code = `import{t as e}from"./a.js";import"./b.js";export*from"./c.js";export{x}from'./d.js';const f=()=>import("./lazy.js");e(()=>import(\`./lazy2.js\`),[]);`;
		expect(staticImports(code)).toEqual(['./a.js', './b.js', './c.js', './d.js']);
	});
	test('reads @import in stylesheets', () => {
		expect(cssImports(`@import url("/a.css");@import '/b.css' screen;a{color:red}`)).toEqual([
			'/a.css',
			'/b.css',
		]);
	});
});

describe('loadedAtStart()', () => {
	test('lists stylesheets, module scripts and preloads, and flags classic scripts that block', async () => {
		const root = await parseHtml(
			`<link rel="stylesheet" href="/a.css"><link rel="modulepreload" href="/p.js"><script src="/block.js"></script><script src="/d.js" defer></script><script type="module" src="/m.js"></script><script>inline()</script>`,
		);
		expect(loadedAtStart(root)).toEqual({
			css: ['/a.css'],
			js: ['/p.js', '/block.js', '/d.js', '/m.js'],
			blocking: ['/block.js'],
		});
	});
});

describe('secondVisit()', () => {
	const weight = (files: LoadedFile[]): PageWeight => {
		const sum = {
			raw: files.reduce((n, f) => n + f.raw, 0),
			gzip: files.reduce((n, f) => n + f.gzip, 0),
		};
		return {
			files,
			html: sum,
			css: sum,
			js: sum,
			total: sum,
			blockingScripts: [],
			inline: { css: 0, js: 0 },
		};
	};
	const file = (kind: LoadedFile['kind'], path: string, gzip: number): LoadedFile => ({
		kind,
		path,
		raw: gzip * 3,
		gzip,
	});
	test('fetches the HTML and what the first page did not load; immutable /_astro/ files are not asked for, others revalidated', () => {
		const first = weight([
			file('html', '/nl/', 9000),
			file('js', '/_astro/header.js', 2000),
			file('css', '/fonts.css', 300),
			file('html', '/nl/gmail/', 1),
		]);
		const page = weight([
			file('html', '/nl/gmail/', 10000),
			file('js', '/_astro/header.js', 2000),
			file('js', '/_astro/feedback.js', 1500),
			file('css', '/fonts.css', 300),
		]);
		expect(secondVisit(page, first)).toEqual({
			raw: 34500,
			gzip: 11500,
			fetched: ['/nl/gmail/', '/_astro/feedback.js'],
			revalidated: ['/fonts.css'],
			fromCache: ['/_astro/header.js'],
		});
	});
});

describe('built article pages', async () => {
	const site = await loadSite();
	const articles = site.pages.filter(
		(p) =>
			attr(p.root.querySelector('meta[property="og:type"]') ?? p.root, 'content') === 'article',
	);
	const articleUrls = new Set(articles.map((p) => p.url));

	test('there are article pages to check', () => {
		expect(articles.length).toBeGreaterThan(0);
	});

	test.each(articles.map((p) => p.url))('%s weighs at most 15 KiB gzip at load', async (url) => {
		const page = articles.find((p) => p.url === url)!;
		const weight = await pageWeight(clientDir, page.file, page.url);
		expect(
			weight.total.gzip,
			`${url}: ${kib(weight.total.gzip)} gzip at load, over ${kib(budget)}:\n${breakdown(weight)}`,
		).toBeLessThanOrEqual(budget);
	});

	test.each(articles.map((p) => p.url))(
		'%s is readable without JavaScript: no blocking script, the text is in the HTML',
		async (url) => {
			const page = articles.find((p) => p.url === url)!;
			const weight = await pageWeight(clientDir, page.file, page.url);
			expect(weight.blockingScripts, `${url}: scripts that block rendering`).toEqual([]);
			const body = page.root.querySelector('[data-pagefind-body]');
			expect(
				body?.querySelector('h1')?.textContent.trim(),
				`${url}: no h1 in the HTML`,
			).toBeTruthy();
			const text =
				body
					?.querySelectorAll('p, li')
					.map((p) => p.textContent)
					.join(' ') ?? '';
			expect(text.length, `${url}: article text missing from the HTML`).toBeGreaterThan(200);
			expect(
				body?.closest('[hidden]'),
				`${url}: article hidden until a script shows it`,
			).toBeNull();
		},
	);

	test.each(articles.map((p) => p.url))(
		'%s loads no search code, search index or captcha before the reader acts',
		async (url) => {
			const page = articles.find((p) => p.url === url)!;
			const weight = await pageWeight(clientDir, page.file, page.url);
			const onDemand = weight.files.filter((f) => /pagefind|altcha|controller/i.test(f.path));
			expect(
				onDemand.map((f) => f.path),
				`${url} loads on-demand code at start`,
			).toEqual([]);
		},
	);

	test.each(articles.map((p) => p.url))(
		`%s: navigation names at most ${maxNavigationArticles} other articles`,
		(url) => {
			const page = articles.find((p) => p.url === url)!;
			const own = new Set([
				url,
				...headLinks(page.root, origin + url).alternates.map(([, href]) => new URL(href).pathname),
			]);
			const named = [...navigationArticleUrls(page.root, articleUrls, origin)].filter(
				(u) => !own.has(u),
			);
			expect(named.length, `${url} names ${named.join(', ')}`).toBeLessThanOrEqual(
				maxNavigationArticles,
			);
		},
	);
});

describe('navigationArticleUrls()', () => {
	test('finds article URLs in links and JSON attributes, not in the article body', async () => {
		const root = await parseHtml(
			`<header data-config='{"suggestions":[{"url":"/nl/a/"}]}'><a href="https://help.example/nl/b/">b</a></header><article data-pagefind-body><a href="/nl/c/">c</a></article><nav><a href="/nl/not-an-article/">x</a><a href="https://other.example/nl/d/">d</a></nav>`,
		);
		const urls = new Set(['/nl/a/', '/nl/b/', '/nl/c/', '/nl/d/']);
		expect([...navigationArticleUrls(root, urls, 'https://help.example')].sort()).toEqual([
			'/nl/a/',
			'/nl/b/',
		]);
	});
});
