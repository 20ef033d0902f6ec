import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { linkPackages } from '../../scripts/lib/link-packages.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';

const root = join(import.meta.dirname, '../..');
const copies: string[] = [];

afterAll(() => {
	for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

/**
 * Syncs content in a copy of the site of its own with one more article, with the given
 * frontmatter lines: each case has its own copy, so the cases run side by side.
 */
async function syncWith(frontmatter: string): Promise<{ status: number | null; output: string }> {
	const dir = mkdtempSync(join(tmpdir(), 'hc-content-'));
	copies.push(dir);
	for (const entry of ['package.json', 'astro.config.mjs', 'tsconfig.json', 'src', 'content']) {
		cpSync(join(root, entry), join(dir, entry), { recursive: true });
	}
	linkPackages(root, dir);
	writeFileSync(
		join(dir, 'content/articles/nl/broken.mdx'),
		`---\n${frontmatter}\n---\n\nTekst.\n`,
	);
	const child = spawn(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'sync'], {
		cwd: dir,
		env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
	});
	let output = '';
	child.stdout.on('data', (chunk: Buffer) => (output += chunk));
	child.stderr.on('data', (chunk: Buffer) => (output += chunk));
	const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
	return { status, output };
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

describe.concurrent('astro sync with a broken article', () => {
	test('succeeds for a valid article (control)', async () => {
		const { status, output } = await syncWith(frontmatter({}));
		expect(status, output).toBe(0);
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
	])('fails on %s, naming the file and the field', async (_, overrides, field) => {
		const { status, output } = await syncWith(frontmatter(overrides));
		expect(status).not.toBe(0);
		expect(output).toContain('nl/broken');
		expect(output).toMatch(field);
	});
});
