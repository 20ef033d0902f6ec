import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { linkPackages } from '../../scripts/lib/link-packages.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const root = join(import.meta.dirname, '../..');
let dir: string;

beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'hc-content-'));
	for (const entry of ['package.json', 'astro.config.mjs', 'tsconfig.json', 'src', 'content']) {
		cpSync(join(root, entry), join(dir, entry), { recursive: true });
	}
	linkPackages(root, dir);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Adds one article with the given frontmatter lines to a copy of the site and syncs content. */
function syncWith(frontmatter: string): { status: number | null; output: string } {
	const file = join(dir, 'content/articles/nl/broken.mdx');
	writeFileSync(file, `---\n${frontmatter}\n---\n\nTekst.\n`);
	const result = spawnSync(join(root, 'node_modules/.bin/astro'), ['sync'], {
		cwd: dir,
		encoding: 'utf8',
		env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
	});
	rmSync(file);
	return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

const valid = {
	title: "title: 'Kapot'",
	description: "description: 'Een artikel met een fout.'",
	category: 'category: basics',
	providers: 'providers: [icloud]',
	updated: 'updated: 2026-11-28',
	order: 'order: 9',
};
const frontmatter = (overrides: Partial<Record<keyof typeof valid, string>>) =>
	Object.values({ ...valid, ...overrides })
		.filter(Boolean)
		.join('\n');

describe('astro sync with a broken article', () => {
	test('succeeds for a valid article (control)', () => {
		expect(syncWith(frontmatter({})).status).toBe(0);
	});

	test.each([
		['a missing title', { title: '' }, /title/],
		[
			'a category that does not exist',
			{ category: 'category: billing' },
			/category: Invalid option/,
		],
		[
			'an unknown provider',
			{ providers: 'providers: [icloud, hotmial]' },
			/providers\.1: Invalid option/,
		],
		['a date that is not a date', { updated: 'updated: gisteren' }, /updated.*YYYY-MM-DD/],
	])('fails on %s, naming the file and the field', (_, overrides, field) => {
		const { status, output } = syncWith(frontmatter(overrides));
		expect(status).not.toBe(0);
		expect(output).toContain('nl/broken');
		expect(output).toMatch(field);
	});
});
