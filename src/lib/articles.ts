import { isLocale, locales, type Locale } from '../i18n/locales.ts';
import { pageUrl } from './urls.ts';

/** The parts of an article that lists, navigation and search need (no body). */
export interface ArticleSummary {
	/** Language, from the first folder of the file path. */
	lang: Locale;
	/** File name without extension; the same in every language. */
	slug: string;
	title: string;
	description: string;
	category: string;
	providers: string[];
	order: number;
	updated: Date;
	keywords: string[];
	/** Page URL, `/{lang}/{slug}/`. */
	url: string;
}

/**
 * Splits a content entry id (`nl/icloud-mail`) into language and slug.
 * @throws when the first folder is not a site language, naming the file.
 */
export function parseArticleId(id: string): { lang: Locale; slug: string } {
	const [lang, ...rest] = id.split('/');
	const slug = rest.join('/');
	if (!isLocale(lang) || !slug) {
		throw new Error(
			`content/articles/${id}.mdx: articles must live in content/articles/<lang>/ where <lang> is one of ${locales.join(', ')}.`,
		);
	}
	return { lang, slug };
}

/** Builds the summary of an article from its entry id and validated frontmatter. */
export function toSummary(
	id: string,
	data: Omit<ArticleSummary, 'lang' | 'slug' | 'url'>,
): ArticleSummary {
	const { lang, slug } = parseArticleId(id);
	return { ...data, lang, slug, url: pageUrl(lang, slug) };
}

/** Sorts by category position, then by `order`, then by title. */
export function sortArticles(
	articles: readonly ArticleSummary[],
	categoryOrder: ReadonlyMap<string, number>,
): ArticleSummary[] {
	return [...articles].sort(
		(a, b) =>
			(categoryOrder.get(a.category) ?? 0) - (categoryOrder.get(b.category) ?? 0) ||
			a.order - b.order ||
			a.title.localeCompare(b.title, a.lang),
	);
}

/** The same article in another language, if it has been translated. */
export function findTranslation(
	articles: readonly ArticleSummary[],
	article: Pick<ArticleSummary, 'slug'>,
	lang: Locale,
): ArticleSummary | undefined {
	return articles.find((a) => a.lang === lang && a.slug === article.slug);
}

/**
 * Articles worth reading next: same language, sharing a provider (weighs most) or the category.
 * Ties keep the site order. Keeps only the best `limit` while scanning (no sort of every
 * candidate), as this runs once per article page.
 */
export function relatedArticles(
	articles: readonly ArticleSummary[],
	article: ArticleSummary,
	limit = 4,
): ArticleSummary[] {
	const best: { a: ArticleSummary; score: number }[] = [];
	if (limit < 1) return [];
	for (const a of articles) {
		if (a.lang !== article.lang || a.slug === article.slug) continue;
		const score =
			a.providers.filter((p) => article.providers.includes(p)).length * 2 +
			(a.category === article.category ? 1 : 0);
		// Later articles only displace strictly better-scoring ones: ties keep the site order.
		if (score === 0 || (best.length === limit && score <= best.at(-1)!.score)) continue;
		const at = best.findIndex((b) => b.score < score);
		best.splice(at === -1 ? best.length : at, 0, { a, score });
		if (best.length > limit) best.pop();
	}
	return best.map((b) => b.a);
}

/** Previous and next article in the same category and language, in site order. */
export function siblings(
	articles: readonly ArticleSummary[],
	article: ArticleSummary,
): { prev: ArticleSummary | undefined; next: ArticleSummary | undefined } {
	const inCategory = articles.filter(
		(a) => a.lang === article.lang && a.category === article.category,
	);
	const index = inCategory.findIndex((a) => a.slug === article.slug);
	return { prev: inCategory[index - 1], next: inCategory[index + 1] };
}
