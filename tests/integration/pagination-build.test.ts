/**
 * Pagination in a real build: a copy of the site with 60 more Dutch articles in one category
 * (63 in all: two pages in Dutch, one in English), built with `astro build`. Checks the pages
 * themselves, and runs the dist checks (links, hreflang, sitemap, valid HTML) on that build.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HtmlElement } from 'html-validate';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generateKnowledgeBase } from '../../scripts/generate-kb.ts';
import { buildCopy } from '../../scripts/lib/astro-build.ts';
import { attr, parseHtml, readableText } from '../../scripts/lib/html-dom.ts';
import { siteConfig } from '../../src/site.config.ts';

const root = join(import.meta.dirname, '../..');
const origin = new URL(siteConfig.siteUrl).origin;
const added = 60;
let work: string;
let copy: string;

beforeAll(async () => {
	work = await mkdtemp(join(tmpdir(), 'hc-pagination-'));
	({ root: copy } = await generateKnowledgeBase(join(work, 'site'), 0));
	for (let n = 1; n <= added; n++) {
		const id = String(n).padStart(2, '0');
		await writeFile(
			join(copy, `content/articles/nl/extra-${id}.mdx`),
			[
				'---',
				`title: 'Extra basisartikel ${id}'`,
				`description: 'Een extra artikel over app-wachtwoorden, nummer ${id}.'`,
				'category: basics',
				'providers: []',
				'updated: 2026-11-28',
				`order: ${100 + n}`,
				'---',
				'',
				`Tekst van artikel ${id}.`,
				'',
			].join('\n'),
		);
	}
	buildCopy(copy);
});

afterAll(async () => {
	if (work) await rm(work, { recursive: true, force: true });
});

const client = () => join(copy, 'dist/client');
const page = async (url: string): Promise<HtmlElement> =>
	parseHtml(await readFile(join(client(), url, 'index.html'), 'utf8'), url);
const hrefs = (elements: HtmlElement[]) => elements.map((e) => attr(e, 'href'));
const alternates = (doc: HtmlElement) =>
	Object.fromEntries(
		doc
			.querySelectorAll('link[rel="alternate"][hreflang]')
			.map((l) => [attr(l, 'hreflang'), attr(l, 'href')]),
	);
const articleLinks = (doc: HtmlElement) => hrefs(doc.querySelectorAll('main .hc-article-list a'));

describe('a category with 63 articles in Dutch and 3 in English', () => {
	test('has a page 2 in Dutch only, with its own title and canonical', async () => {
		expect(existsSync(join(client(), 'nl/basics/2/index.html'))).toBe(true);
		expect(existsSync(join(client(), 'nl/basics/3/index.html'))).toBe(false);
		expect(existsSync(join(client(), 'en/basics/2/index.html'))).toBe(false);
		const second = await page('nl/basics/2');
		expect(readableText(second.querySelector('title')!)).toBe(
			'App-wachtwoorden: de basis – pagina 2 · SpinOffice Helpcentrum',
		);
		expect(attr(second.querySelector('link[rel="canonical"]')!, 'href')).toBe(
			`${origin}/nl/basics/2/`,
		);
		const first = await page('nl/basics');
		expect(readableText(first.querySelector('title')!)).toBe(
			'App-wachtwoorden: de basis · SpinOffice Helpcentrum',
		);
		expect(attr(first.querySelector('link[rel="canonical"]')!, 'href')).toBe(
			`${origin}/nl/basics/`,
		);
	});

	test('links hreflang alternates only to pages that exist in the other language', async () => {
		expect(alternates(await page('nl/basics'))).toEqual({
			nl: `${origin}/nl/basics/`,
			en: `${origin}/en/basics/`,
			'x-default': `${origin}/nl/basics/`,
		});
		// English has one page: Dutch page 2 is in one language, without an hreflang cluster.
		expect(alternates(await page('nl/basics/2'))).toEqual({});
	});

	test('lists 50 articles on page 1 and the other 13 on page 2, each once', async () => {
		const first = articleLinks(await page('nl/basics'));
		const second = articleLinks(await page('nl/basics/2'));
		expect(first).toHaveLength(50);
		expect(second).toHaveLength(13);
		expect(new Set([...first, ...second]).size).toBe(63);
		expect(second.at(-1)).toBe('/nl/extra-60/');
	});

	test('has a labelled pagination nav with real links, the current page marked', async () => {
		const nav = (doc: HtmlElement) => doc.querySelector('nav[aria-label="Pagina’s"]')!;
		const first = nav(await page('nl/basics'));
		expect(hrefs(first.querySelectorAll('a'))).toEqual([
			'/nl/basics/',
			'/nl/basics/2/',
			'/nl/basics/2/',
		]);
		expect(attr(first.querySelector('a[aria-current="page"]')!, 'href')).toBe('/nl/basics/');
		expect(attr(first.querySelector('a[rel="next"]')!, 'href')).toBe('/nl/basics/2/');
		expect(first.querySelector('a[rel="prev"]')).toBeNull();
		const second = nav(await page('nl/basics/2'));
		expect(attr(second.querySelector('a[aria-current="page"]')!, 'href')).toBe('/nl/basics/2/');
		expect(attr(second.querySelector('a[rel="prev"]')!, 'href')).toBe('/nl/basics/');
		expect(second.querySelector('a[rel="next"]')).toBeNull();
		// One page: no pagination at all.
		expect((await page('en/basics')).querySelector('.hc-pagination')).toBeNull();
	});

	test('the home shows five of them and a link to all 63', async () => {
		const card = (await page('nl')).querySelector('#category-basics')!.parent!;
		expect(card.querySelectorAll('.hc-article-list li')).toHaveLength(5);
		const all = card.querySelector('.hc-category-card__all')!;
		expect(attr(all, 'href')).toBe('/nl/basics/');
		expect(readableText(all)).toMatch(/^Alle 63 artikelen/);
	});

	test('the sitemap lists page 2', async () => {
		const sitemap = await readFile(join(client(), 'sitemap-0.xml'), 'utf8');
		expect(sitemap).toContain(`<loc>${origin}/nl/basics/2/</loc>`);
		expect(sitemap).not.toContain(`${origin}/en/basics/2/`);
	});

	test('passes the dist checks: links, hreflang, sitemap and valid HTML', async () => {
		const child = spawn(
			process.execPath,
			[
				join(root, 'node_modules/vitest/vitest.mjs'),
				'run',
				'--project',
				'dist',
				'tests/dist/links.test.ts',
				'tests/dist/hreflang.test.ts',
				'tests/dist/sitemap.test.ts',
				'tests/dist/html-valid.test.ts',
			],
			{ cwd: root, env: { ...process.env, HC_OUT_DIR: join(copy, 'dist'), FORCE_COLOR: '0' } },
		);
		let output = '';
		child.stdout.on('data', (chunk: Buffer) => (output += chunk));
		child.stderr.on('data', (chunk: Buffer) => (output += chunk));
		const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
		expect(status, output.slice(-4000)).toBe(0);
	});
});
