/**
 * The site index (src/lib/site-index.ts) is what the feedback API and the dashboard know of the
 * content: it must say what the built pages say. And it is why the server bundle carries no
 * article: no article text may be found there.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { readableText } from '../../scripts/lib/html-dom.ts';
import { readSiteIndex } from '../../src/lib/site-index.ts';
import { loadSite, outDir, type LoadedSite } from './helpers/site.ts';

const index = readSiteIndex(process.cwd(), { drafts: false });
let site: LoadedSite;
beforeAll(async () => {
	site = await loadSite();
});

const pageOf = (url: string) => {
	const page = site.pages.find((p) => p.url === url);
	if (!page) throw new Error(`no built page at ${url}`);
	return page;
};

describe('the site index agrees with the built pages', () => {
	test('every built article page is in the index, and no other', () => {
		const articlePages = site.pages
			.filter((p) => p.root.querySelector('#article-title'))
			.map((p) => p.url)
			.sort();
		expect(articlePages).toEqual(index.summaries.map((a) => a.url).sort());
	});

	test.each(index.summaries.map((a) => [a.url, a] as const))(
		'%s: the title and the h2 ids and texts of the article body',
		(url, article) => {
			const page = pageOf(url);
			const title = page.root.querySelector('#article-title');
			expect(title && readableText(title)).toBe(article.title);
			const h2s = page.root
				.querySelectorAll('.hc-prose h2')
				.map((h) => ({ slug: h.getAttributeValue('id'), text: readableText(h) }));
			expect(h2s).toEqual(index.sections[`${article.lang}/${article.slug}`]);
		},
	);
});

test('the server bundle holds no article text', async () => {
	const files = (await readdir(join(outDir, 'server'), { recursive: true, withFileTypes: true }))
		.filter((e) => e.isFile() && /\.(m?js|json)$/.test(e.name))
		.map((e) => join(e.parentPath, e.name));
	const server = (await Promise.all(files.map((f) => readFile(f, 'utf8')))).join('\n');
	// A sentence of each article body, as written in its page (the first paragraph of the prose).
	const sentences = index.summaries.map((a) => {
		const p = pageOf(a.url).root.querySelector('.hc-prose p');
		const text = p ? readableText(p) : '';
		return [a.url, text.slice(0, 60)] as const;
	});
	expect(sentences.every(([, s]) => s.length >= 30)).toBe(true);
	expect(sentences.filter(([, s]) => server.includes(s)).map(([url]) => url)).toEqual([]);
});
