/**
 * How lists of articles are cut down so no page grows with the knowledge base (issue 14): the
 * home and the search page show a category's first few articles, a category page at most
 * {@link articlesPerPage} a page.
 */
import type { Locale } from '../i18n/locales.ts';
import type { ArticleSummary } from './articles.ts';
import { pageUrl } from './urls.ts';

/** Articles on one category page: 50 with descriptions stay under 60 KB and 1,500 elements. */
export const articlesPerPage = 50;

/** Articles a topic card on the home and the search page shows. */
export const topArticleCount = 5;

/** A category's most important articles: lowest `order` first, then title; at most `count`. */
export function topArticles(
	articles: readonly ArticleSummary[],
	count = topArticleCount,
): ArticleSummary[] {
	return [...articles]
		.sort((a, b) => a.order - b.order || a.title.localeCompare(b.title, a.lang))
		.slice(0, count);
}

/** How many pages `total` items make, `perPage` a page; an empty list still has its page 1. */
export function pageCount(total: number, perPage = articlesPerPage): number {
	if (!Number.isInteger(perPage) || perPage < 1) {
		throw new Error(`perPage: expected a whole number of at least 1, got ${perPage}`);
	}
	return Math.max(1, Math.ceil(total / perPage));
}

/** Page `page` (1-based) of `items`. */
export function pageOf<T>(items: readonly T[], page: number, perPage = articlesPerPage): T[] {
	return items.slice((page - 1) * perPage, page * perPage);
}

/** URL of page `page` of a category: page 1 is the category's own URL, then `…/<id>/2/`. */
export function categoryPageUrl(lang: Locale, categoryId: string, page: number): string {
	return page === 1 ? pageUrl(lang, categoryId) : `${pageUrl(lang, categoryId)}${page}/`;
}

/**
 * The page numbers a pagination bar shows: the first and the last, and the current one with
 * `around` on each side; `'gap'` where numbers are left out (a gap of one number shows it instead).
 * Up to seven pages, all of them.
 */
export function pageNumbers(current: number, total: number, around = 2): (number | 'gap')[] {
	if (total <= 2 * around + 3) return Array.from({ length: total }, (_, i) => i + 1);
	const shown = new Set([1, total]);
	for (let n = current - around; n <= current + around; n++) {
		if (n >= 1 && n <= total) shown.add(n);
	}
	const sorted = [...shown].sort((a, b) => a - b);
	const result: (number | 'gap')[] = [];
	for (const n of sorted) {
		const previous = result.at(-1);
		if (typeof previous === 'number' && n - previous === 2) result.push(n - 1);
		else if (typeof previous === 'number' && n - previous > 2) result.push('gap');
		result.push(n);
	}
	return result;
}
