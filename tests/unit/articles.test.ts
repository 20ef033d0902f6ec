import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
	findTranslation,
	parseArticleId,
	relatedArticles,
	relatedFinder,
	siblings,
	sortArticles,
	type ArticleSummary,
} from '../../src/lib/articles.ts';
import type { Locale } from '../../src/i18n/locales.ts';

function article(
	lang: Locale,
	slug: string,
	category: string,
	order: number,
	providers: string[] = [],
): ArticleSummary {
	return {
		lang,
		slug,
		category,
		order,
		providers,
		title: `${lang} ${slug}`,
		description: '',
		updated: new Date('2026-01-01'),
		keywords: [],
		url: `/${lang}/${slug}/`,
	};
}

const categoryOrder = new Map([
	['basics', 1],
	['providers', 2],
]);
const all = sortArticles(
	[
		article('nl', 'gmail', 'providers', 2, ['gmail']),
		article('nl', 'icloud', 'providers', 1, ['icloud']),
		article('nl', 'settings', 'basics', 2, ['icloud', 'gmail']),
		article('nl', 'what', 'basics', 1),
		article('en', 'icloud', 'providers', 1, ['icloud']),
		article('nl', 'yahoo', 'providers', 3, ['yahoo']),
	],
	categoryOrder,
);

describe('parseArticleId()', () => {
	test('splits the language folder from the slug', () => {
		expect(parseArticleId('nl/icloud-mail')).toEqual({ lang: 'nl', slug: 'icloud-mail' });
	});

	test('throws naming the file when the folder is not a language', () => {
		expect(() => parseArticleId('de/icloud-mail')).toThrow('content/articles/de/icloud-mail.mdx');
	});

	test('throws when there is no language folder', () => {
		expect(() => parseArticleId('icloud-mail')).toThrow(/nl, en/);
	});
});

describe('sortArticles()', () => {
	test('orders by category, then by order', () => {
		expect(all.filter((a) => a.lang === 'nl').map((a) => a.slug)).toEqual([
			'what',
			'settings',
			'icloud',
			'gmail',
			'yahoo',
		]);
	});
});

describe('findTranslation()', () => {
	test('returns the article with the same slug in the other language', () => {
		expect(findTranslation(all, { slug: 'icloud' }, 'en')?.url).toBe('/en/icloud/');
	});

	test('returns undefined when there is no translation', () => {
		expect(findTranslation(all, { slug: 'gmail' }, 'en')).toBeUndefined();
	});
});

describe('relatedArticles()', () => {
	const icloud = all.find((a) => a.lang === 'nl' && a.slug === 'icloud')!;

	test('puts articles about the same provider before same-category ones', () => {
		expect(relatedArticles(all, icloud).map((a) => a.slug)).toEqual(['settings', 'gmail', 'yahoo']);
	});

	test('never returns the article itself or another language', () => {
		const related = relatedArticles(all, icloud);
		expect(related.every((a) => a.lang === 'nl' && a.slug !== 'icloud')).toBe(true);
	});

	test('respects the limit', () => {
		expect(relatedArticles(all, icloud, 1)).toHaveLength(1);
	});

	test('returns what scoring and sorting every candidate returns (best first, ties in site order)', () => {
		const reference = (list: ArticleSummary[], me: ArticleSummary, limit: number) =>
			list
				.filter((a) => a.lang === me.lang && a.slug !== me.slug)
				.map((a, index) => ({
					a,
					index,
					score:
						a.providers.filter((p) => me.providers.includes(p)).length * 2 +
						(a.category === me.category ? 1 : 0),
				}))
				.filter((x) => x.score > 0)
				.sort((x, y) => y.score - x.score || x.index - y.index)
				.slice(0, limit)
				.map((x) => x.a);
		const summary = fc
			.record({
				lang: fc.constantFrom<Locale>('nl', 'en'),
				slug: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
				category: fc.constantFrom('x', 'y', 'z'),
				providers: fc.subarray(['p', 'q', 'r']),
			})
			.map((a) => article(a.lang, a.slug, a.category, 0, a.providers));
		fc.assert(
			fc.property(
				fc.array(summary, { minLength: 1, maxLength: 30 }),
				fc.nat(),
				fc.nat(6),
				(list, i, limit) => {
					const me = list[i % list.length]!;
					expect(relatedArticles(list, me, limit)).toEqual(reference(list, me, limit));
					// One finder for every page of the list, as the build uses it.
					const find = relatedFinder(list);
					for (const a of list) expect(find(a, limit)).toEqual(reference(list, a, limit));
				},
			),
		);
	});
});

describe('siblings()', () => {
	test('returns previous and next within the category', () => {
		const gmail = all.find((a) => a.lang === 'nl' && a.slug === 'gmail')!;
		const { prev, next } = siblings(all, gmail);
		expect([prev?.slug, next?.slug]).toEqual(['icloud', 'yahoo']);
	});

	test('has no previous for the first article of a category', () => {
		const what = all.find((a) => a.slug === 'what')!;
		expect(siblings(all, what)).toEqual({ prev: undefined, next: all[1] });
	});
});
