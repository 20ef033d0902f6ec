import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { localeTags, locales, type Locale } from '../i18n/locales.ts';
import { parseSearchSynonyms, type SearchSynonyms } from '../lib/search/synonyms.ts';
import type { IndexExtras } from './pagefind-index.ts';
import type { SearchProvider } from './search-augment.ts';

/** The synonyms file, relative to the project root. */
export const synonymsFile = 'content/search-synonyms.json';

/**
 * Reads and checks `content/search-synonyms.json` against the articles of each language.
 * @throws naming the file and the field when it is invalid (stops the build)
 */
export async function loadSearchSynonyms(root: string): Promise<SearchSynonyms> {
	const articleIds = Object.fromEntries(
		await Promise.all(
			locales.map(async (lang) => {
				const files = await readdir(join(root, 'content/articles', lang));
				return [lang, files.filter((f) => f.endsWith('.mdx')).map((f) => f.slice(0, -4))];
			}),
		),
	) as Record<Locale, string[]>;
	const text = await readFile(join(root, synonymsFile), 'utf8');
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch (error) {
		throw new Error(`${synonymsFile} is not valid JSON: ${(error as Error).message}`, {
			cause: error,
		});
	}
	return parseSearchSynonyms(data, synonymsFile, articleIds);
}

/** What the search index adds to the pages: provider aliases and domains, synonym words. */
export async function loadIndexExtras(root: string): Promise<IndexExtras> {
	const synonyms = await loadSearchSynonyms(root);
	const providers = JSON.parse(
		await readFile(join(root, 'content/providers.json'), 'utf8'),
	) as SearchProvider[];
	const byTag = new Map(locales.map((lang) => [localeTags[lang].toLowerCase(), lang]));
	return {
		providers,
		extraWords: (pagefindLang) => {
			const lang = byTag.get(pagefindLang);
			return lang ? synonyms[lang].synonyms.flatMap((s) => s.words) : [];
		},
	};
}
