import { beforeAll, describe, expect, test } from 'vitest';
import { parseHtml } from '../../scripts/lib/html-dom.ts';
import {
	canonicalProblems,
	headLinks,
	hreflangProblems,
	type HeadLinks,
} from './helpers/hreflang.ts';
import { listPages, loadSite, origin } from './helpers/site.ts';

const o = 'https://help.example';
const page = (path: string, lang: string, links: [string, string][], noindex = false) =>
	`<!DOCTYPE html><html lang="${lang}"><head><link rel="canonical" href="${o}${path}">${links
		.map(([tag, href]) => `<link rel="alternate" hreflang="${tag}" href="${href}">`)
		.join(
			'',
		)}${noindex ? '<meta name="robots" content="noindex">' : ''}</head><body></body></html>`;
const site = async (pages: Record<string, string>) => {
	const map = new Map<string, HeadLinks>();
	for (const [path, html] of Object.entries(pages)) {
		map.set(o + path, headLinks(await parseHtml(html), o + path));
	}
	return map;
};
const pair: [string, string][] = [
	['nl', `${o}/nl/a/`],
	['en', `${o}/en/a/`],
	['x-default', `${o}/nl/a/`],
];

describe('hreflangProblems()', () => {
	test('accepts a reciprocal pair with one x-default', async () => {
		const pages = await site({
			'/nl/a/': page('/nl/a/', 'nl-NL', pair),
			'/en/a/': page('/en/a/', 'en-GB', pair),
		});
		expect([...pages.values()].flatMap((p) => hreflangProblems(p, pages))).toEqual([]);
	});

	test('reports a page that does not link back', async () => {
		const pages = await site({
			'/nl/a/': page('/nl/a/', 'nl', pair),
			'/en/a/': page('/en/a/', 'en', [['en', `${o}/en/a/`]]),
		});
		expect(hreflangProblems(pages.get(`${o}/nl/a/`)!, pages)).toEqual([
			expect.stringContaining(
				`${o}/nl/a/: hreflang="en" → ${o}/en/a/, but that page lists [en → ${o}/en/a/]`,
			),
		]);
	});

	test('reports an x-default the other language disagrees on', async () => {
		const other: [string, string][] = [...pair.slice(0, 2), ['x-default', `${o}/`]];
		const pages = await site({
			'/nl/a/': page('/nl/a/', 'nl', pair),
			'/en/a/': page('/en/a/', 'en', other),
		});
		expect(hreflangProblems(pages.get(`${o}/en/a/`)!, pages)).toHaveLength(2);
	});

	test('reports a missing self link, a wrong language, a missing target and a noindex target', async () => {
		const pages = await site({
			'/nl/a/': page('/nl/a/', 'nl', [
				['en', `${o}/en/a/`],
				['de', `${o}/de/a/`],
			]),
			'/en/a/': page('/en/a/', 'en', [['nl', `${o}/en/a/`]]),
			'/en/b/': page('/en/b/', 'en', [
				['en', `${o}/en/b/`],
				['nl', `${o}/nl/404/`],
			]),
			'/nl/404/': page('/nl/404/', 'nl', [], true),
		});
		expect(hreflangProblems(pages.get(`${o}/nl/a/`)!, pages).join('\n')).toMatch(
			/does not list itself[\s\S]*\/de\/a\/, which is not a built page/,
		);
		expect(hreflangProblems(pages.get(`${o}/en/a/`)!, pages)).toEqual([
			`${o}/en/a/: lists itself as nl, but <html lang="en">`,
		]);
		expect(hreflangProblems(pages.get(`${o}/en/b/`)!, pages)).toEqual([
			`${o}/en/b/: hreflang="nl" points at ${o}/nl/404/, which is noindex`,
		]);
	});
});

describe('canonicalProblems()', () => {
	test('accepts a self-referencing canonical and a noindex page without one', async () => {
		const pages = await site({
			'/nl/a/': page('/nl/a/', 'nl', []),
			'/nl/404/': '<meta name="robots" content="noindex">',
		});
		expect([...pages.values()].flatMap(canonicalProblems)).toEqual([]);
	});

	test('reports a canonical that points elsewhere, and a missing one', async () => {
		const pages = await site({ '/nl/b/': page('/nl/a/', 'nl', []), '/nl/c/': '<title>x</title>' });
		expect([...pages.values()].flatMap(canonicalProblems)).toEqual([
			`${o}/nl/b/: canonical is ${o}/nl/a/, not the page itself`,
			`${o}/nl/c/: expected one <link rel="canonical">, found 0`,
		]);
	});
});

describe('built pages', async () => {
	const urls = (await listPages()).map((p) => p.url);
	let pages: Map<string, HeadLinks>;
	beforeAll(async () => {
		const loaded = await loadSite();
		pages = new Map(loaded.pages.map((p) => [origin + p.url, headLinks(p.root, origin + p.url)]));
	});

	test.each(urls)('%s: canonical is the page itself', (url) => {
		expect(canonicalProblems(pages.get(origin + url)!)).toEqual([]);
	});

	test.each(urls)('%s: hreflang links are reciprocal and agree on x-default', (url) => {
		expect(hreflangProblems(pages.get(origin + url)!, pages)).toEqual([]);
	});
});
