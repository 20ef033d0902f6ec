import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { readArticles, readSite } from '../../src/lib/content/files.ts';
import {
	checkContent,
	checkContentFiles,
	mergeFindings,
	outdatedFindings,
} from '../../src/lib/content-health/check.ts';
import { articleSources, type PublishedArticles } from '../../src/lib/feedback/articles.ts';
import {
	publishedArticlesModule,
	readSiteIndex,
	siteIndexModule,
	type SiteIndex,
} from '../../src/lib/site-index.ts';

const root = join(import.meta.dirname, '../..');
const index = readSiteIndex(root, { drafts: false });

/** A copy of the project's content/ to break, removed after the tests. */
const copies: string[] = [];
afterAll(() => {
	for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});
function contentCopy(edit: (dir: string) => void): string {
	const dir = mkdtempSync(join(tmpdir(), 'hc-site-index-'));
	copies.push(dir);
	cpSync(join(root, 'content'), join(dir, 'content'), { recursive: true });
	edit(dir);
	return dir;
}
const rewrite = (dir: string, file: string, change: (text: string) => string) => {
	const path = join(dir, file);
	writeFileSync(path, change(readFileSync(path, 'utf8')));
};

describe('readSiteIndex() on the project content', () => {
	test('lists every published article in both languages, each with its h2 sections', () => {
		const nl = index.summaries.filter((a) => a.lang === 'nl');
		const en = index.summaries.filter((a) => a.lang === 'en');
		expect(nl.length).toBeGreaterThanOrEqual(8);
		expect(en.map((a) => a.slug).sort()).toEqual(nl.map((a) => a.slug).sort());
		for (const a of index.summaries) {
			expect(a.url).toBe(`/${a.lang}/${a.slug}/`);
			expect(a.updated).toBeInstanceOf(Date);
			expect(index.sections[`${a.lang}/${a.slug}`]?.length, a.url).toBeGreaterThan(0);
		}
	});

	test('gives the iCloud guide the h2 ids its page has', () => {
		expect(index.sections['nl/icloud-mail']?.map((s) => s.slug)).toContain(
			'een-app-specifiek-wachtwoord-aanmaken',
		);
	});

	test('keeps the categories in their order and the site order of articles', () => {
		const orders = index.categories.map((c) => c.order);
		expect(orders).toEqual([...orders].sort((a, b) => a - b));
		const position = new Map(index.categories.map((c, i) => [c.id, i]));
		const nl = index.summaries.filter((a) => a.lang === 'nl').map((a) => position.get(a.category)!);
		expect(nl).toEqual([...nl].sort((a, b) => a - b));
	});
});

describe('readSiteIndex() on broken content', () => {
	test('names the file and the field of an invalid frontmatter value', () => {
		const dir = contentCopy((d) =>
			rewrite(d, 'content/articles/nl/gmail.mdx', (t) =>
				t.replace(/^category: .*$/m, 'category: nope'),
			),
		);
		expect(() => readSiteIndex(dir, { drafts: false })).toThrow(
			/^content\/articles\/nl\/gmail\.mdx: .*category: /,
		);
	});

	test('names the file whose frontmatter is not YAML', () => {
		const dir = contentCopy((d) =>
			rewrite(d, 'content/articles/en/gmail.mdx', (t) => t.replace(/^title: /m, 'title: [')),
		);
		expect(() => readSiteIndex(dir, { drafts: false })).toThrow(
			/^content\/articles\/en\/gmail\.mdx: the frontmatter is not valid YAML/,
		);
	});

	test('names the data file when a category is invalid', () => {
		const dir = contentCopy((d) =>
			rewrite(d, 'content/categories.json', (t) => t.replace(/"order": \d+/, '"order": "first"')),
		);
		expect(() => readSiteIndex(dir, { drafts: false })).toThrow(
			/^content\/categories\.json: .*order: /,
		);
	});

	test('leaves drafts out, unless asked (the dev server shows them)', () => {
		const dir = contentCopy((d) =>
			rewrite(d, 'content/articles/en/gmail.mdx', (t) => t.replace(/^---\n/, '---\ndraft: true\n')),
		);
		const has = (i: SiteIndex) => i.summaries.some((a) => a.lang === 'en' && a.slug === 'gmail');
		expect(has(readSiteIndex(dir, { drafts: false }))).toBe(false);
		expect(has(readSiteIndex(dir, { drafts: true }))).toBe(true);
		expect(
			readSiteIndex(dir, { drafts: false }).health.articles.find(
				(a) => a.lang === 'en' && a.slug === 'gmail',
			)?.draft,
		).toBe(true);
	});
});

describe('the health findings split by date', () => {
	const fixture = join(root, 'tests/fixtures/insights-content');
	const files = readArticles(fixture);
	const site = readSite(fixture);

	test.each(['2026-11-28', '2030-01-01', '2000-01-01'])(
		'the build-time part and the part measured on %s add up to the whole check',
		(day) => {
			const now = new Date(`${day}T12:00:00Z`);
			expect(mergeFindings(checkContentFiles(files, site), outdatedFindings(files, now))).toEqual(
				checkContent(files, site, now),
			);
		},
	);

	test('the build-time part has no "not updated in 12 months" warnings', () => {
		expect(index.health.findings.filter((f) => f.kind === 'outdated')).toEqual([]);
		expect(
			outdatedFindings(index.health.articles, new Date('2099-01-01')).map((f) => f.file).length,
		).toBe(index.summaries.length);
	});
});

describe('siteIndexModule()', () => {
	test('gives back the same index, dates as Dates', async () => {
		const source = siteIndexModule(index);
		const url = `data:text/javascript;base64,${Buffer.from(source).toString('base64')}`;
		const loaded = ((await import(url)) as { default: SiteIndex }).default;
		expect(loaded).toEqual(index);
		expect(loaded.summaries[0]?.updated).toBeInstanceOf(Date);
	});

	test('keeps a title that looks like the date marker as text', async () => {
		const tricky = structuredClone(index);
		tricky.summaries[0]!.title = '\u0000date:0';
		const source = siteIndexModule(tricky);
		const url = `data:text/javascript;base64,${Buffer.from(source).toString('base64')}`;
		const loaded = ((await import(url)) as { default: SiteIndex }).default;
		expect(loaded.summaries[0]?.title).toBe('\u0000date:0');
	});
});

describe('publishedArticlesModule()', () => {
	test('gives every published article with its date and its h2 ids, and nothing else', async () => {
		const source = publishedArticlesModule(index);
		const url = `data:text/javascript;base64,${Buffer.from(source).toString('base64')}`;
		const loaded = ((await import(url)) as { default: PublishedArticles }).default;
		expect(articleSources(loaded)).toEqual(articleSources(index));
		expect(loaded.summaries[0]?.updated).toBeInstanceOf(Date);
		const gmail = articleSources(loaded).find((a) => a.lang === 'en' && a.slug === 'gmail')!;
		expect(gmail.headings).toEqual(
			index.sections['en/gmail']!.map((s) => ({ depth: 2, slug: s.slug })),
		);
		expect(gmail.headings.length).toBeGreaterThan(0);
		// Only what the feedback API checks: no titles, descriptions or heading texts.
		const summary = index.summaries.find((a) => a.lang === 'en' && a.slug === 'gmail')!;
		expect(source).not.toContain(summary.title);
		expect(source).not.toContain(index.sections['en/gmail']![0]!.text);
		expect(source.length).toBeLessThan(siteIndexModule(index).length / 4);
	});
});
