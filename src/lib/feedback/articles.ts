import type { Locale } from '../../i18n/locales.ts';

/** What the API needs to know about one published article in one language. */
export interface FeedbackArticle {
	/** The article's `updated` frontmatter date (`YYYY-MM-DD`), stored with each vote. */
	updated: string;
	/** Ids of the article's h2 headings: the valid values of the `section` field. */
	sections: readonly string[];
}

/** Published articles by `{lang}/{slug}`; build it with {@link articleIndex}. */
export type FeedbackArticles = ReadonlyMap<string, FeedbackArticle>;

/** The key of an article in {@link FeedbackArticles}. */
export function articleKey(lang: Locale, slug: string): string {
	return `${lang}/${slug}`;
}

/** One article as the content gives it: summary fields plus its rendered headings. */
export interface ArticleSource {
	lang: Locale;
	slug: string;
	updated: Date;
	headings: readonly { depth: number; slug: string }[];
}

/** Builds the lookup the handler validates `article`, `lang` and `section` against. */
export function articleIndex(sources: Iterable<ArticleSource>): FeedbackArticles {
	const index = new Map<string, FeedbackArticle>();
	for (const { lang, slug, updated, headings } of sources) {
		index.set(articleKey(lang, slug), {
			updated: updated.toISOString().slice(0, 10),
			sections: headings.filter((h) => h.depth === 2).map((h) => h.slug),
		});
	}
	return index;
}

/**
 * The part of the site index (src/lib/site-index.ts) the API reads: each published article's
 * language, slug and date, and its h2 headings by `{lang}/{slug}`.
 */
export interface PublishedArticles {
	summaries: readonly { lang: Locale; slug: string; updated: Date }[];
	sections: Readonly<Record<string, readonly { slug: string }[] | undefined>>;
}

/** The published articles as {@link articleIndex} takes them. */
export function articleSources({ summaries, sections }: PublishedArticles): ArticleSource[] {
	return summaries.map(({ lang, slug, updated }) => ({
		lang,
		slug,
		updated,
		headings: (sections[articleKey(lang, slug)] ?? []).map((s) => ({ depth: 2, slug: s.slug })),
	}));
}
