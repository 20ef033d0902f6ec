/**
 * The search configuration of one language (build time): the strings, suggestions and filters
 * `<hc-search>` needs once a reader starts searching. It is the same for every page of a language,
 * so it is one file per language (`/<lang>/search-config.json`), fetched with the search code,
 * instead of a 2 KB attribute repeated in every page's header.
 */
import { localeTags, locales, type Locale } from '../../i18n/locales.ts';
import { pluralForms } from '../../i18n/island-strings.ts';
import { uiStrings } from '../../i18n/translations.ts';
import { articlesIn, siteIndex } from '../../lib/site.ts';
import { siteConfig } from '../../site.config.ts';
import type { LanguageSynonyms } from '../../lib/search/synonyms.ts';
import type { SharedSearchConfig } from './config.ts';
import { filterOptionsFor } from './filter-options.ts';
import { searchPagePaths } from './paths.ts';
// Named imports leave out the file's $comment; the hc-pagefind integration checks the file.
import { en, nl } from '../../../content/search-synonyms.json';
import { perLanguageJson } from '../versioned-json.ts';

/** What every search box of `lang` shares, with its JSON and a URL that changes when it does. */
export const searchConfigFile = perLanguageJson('search-config.json', searchConfigFor);

function searchConfigFor(lang: Locale): SharedSearchConfig {
	const raw = uiStrings(lang);
	const content = siteIndex;
	const otherLang = locales.find((l) => l !== lang) ?? lang;
	return {
		lang,
		locale: localeTags[lang],
		siteName: raw['site.name'],
		supportUrl: siteConfig.supportUrl,
		otherLanguageUrl: searchPagePaths[otherLang],
		// A few guides, not the whole category: the file grows with the knowledge base otherwise.
		suggestions: articlesIn(content, lang)
			.filter((a) => a.category === 'providers')
			.slice(0, 5)
			.map((a) => ({ title: a.title, url: a.url })),
		filters: filterOptionsFor(content, lang),
		synonyms: ({ nl, en } as Record<Locale, LanguageSynonyms>)[lang],
		strings: {
			resultCount: pluralForms(lang, 'search.resultCount'),
			noResults: raw['search.noResults'],
			approximate: raw['search.approximate'],
			loading: raw['search.loading'],
			unavailable: raw['search.unavailable'],
			sectionsLabel: raw['search.sectionsLabel'],
			showAll: raw['search.showAll'],
			showMore: raw['search.showMore'],
			emptyHint: raw['search.emptyHint'],
			popularHeading: raw['search.popularHeading'],
			otherLanguage: raw['search.otherLanguage'],
			contactLead: raw['footer.contactLead'],
			contactLink: raw['footer.contactLink'],
			documentTitle: raw['search.documentTitle'],
			clearFilters: raw['search.clearFilters'],
			corrected: raw['search.corrected'],
			searchAsTyped: raw['search.searchAsTyped'],
		},
	};
}
