import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
	findingsSummary,
	formatFinding,
	runContentCheck,
} from '../../src/lib/content-health/cli.ts';
import { readArticles, readSite } from '../../src/lib/content/files.ts';
import { checkContent, type Finding } from '../../src/lib/content-health/check.ts';

const root = join(import.meta.dirname, '../..');
const fixture = join(root, 'tests/fixtures/insights-content');
const now = new Date('2026-11-28T12:00:00Z');
const findings = checkContent(readArticles(fixture), readSite(fixture), now);

/** The findings of one kind as `file:line message`, to compare whole. */
const of = (kind: Finding['kind']) =>
	findings
		.filter((f) => f.kind === kind)
		.map((f) => `${f.severity} ${f.file}${f.line ? `:${f.line}` : ''} ${f.message}`);

describe('checkContent()', () => {
	test('returns nothing for a pair that links to headings, components, categories and home', () => {
		expect(findings.filter((f) => f.slug === 'good')).toEqual([]);
	});

	test('returns an error when an article has no translation', () => {
		expect(of('missing-translation')).toEqual([
			'error content/articles/nl/lonely.mdx has no en translation (content/articles/en/lonely.mdx)',
		]);
	});

	test('returns an error on the older file when translations are more than 90 days apart', () => {
		expect(of('stale-translation')).toEqual([
			'error content/articles/nl/stale.mdx updated 2026-05-01, 123 days before its en translation (2026-09-01); more than 90 days apart',
		]);
	});

	test('returns a warning when the translation is still a draft, and skips the draft itself', () => {
		expect(of('draft-translation')).toEqual([
			'warning content/articles/nl/drafty.mdx its en translation is still a draft',
		]);
		expect(findings.filter((f) => f.file === 'content/articles/en/drafty.mdx')).toEqual([]);
	});

	test('returns an error with the line for each link that leads nowhere', () => {
		expect(of('broken-link')).toEqual([
			'error content/articles/en/links.mdx:9 link ../drafty/ points to /en/drafty/, which is not a published article or category',
			'error content/articles/nl/links.mdx:9 link ../nope/ points to /nl/nope/, which is not a published article or category',
			'error content/articles/nl/links.mdx:11 link ../good must end with a slash (the site uses trailing slashes)',
			'error content/articles/nl/links.mdx:13 link /de/good/ does not point into a site language (/nl/, /en/)',
			'error content/articles/nl/links.mdx:15 link ../nope-either/ points to /nl/nope-either/, which is not a published article or category',
		]);
	});

	test('returns an error for anchors missing on the target, including component ids', () => {
		expect(of('broken-anchor')).toEqual([
			'error content/articles/nl/links.mdx:10 link ../good/#bestaat-niet: /nl/good/ has no heading or element with id "bestaat-niet"',
			'error content/articles/nl/links.mdx:12 link #nergens: /nl/links/ has no heading or element with id "nergens"',
			'error content/articles/nl/links.mdx:14 link ../good/#settings-icloud: /nl/good/ has no heading or element with id "settings-icloud"',
		]);
	});

	test('returns an error for images without alt text, Markdown and HTML, an empty alt included', () => {
		expect(of('image-alt')).toEqual([
			'error content/articles/nl/pictures.mdx:9 image a.png has no alt text',
			'error content/articles/nl/pictures.mdx:11 image b.png has no alt text',
			'error content/articles/nl/pictures.mdx:13 image c.png has no alt text',
		]);
	});

	test('returns an error when `updated` is not a date', () => {
		expect(of('no-date')).toEqual([
			'error content/articles/nl/undated.mdx has no valid `updated` date in its frontmatter',
		]);
	});

	test('returns a warning for articles not updated in 12 months', () => {
		expect(of('outdated')).toEqual([
			'warning content/articles/en/dusty.mdx not updated in 12 months (last 2025-10-01)',
			'warning content/articles/nl/dusty.mdx not updated in 12 months (last 2025-10-01)',
		]);
		const withinAYear = new Date('2026-09-30T00:00:00Z');
		const dusty = readArticles(fixture).filter((a) => a.slug === 'dusty');
		expect(checkContent(dusty, readSite(fixture), withinAYear)).toEqual([]);
	});

	test('returns no finding for the real content', () => {
		const real = checkContent(readArticles(root), readSite(root), now);
		expect(real.map(formatFinding)).toEqual([]);
	});
});

describe('runContentCheck()', () => {
	test('returns 1 and prints every finding and a summary when there are errors', () => {
		const lines: string[] = [];
		expect(runContentCheck(fixture, now, (line) => lines.push(line))).toBe(1);
		expect(lines.at(-1)).toBe('content:check: 14 errors, 3 warnings in 15 articles.');
		expect(lines).toContain(
			'content/articles/nl/pictures.mdx:9  error    image-alt  image a.png has no alt text',
		);
	});
});

describe('findingsSummary()', () => {
	test('returns singular words for one of each', () => {
		expect(findingsSummary([findings.find((f) => f.severity === 'error')!], 1)).toBe(
			'content:check: 1 error, 0 warnings in 1 article.',
		);
	});
});

describe('content-check.ts', () => {
	test('exits with 0 for the real content', () => {
		const result = spawnSync(process.execPath, ['scripts/content-check.ts'], {
			cwd: root,
			encoding: 'utf8',
		});
		expect(result.stdout).toMatch(/content:check: 0 errors, \d+ warnings? in \d+ articles\./);
		expect(result.status).toBe(0);
	});

	test('exits with 1 for the broken fixture', () => {
		const result = spawnSync(process.execPath, ['scripts/content-check.ts', fixture], {
			cwd: root,
			encoding: 'utf8',
		});
		expect(result.status).toBe(1);
		expect(result.stdout).toContain('missing-translation');
	});
});
