/**
 * The pages' view of the content (build time): the site index's articles with their
 * `astro:content` entries, which `render()` turns into the article body. Everything else reads
 * the files through `files.ts`.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { ArticleSummary } from '../articles.ts';
import type { Category, Provider } from '../schemas.ts';
import { siteIndex } from '../site.ts';

/** An article entry together with its summary. */
export interface Article {
	entry: CollectionEntry<'articles'>;
	summary: ArticleSummary;
}

/** Everything the pages need from the content, with the entries to render, loaded once per build. */
export interface SiteContent {
	articles: Article[];
	/** Summaries of all published articles in both languages, in site order. */
	summaries: ArticleSummary[];
	categories: Category[];
	providers: Provider[];
}

let cache: Promise<SiteContent> | undefined;

/**
 * The site index's articles with their collection entries. The index says what is published and
 * in which order; the collection holds what `render()` needs to show the body.
 */
async function load(): Promise<SiteContent> {
	const entries = new Map((await getCollection('articles')).map((entry) => [entry.id, entry]));
	const { summaries, categories, providers } = siteIndex;
	return {
		articles: summaries.map((summary) => {
			const entry = entries.get(`${summary.lang}/${summary.slug}`);
			if (!entry) {
				throw new Error(
					`content/articles/${summary.lang}/${summary.slug}.mdx: in the site index but not in the articles collection.`,
				);
			}
			return { summary, entry };
		}),
		summaries,
		categories,
		providers,
	};
}

/** Loads the site content (memoised for the whole build). */
export function getSiteContent(): Promise<SiteContent> {
	cache ??= load();
	return cache;
}
