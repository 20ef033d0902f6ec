import { beforeAll, describe, expect, test } from 'vitest';
import { onDemandRoute } from '../../scripts/lib/built-site.ts';
import { parseHtml } from '../../scripts/lib/html-dom.ts';
import {
	brokenLinks,
	elementIds,
	formatLinkProblems,
	linkTargets,
	type LinkIndex,
} from './helpers/links.ts';
import { listPages, loadSite } from './helpers/site.ts';

describe('brokenLinks()', () => {
	const site: LinkIndex = {
		files: new Set(['/nl/a/index.html', '/_astro/x.css', '/img/a.png']),
		ids: (file) => (file === '/nl/a/index.html' ? new Set(['intro']) : undefined),
		onDemand: [onDemandRoute('api/feedback/index.ts'), onDemandRoute('admin/feedback.astro')],
		origin: 'https://help.example',
	};
	const check = async (body: string) =>
		brokenLinks(await parseHtml(body, 'page.html'), '/nl/a/', site).map((p) => p.url);

	test('accepts built files, folders, on-demand routes, other sites and known anchors', async () => {
		const html = `<a href="/nl/a/">a</a><a href="../a/#intro">b</a><a href="#intro">c</a>
			<a href="https://help.example/nl/a/">d</a><a href="https://elsewhere.example/x">e</a>
			<a href="mailto:x@example.com">f</a><link rel="stylesheet" href="/_astro/x.css">
			<img src="/img/a.png" srcset="/img/a.png 1x" alt=""><form action="/api/feedback"></form>
			<a href="/admin/feedback/?lang=nl">g</a><a href="#">h</a>`;
		expect(await check(html)).toEqual([]);
	});

	test('reports a missing page, file, srcset candidate and form action, with line and column', async () => {
		const html = `<a href="/nl/b/">x</a>\n<img src="/img/b.png" alt="">\n<img srcset="/img/a.png 1x, /img/c.png 2x" alt="">\n<form action="/api/nothing"></form>`;
		const problems = brokenLinks(await parseHtml(html, 'page.html'), '/nl/a/', site);
		expect(problems.map((p) => p.url)).toEqual([
			'/nl/b/',
			'/img/b.png',
			'/img/c.png',
			'/api/nothing',
		]);
		expect(formatLinkProblems(problems)).toContain('page.html:2:2 src="/img/b.png": no built file');
	});

	test('reports an anchor missing on the same page and on another page', async () => {
		expect(await check('<a href="#nope">x</a><a href="/nl/a/#gone">y</a>')).toEqual([
			'#nope',
			'/nl/a/#gone',
		]);
	});

	test('an absolute URL on the site origin is checked like a path', async () => {
		expect(await check('<link rel="canonical" href="https://help.example/nl/zz/">')).toEqual([
			'https://help.example/nl/zz/',
		]);
	});
});

describe('elementIds()', () => {
	test('collects ids and <a name> anchors', async () => {
		const root = await parseHtml('<h2 id="one">1</h2><a name="two"></a><p id="three"></p>');
		expect([...elementIds(root)].sort()).toEqual(['one', 'three', 'two']);
	});
});

describe('built pages', async () => {
	const pages = await listPages();
	let index: LinkIndex;
	beforeAll(async () => {
		const site = await loadSite();
		const ids = new Map(site.pages.map((p) => ['/' + p.file, elementIds(p.root)]));
		index = {
			files: site.files,
			ids: (file) => ids.get(file),
			onDemand: site.onDemand,
			origin: site.origin,
		};
	});

	test.each(pages.map((p) => p.url))(
		'%s: every internal link and #anchor resolves',
		async (url) => {
			const page = (await loadSite()).pages.find((p) => p.url === url)!;
			expect(linkTargets(page.root).length, `${url} has no links at all`).toBeGreaterThan(0);
			const problems = brokenLinks(page.root, page.url, index);
			expect(
				problems.map((p) => formatLinkProblems([p])),
				`broken links on ${url}`,
			).toEqual([]);
		},
	);
});
