import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { searchPagePaths } from '../../src/components/search/paths.ts';
import { searchFor, target } from './search-helpers.ts';

/** A query a reader types and the article (and section) that must come up for it. */
interface Expectation {
	query: string;
	slug: string;
	anchor?: string;
}

const fixture = JSON.parse(
	readFileSync(new URL('../fixtures/search-queries.json', import.meta.url), 'utf8'),
) as Record<'nl' | 'en', Expectation[]>;

for (const lang of ['nl', 'en'] as const) {
	test(`every ${lang} fixture query finds its article in the top 3`, async ({ page }) => {
		test.setTimeout(120_000);
		await page.goto(searchPagePaths[lang]);
		const failures: string[] = [];
		let top1 = 0;
		const notFirst: string[] = [];
		for (const { query, slug, anchor } of fixture[lang]) {
			const hits = (await searchFor(page, query)).slice(0, 3).map((h) => target(h.href));
			const rank = hits.findIndex((h) => h.path === `/${lang}/${slug}/`);
			const shown = hits.map((h) => `${h.path}#${h.hash}`).join(', ');
			if (rank === -1) failures.push(`"${query}": expected ${slug}, got [${shown}]`);
			else if (anchor && hits[rank]!.hash !== anchor) {
				failures.push(`"${query}": expected #${anchor}, got [${shown}]`);
			} else if (rank === 0) top1++;
			else notFirst.push(`"${query}" (#${rank + 1})`);
		}
		const total = fixture[lang].length;
		console.log(
			`search quality ${lang}: top-1 ${top1}/${total} (${((100 * top1) / total).toFixed(1)} %), top-3 ${total - failures.length}/${total}`,
		);
		if (notFirst.length > 0) console.log(`  second or third: ${notFirst.join(', ')}`);
		expect(failures).toEqual([]);
	});
}
