import type { Locale } from '../../i18n/locales.ts';
import type { LanguageSynonyms } from '../../lib/search/synonyms.ts';
import type { PluralForms } from '../islands/strings.ts';
import type { FilterOptions } from './filters.ts';

/** Where a search box sits; it decides how results are shown. */
export type SearchVariant = 'header' | 'hero' | 'page';

/** A link the empty state suggests. */
export interface Suggestion {
	title: string;
	url: string;
}

/**
 * The UI strings the browser needs: raw i18next templates with `{{var}}` placeholders, shown with
 * `translate()` (src/components/islands/strings.ts).
 */
export interface SearchStrings {
	/** "3 results for ‘…’", by the language's plural rules. */
	resultCount: PluralForms;
	noResults: string;
	approximate: string;
	loading: string;
	unavailable: string;
	sectionsLabel: string;
	showAll: string;
	showMore: string;
	emptyHint: string;
	popularHeading: string;
	otherLanguage: string;
	contactLead: string;
	contactLink: string;
	documentTitle: string;
	clearFilters: string;
	/**
	 * "Showing results for {{query}}" after a spelling correction, and the link that searches the
	 * words as typed instead: used by the results page only (hc-search.ts drops them for the other
	 * boxes, whose status names the corrected words itself).
	 */
	corrected?: string;
	searchAsTyped?: string;
}

/** What every search box of a language shares: the file `/<lang>/search-config.json`. */
export interface SharedSearchConfig {
	lang: Locale;
	/** BCP 47 tag, for plural rules. */
	locale: string;
	siteName: string;
	supportUrl: string;
	/** The results page of the other language, to offer when nothing is found. */
	otherLanguageUrl: string;
	suggestions: Suggestion[];
	/** What the results page can filter on (the results page only). */
	filters?: FilterOptions;
	/** The language's synonyms and topic overviews (content/search-synonyms.json). */
	synonyms: LanguageSynonyms;
	strings: SearchStrings;
}

/** Everything a running `<hc-search>` knows: the shared file and where the box sits. */
export interface SearchConfig extends SharedSearchConfig {
	variant: SearchVariant;
}
