import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { locales } from '../../src/i18n/locales.ts';
import { clientDir, loadSite, type LoadedSite } from './helpers/site.ts';

let site: LoadedSite;
beforeAll(async () => {
	site = await loadSite();
}, 120_000);

describe('search configuration files', () => {
	test.each(locales)(
		'/%s/search-config.json holds the strings, suggestions and filters',
		async (lang) => {
			const config = JSON.parse(
				await readFile(join(clientDir, lang, 'search-config.json'), 'utf8'),
			);
			expect(config.lang).toBe(lang);
			expect(config.strings.noResults).toContain('{{query}}');
			expect(config.suggestions.length).toBeGreaterThan(0);
			for (const s of config.suggestions) expect(s.url).toMatch(new RegExp(`^/${lang}/`));
			expect(config.filters.category.length).toBeGreaterThan(0);
			// Its own language's synonyms only: the other language's stay out of its download.
			const synonyms = JSON.parse(await readFile('content/search-synonyms.json', 'utf8'));
			expect(config.synonyms).toEqual(synonyms[lang]);
		},
	);

	test.each(['pagefind.js', 'pagefind-worker.js'])(
		'Pagefind’s %s is minified, and still an ES module with its exports',
		async (name) => {
			const code = await readFile(join(clientDir, 'pagefind', name), 'utf8');
			// Pagefind's own local names (its gzip reader) are gone: the names were shortened too.
			expect(code).not.toContain('gz_default');
			if (name === 'pagefind.js') expect(code).toMatch(/export\s*\{[^}]*\bsearch\b/);
		},
	);

	test('every search box points at its language’s file, versioned by its content, with no inline copy', async () => {
		let boxes = 0;
		for (const page of site.pages) {
			for (const box of page.root.querySelectorAll('hc-search')) {
				boxes++;
				expect(box.getAttributeValue('data-config'), page.file).toBeNull();
				const src = String(box.getAttributeValue('data-config-src'));
				const url = new URL(src, 'https://help.example');
				const lang = url.pathname.split('/')[1] ?? '';
				expect(page.url.startsWith(`/${lang}/`) || page.url === '/', `${page.file}: ${src}`).toBe(
					true,
				);
				const json = await readFile(join(clientDir, url.pathname), 'utf8');
				const version = createHash('sha256').update(json).digest('hex').slice(0, 10);
				expect(url.searchParams.get('v'), `${page.file}: ${src}`).toBe(version);
			}
		}
		expect(boxes).toBeGreaterThan(site.pages.length / 2);
	});
});
