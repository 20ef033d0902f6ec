import type { GetStaticPaths } from 'astro';
import { locales, type Locale } from '../i18n/locales.ts';
import { findTranslation, relatedFinder, siblings, type ArticleSummary } from './articles.ts';
import { getSiteContent, type Article } from './content/collection.ts';
import { categoryPageUrl, pageCount, pageOf } from './browse.ts';
import { articlesIn } from './site.ts';
import type { Category } from './schemas.ts';
import { homeUrl, pageUrl } from './urls.ts';

/** One static path per language, for pages that exist once per language. */
export const getStaticPaths = (() =>
	locales.map((lang) => ({ params: { lang } }))) satisfies GetStaticPaths;

/** A link in the breadcrumb trail. */
export interface Crumb {
	label: string;
	href: string;
}

/** Everything an article page shows besides its body, computed once here. */
export interface ArticlePageData {
	kind: 'article';
	article: Article;
	category: Category;
	alternates: Partial<Record<Locale, string>>;
	related: ArticleSummary[];
	prev: ArticleSummary | undefined;
	next: ArticleSummary | undefined;
}

/** A category page: one page of its articles, where that page is, and the other categories. */
export interface CategoryPageData {
	kind: 'category';
	category: Category;
	/** The articles of this page: at most 50 (browse.ts). */
	articles: ArticleSummary[];
	/** 1-based page number, and how many pages the category has in this language. */
	page: number;
	pages: number;
	/** All of the category's articles in this language. */
	total: number;
	others: { category: Category; count: number }[];
	/** Only to the same page number in a language where the category has that many pages. */
	alternates: Partial<Record<Locale, string>>;
}

/** The site content with the groupings both page routes need (by language, slug, category). */
async function groupContent() {
	const content = await getSiteContent();
	const byLang = new Map(locales.map((lang) => [lang, articlesIn(content, lang)]));
	const bySlug = Map.groupBy(content.summaries, (a) => a.slug);
	const inCategory = new Map(
		locales.map((lang) => [
			lang,
			Map.groupBy(byLang.get(lang) ?? [], (a) => a.category) as Map<string, ArticleSummary[]>,
		]),
	);
	const related = new Map(locales.map((lang) => [lang, relatedFinder(byLang.get(lang) ?? [])]));
	return { content, byLang, bySlug, inCategory, related };
}

let grouped: ReturnType<typeof groupContent> | undefined;

/** {@link groupContent}, made once per build for both page routes (as getSiteContent is). */
function groupedContent(): ReturnType<typeof groupContent> {
	grouped ??= groupContent();
	return grouped;
}

/**
 * Every page of every category, in every language: page 1 at the category's URL, then
 * `/<lang>/<category>/2/` and on, 50 articles a page (browse.ts).
 */
async function categoryPages(): Promise<{ lang: Locale; data: CategoryPageData }[]> {
	const { content, inCategory } = await groupedContent();
	const listOf = (lang: Locale, id: string) => inCategory.get(lang)?.get(id) ?? [];
	return locales.flatMap((lang) =>
		content.categories.flatMap((category) => {
			const articles = listOf(lang, category.id);
			const pages = pageCount(articles.length);
			const others = content.categories
				.filter((c) => c.id !== category.id)
				.map((c) => ({ category: c, count: listOf(lang, c.id).length }));
			return Array.from({ length: pages }, (_, i) => {
				const page = i + 1;
				const alternates = Object.fromEntries(
					locales
						.filter((l) => page <= pageCount(listOf(l, category.id).length))
						.map((l) => [l, categoryPageUrl(l, category.id, page)]),
				);
				const data: CategoryPageData = {
					kind: 'category',
					category,
					articles: pageOf(articles, page),
					page,
					pages,
					total: articles.length,
					others,
					alternates,
				};
				return { lang, data };
			});
		}),
	);
}

/**
 * Paths and props for the first page of every category, in every language. A route of its own
 * (not the articles'), so an article page does not carry the category page's styles.
 */
export async function getCategoryPaths() {
	return (await categoryPages())
		.filter(({ data }) => data.page === 1)
		.map(({ lang, data }) => ({
			params: { lang, category: data.category.id },
			props: { page: data },
		}));
}

/** Paths and props for the further pages of the categories (`/<lang>/<category>/2/` and on). */
export async function getCategoryPagePaths() {
	return (await categoryPages())
		.filter(({ data }) => data.page > 1)
		.map(({ lang, data }) => ({
			params: { lang, category: data.category.id, page: String(data.page) },
			props: { page: data },
		}));
}

/**
 * Paths and props for every article page, in every language. The lookups each page needs (its
 * translations, its category's order, related candidates) come from lists grouped once, so the
 * work per page stays flat as the knowledge base grows instead of scanning every article of both
 * languages for each of them.
 */
export async function getArticlePaths() {
	const { content, bySlug, inCategory, related } = await groupedContent();
	return content.articles.map((article) => {
		const { summary } = article;
		const category = content.categories.find((c) => c.id === summary.category)!;
		const translations = bySlug.get(summary.slug) ?? [];
		const data: ArticlePageData = {
			kind: 'article',
			article,
			category,
			alternates: Object.fromEntries(
				locales.flatMap((l) => {
					const translation = findTranslation(translations, summary, l);
					return translation ? [[l, translation.url]] : [];
				}),
			),
			related: related.get(summary.lang)?.(summary) ?? [],
			...siblings(inCategory.get(summary.lang)?.get(summary.category) ?? [], summary),
		};
		return { params: { lang: summary.lang, slug: summary.slug }, props: { page: data } };
	});
}

/** Breadcrumb trail from the language's home down to a category. */
export function categoryCrumbs(lang: Locale, category: Category, homeLabel: string): Crumb[] {
	return [
		{ label: homeLabel, href: homeUrl(lang) },
		{ label: category.title[lang], href: pageUrl(lang, category.id) },
	];
}
