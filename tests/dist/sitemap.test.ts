import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { headLinks } from './helpers/hreflang.ts';
import { clientDir, listPages, loadSite, origin } from './helpers/site.ts';
import { readFile } from 'node:fs/promises';
import {
	alternatesMismatch,
	locs,
	sitemapEntries,
	sitemapUrls,
	unlistable,
} from './helpers/sitemap.ts';

const o = 'https://help.example';

describe('locs()', () => {
	test('reads every <loc> and decodes entities', () => {
		const xml = `<urlset><url><loc>${o}/a/?x=1&amp;y=2</loc></url><url><loc> ${o}/b/ </loc></url></urlset>`;
		expect(locs(xml)).toEqual([`${o}/a/?x=1&y=2`, `${o}/b/`]);
	});
});

describe('sitemapUrls()', () => {
	test('follows the index to its sitemaps', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'hc-sitemap-'));
		await writeFile(
			join(dir, 'sitemap-index.xml'),
			`<sitemapindex><sitemap><loc>${o}/s-0.xml</loc></sitemap></sitemapindex>`,
		);
		await writeFile(join(dir, 's-0.xml'), `<urlset><url><loc>${o}/nl/</loc></url></urlset>`);
		expect(await sitemapUrls(dir, o)).toEqual([`${o}/nl/`]);
	});
});

describe('alternatesMismatch()', () => {
	test('compares by URL and primary language', () => {
		const page: [string, string][] = [
			['nl', `${o}/nl/`],
			['x-default', `${o}/`],
		];
		expect(
			alternatesMismatch(
				[
					['nl-NL', `${o}/nl/`],
					['x-default', `${o}/`],
				],
				page,
			),
		).toEqual([]);
		expect(
			alternatesMismatch(
				[
					['nl-NL', `${o}/`],
					['nl-NL', `${o}/nl/`],
				],
				page,
			),
		).toEqual([`sitemap only: nl ${o}/`, `page only: x-default ${o}/`]);
	});
	test('reads the alternates of each entry', () => {
		const xml = `<url><loc>${o}/nl/</loc><xhtml:link rel="alternate" hreflang="en-GB" href="${o}/en/"/></url>`;
		expect(sitemapEntries(xml)).toEqual([{ loc: `${o}/nl/`, alternates: [['en-GB', `${o}/en/`]] }]);
	});
});

describe('unlistable()', () => {
	const files = new Set(['/nl/index.html', '/nl/404/index.html', '/robots.txt']);
	const noindex = (file: string) => file.includes('404');
	test('accepts a built indexable page', () => {
		expect(unlistable(`${o}/nl/`, o, files, noindex)).toBeUndefined();
	});
	test('reports an on-demand route, a noindex page, a non-page file and another origin', () => {
		expect(unlistable(`${o}/admin/feedback/`, o, files, noindex)).toMatch(/not a built page/);
		expect(unlistable(`${o}/nl/404/`, o, files, noindex)).toMatch(/noindex/);
		expect(unlistable(`${o}/robots.txt`, o, files, noindex)).toMatch(/not a built page/);
		expect(unlistable('https://other.example/nl/', o, files, noindex)).toMatch(/origin/);
	});
});

describe('built sitemap', async () => {
	const listed = await sitemapUrls(clientDir, origin);
	const pages = await listPages();
	let noindex: Set<string>;
	let files: Set<string>;
	beforeAll(async () => {
		const site = await loadSite();
		files = site.files;
		noindex = new Set(
			site.pages.filter((p) => headLinks(p.root, origin + p.url).noindex).map((p) => '/' + p.file),
		);
	});

	test('lists each URL once', () => {
		expect(listed.filter((url, i) => listed.indexOf(url) !== i)).toEqual([]);
	});

	test.each(listed)('lists %s, which is a built, indexable page', (url) => {
		const ok = 'a built, indexable page';
		expect(unlistable(url, origin, files, (file) => noindex.has(file)) ?? ok).toBe(ok);
	});

	test("each entry's hreflang alternates are the page's own", async () => {
		const site = await loadSite();
		const xml = await readFile(join(clientDir, 'sitemap-0.xml'), 'utf8');
		const problems = sitemapEntries(xml).flatMap(({ loc, alternates }) => {
			const page = site.pages.find((p) => origin + p.url === loc);
			if (!page) return [];
			const own = headLinks(page.root, loc).alternates;
			return alternatesMismatch(alternates, own).map((m) => `${loc}: ${m}`);
		});
		expect(problems).toEqual([]);
	});

	test.each(pages.map((p) => p.url))('%s: listed in the sitemap unless noindex', (url) => {
		const page = pages.find((p) => p.url === url)!;
		if (noindex.has('/' + page.file)) expect(listed).not.toContain(origin + url);
		else expect(listed, `${url} is indexable but missing from the sitemap`).toContain(origin + url);
	});

	test('the 404 and search results pages are noindex', () => {
		const expected = pages
			.filter((p) => /\/(404|search|zoeken)\/$/.test(p.url))
			.map((p) => '/' + p.file);
		expect(expected.length).toBeGreaterThan(0);
		expect(expected.filter((file) => !noindex.has(file))).toEqual([]);
	});
});
