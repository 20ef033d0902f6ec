import type { Locale } from '../../i18n/locales.ts';
import type { FilterOptions } from './filters.ts';

/** Where a search box sits; it decides how results are shown. */
export type SearchVariant = 'header' | 'hero' | 'page';

/** A link the empty state suggests. */
export interface Suggestion {
	title: string;
	url: string;
}

/** The UI strings the browser needs, raw i18next templates with `{{var}}` placeholders. */
export interface SearchStrings {
	resultCountOne: string;
	resultCountOther: string;
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
	 * words as typed instead: results page only (article pages stay within their weight budget;
	 * the header and home boxes name the corrected words in their status).
	 */
	corrected?: string;
	searchAsTyped?: string;
}

/** Everything `<hc-search>` reads from its `data-config` attribute. */
export interface SearchConfig {
	lang: Locale;
	/** BCP 47 tag, for plural rules. */
	locale: string;
	variant: SearchVariant;
	siteName: string;
	supportUrl: string;
	/** The results page of the other language, to offer when nothing is found. */
	otherLanguageUrl: string;
	suggestions: Suggestion[];
	/** What the results page can filter on (the results page only). */
	filters?: FilterOptions;
	strings: SearchStrings;
}

/** Replaces `{{name}}` placeholders, as i18next would. */
export function format(template: string, values: Record<string, string | number>): string {
	return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) =>
		name in values ? String(values[name]) : whole,
	);
}

/** "1 result" or "3 results", by the language's plural rules. */
export function resultCount(config: SearchConfig, count: number, query: string): string {
	const rule = new Intl.PluralRules(config.locale).select(count);
	const template = rule === 'one' ? config.strings.resultCountOne : config.strings.resultCountOther;
	return format(template, { count, query });
}
