/**
 * The site index as the pages and the server routes use it: everything about the content but the
 * article bodies (src/lib/site-index.ts). Importing this never pulls compiled MDX into a bundle,
 * so components that on-demand routes render (the header's search box, the 404 page) and the
 * feedback API read the content from here; only pages that show an article body need
 * `astro:content` (src/lib/content/collection.ts).
 */
import index from 'virtual:hc/site-index';
import type { Locale } from '../i18n/locales.ts';
import type { ArticleSummary } from './articles.ts';
import type { SiteIndex } from './site-index.ts';

/** The site index of this build. */
export const siteIndex: SiteIndex = index;

const byLanguage = new WeakMap<object, Map<Locale, readonly ArticleSummary[]>>();

/**
 * Published articles of one language, in site order. Every page asks (the search box in the
 * header), so each language's list is made once per content and shared: read-only.
 */
export function articlesIn(
	content: { readonly summaries: readonly ArticleSummary[] },
	lang: Locale,
): readonly ArticleSummary[] {
	const lists = byLanguage.get(content) ?? new Map<Locale, readonly ArticleSummary[]>();
	byLanguage.set(content, lists);
	const list = lists.get(lang) ?? Object.freeze(content.summaries.filter((a) => a.lang === lang));
	lists.set(lang, list);
	return list;
}
