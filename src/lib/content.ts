import { getCollection, type CollectionEntry } from 'astro:content';
import type { Locale } from '../i18n/locales.ts';
import { sortArticles, toSummary, type ArticleSummary } from './articles.ts';
import type { Category, Provider } from './schemas.ts';

/** An article entry together with its summary. */
export interface Article {
	entry: CollectionEntry<'articles'>;
	summary: ArticleSummary;
}

/** Everything the pages need from the content, loaded once per build. */
export interface SiteContent {
	articles: Article[];
	/** Summaries of all published articles in both languages, in site order. */
	summaries: ArticleSummary[];
	categories: Category[];
	providers: Provider[];
}

let cache: Promise<SiteContent> | undefined;

async function load(): Promise<SiteContent> {
	const [entries, categoryEntries, providerEntries] = await Promise.all([
		getCollection('articles', ({ data }) => import.meta.env.DEV || !data.draft),
		getCollection('categories'),
		getCollection('providers'),
	]);
	const categories = categoryEntries.map((c) => c.data).sort((a, b) => a.order - b.order);
	const categoryOrder = new Map(categories.map((c) => [c.id, c.order]));
	const bySummary = new Map<ArticleSummary, CollectionEntry<'articles'>>();
	for (const entry of entries) bySummary.set(toSummary(entry.id, entry.data), entry);
	const summaries = sortArticles([...bySummary.keys()], categoryOrder);
	const clash = summaries.find((a) => categoryOrder.has(a.slug));
	if (clash) {
		throw new Error(
			`content/articles/${clash.lang}/${clash.slug}.mdx: the file name is also a category id; article and category URLs would collide.`,
		);
	}
	return {
		articles: summaries.map((summary) => ({ summary, entry: bySummary.get(summary)! })),
		summaries,
		categories,
		providers: providerEntries.map((p) => p.data),
	};
}

/** Loads and validates the site content (memoised for the whole build). */
export function getSiteContent(): Promise<SiteContent> {
	cache ??= load();
	return cache;
}

const byLanguage = new WeakMap<SiteContent, Map<Locale, readonly ArticleSummary[]>>();

/**
 * Published articles of one language, in site order. Every page asks (the search box in the
 * header), so each language's list is made once per content and shared: read-only.
 */
export function articlesIn(content: SiteContent, lang: Locale): readonly ArticleSummary[] {
	const lists = byLanguage.get(content) ?? new Map<Locale, readonly ArticleSummary[]>();
	byLanguage.set(content, lists);
	const list = lists.get(lang) ?? Object.freeze(content.summaries.filter((a) => a.lang === lang));
	lists.set(lang, list);
	return list;
}
