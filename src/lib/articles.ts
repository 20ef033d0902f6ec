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
 * Ties keep the site order. For one page; pages in a loop use {@link relatedFinder}.
 */
export function relatedArticles(
	articles: readonly ArticleSummary[],
	article: ArticleSummary,
	limit = 4,
): ArticleSummary[] {
	return relatedFinder(articles)(article, limit);
}

/**
 * {@link relatedArticles} for many pages of one list: the list is indexed once by provider and
 * category, and a page visits only the articles that share a provider with it (its score is
 * twice the shared providers, plus one for the same category), then the first articles of its
 * category. Scoring every article for every page made the build grow with the square of the
 * knowledge base: 7 s of scoring at 5,000 articles per language, against 0.4 s at 1,000.
 */
export function relatedFinder(
	articles: readonly ArticleSummary[],
): (article: ArticleSummary, limit?: number) => ArticleSummary[] {
	const byProvider = new Map<string, number[]>();
	const byCategory = new Map<string, number[]>();
	for (const [i, a] of articles.entries()) {
		// Once per listed provider, as the score counts them.
		for (const p of a.providers) {
			const withProvider = byProvider.get(p) ?? [];
			withProvider.push(i);
			byProvider.set(p, withProvider);
		}
		const inCategory = byCategory.get(a.category) ?? [];
		inCategory.push(i);
		byCategory.set(a.category, inCategory);
	}
	const shared = new Uint16Array(articles.length);
	return (article, limit = 4) => {
		if (limit < 1) return [];
		const isCandidate = (a: ArticleSummary) => a.lang === article.lang && a.slug !== article.slug;
		const touched: number[] = [];
		for (const p of new Set(article.providers)) {
			for (const i of byProvider.get(p) ?? []) {
				if (shared[i] === 0) touched.push(i);
				shared[i] = shared[i]! + 1;
			}
		}
		// Best first; equal scores in site order.
		const best: { i: number; score: number }[] = [];
		for (const i of touched) {
			const a = articles[i]!;
			if (!isCandidate(a)) continue;
			const score = shared[i]! * 2 + (a.category === article.category ? 1 : 0);
			const last = best.length >= limit ? best.at(-1)! : undefined;
			if (last && (score < last.score || (score === last.score && i > last.i))) continue;
			const at = best.findIndex((b) => b.score < score || (b.score === score && b.i > i));
			best.splice(at === -1 ? best.length : at, 0, { i, score });
			if (best.length > limit) best.pop();
		}
		// Then the category's other articles (score 1), in site order.
		for (const i of byCategory.get(article.category) ?? []) {
			if (best.length >= limit) break;
			if (shared[i] === 0 && isCandidate(articles[i]!)) best.push({ i, score: 1 });
		}
		for (const i of touched) shared[i] = 0;
		return best.map((b) => articles[b.i]!);
	};
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
