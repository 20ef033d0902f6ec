import type { Locale } from '../../i18n/locales.ts';
import type { SiteIndex } from '../../lib/site-index.ts';
import { articlesIn } from '../../lib/site.ts';
import type { FilterOptions } from './filters.ts';

/**
 * What the results page of a language offers to filter on (build time): the categories and
 * mail providers its articles have, in the site's order, with the labels the index holds.
 */
export function filterOptionsFor(
	content: Pick<SiteIndex, 'summaries' | 'categories' | 'providers'>,
	lang: Locale,
): FilterOptions {
	const articles = articlesIn(content, lang);
	return {
		category: content.categories
			.filter((c) => articles.some((a) => a.category === c.id))
			.map((c) => ({ id: c.id, label: c.title[lang] })),
		provider: content.providers
			.filter((p) => articles.some((a) => a.providers.includes(p.id)))
			.map((p) => ({ id: p.id, label: p.name })),
	};
}
