import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { searchPagePaths } from '../../src/components/search/paths.ts';
import { searchFor, target } from './search-helpers.ts';

/** A query a reader types, its kind, and the article (and section) that must come up for it. */
interface Expectation {
	query: string;
	slug: string;
	anchor?: string;
	group: string;
}

const fixture = JSON.parse(
	readFileSync(new URL('../fixtures/search-queries.json', import.meta.url), 'utf8'),
) as Record<'nl' | 'en', Expectation[]>;

/** Share of queries with their article in the top 3: overall, and for every group. */
const targets = { overall: 0.95, group: 0.9 };

interface Tally {
	total: number;
	top1: number;
	top3: number;
}

const percent = (n: number, of: number) => `${((100 * n) / of).toFixed(1)} %`;

/** The per-group table printed by the test (and copied into the README). */
function table(lang: string, groups: Map<string, Tally>): string {
	const all = [...groups.values()].reduce(
		(sum, t) => ({ total: sum.total + t.total, top1: sum.top1 + t.top1, top3: sum.top3 + t.top3 }),
		{ total: 0, top1: 0, top3: 0 },
	);
	const row = (name: string, t: Tally) =>
		`| ${name} | ${t.total} | ${percent(t.top1, t.total)} | ${percent(t.top3, t.total)} |`;
	return [
		`| ${lang} group | queries | top 1 | top 3 |`,
		'| --- | ---: | ---: | ---: |',
		...[...groups].map(([name, t]) => row(name, t)),
		row('**all**', all),
	].join('\n');
}

for (const lang of ['nl', 'en'] as const) {
	test(`${lang} fixture queries find their article in the top 3`, async ({ page }) => {
		test.setTimeout(300_000);
		await page.goto(searchPagePaths[lang]);
		const groups = new Map<string, Tally>();
		const failures: string[] = [];
		for (const { query, slug, anchor, group } of fixture[lang]) {
			const hits = (await searchFor(page, query)).slice(0, 3).map((h) => target(h.href));
			const rank = hits.findIndex((h) => h.path === `/${lang}/${slug}/`);
			const found = rank !== -1 && (!anchor || hits[rank]!.hash === anchor);
			const tally = groups.get(group) ?? { total: 0, top1: 0, top3: 0 };
			tally.total++;
			if (found) tally.top3++;
			if (found && rank === 0) tally.top1++;
			groups.set(group, tally);
			if (!found) {
				const shown = hits.map((h) => `${h.path}#${h.hash}`).join(', ');
				failures.push(
					`[${group}] "${query}": expected ${slug}${anchor ? `#${anchor}` : ''}, got [${shown}]`,
				);
			}
		}
		console.log(`search quality ${lang}:\n${table(lang, groups)}`);
		if (failures.length > 0) console.log(`  not in the top 3:\n  ${failures.join('\n  ')}`);

		const total = fixture[lang].length;
		expect(total, 'at least 80 queries per language').toBeGreaterThanOrEqual(80);
		const found = [...groups.values()].reduce((n, t) => n + t.top3, 0);
		expect(found / total, `top 3 overall (${failures.join('; ')})`).toBeGreaterThanOrEqual(
			targets.overall,
		);
		for (const [group, tally] of groups) {
			expect(tally.top3 / tally.total, `top 3 for ${group}`).toBeGreaterThanOrEqual(targets.group);
		}
	});
}
