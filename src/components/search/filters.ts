/**
 * The results page's filters: narrow a search to one category or one mail provider. The URL
 * carries ids (`?q=wachtwoord&provider=gmail`), stable across languages and wording; Pagefind
 * indexes the labels readers see (src/components/search/ArticleSearchMeta.astro).
 */

/** The Pagefind filters a reader can set, in the order the page shows them. */
export const filterNames = ['category', 'provider'] as const;

/** One filter of `filterNames`. */
export type FilterName = (typeof filterNames)[number];

/** A value a filter can take: the id in the URL and the label in the index and the page. */
export interface FilterOption {
	id: string;
	label: string;
}

/** The values each filter offers on a results page. */
export type FilterOptions = Record<FilterName, FilterOption[]>;

/** The ids a reader has chosen; a filter without a choice is absent. */
export type ChosenFilters = Partial<Record<FilterName, string>>;

/** The filters in a URL, keeping only ids the page offers (a stale or edited link is ignored). */
export function filtersFromUrl(url: URL, options: FilterOptions): ChosenFilters {
	const chosen: ChosenFilters = {};
	for (const name of filterNames) {
		const id = url.searchParams.get(name);
		if (id && options[name].some((o) => o.id === id)) chosen[name] = id;
	}
	return chosen;
}

/** Pagefind's `filters` option for the chosen ids: the indexed labels. */
export function pagefindFilters(
	chosen: ChosenFilters,
	options: FilterOptions,
): Record<string, string> | undefined {
	const filters: Record<string, string> = {};
	for (const name of filterNames) {
		const label = options[name].find((o) => o.id === chosen[name])?.label;
		if (label) filters[name] = label;
	}
	return Object.keys(filters).length > 0 ? filters : undefined;
}

/** Whether any filter is chosen. */
export function hasFilters(chosen: ChosenFilters): boolean {
	return filterNames.some((name) => chosen[name]);
}
