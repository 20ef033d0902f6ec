import type { Locale } from '../../i18n/locales.ts';
import type { LanguageSynonyms, SearchSynonyms } from '../../lib/search/synonyms.ts';
// Named imports let the bundle leave out the file's $comment.
import { en, nl } from '../../../content/search-synonyms.json';
import { meaningfulTerms } from './query.ts';

/** Checked at build time by the hc-pagefind integration (src/integrations/search-extras.ts). */
const synonyms = { nl, en } as unknown as Omit<SearchSynonyms, '$comment'>;

/** A query with its synonyms applied. */
export interface Expansion {
	/**
	 * The term lists to search: the query as typed (a page with the reader's own words counts),
	 * then with each synonym replaced by its first meaning, by its second, and so on.
	 */
	variants: string[][];
	/** A synonym's meaning on its own, searched as well but never taken for the whole query. */
	alone: string[][];
	/** The query's terms that a synonym replaced (not corrected for spelling). */
	replaced: string[];
	/** The meanings used, as term lists: a page whose keyword is one of them matches exactly. */
	meanings: string[][];
}

const key = (terms: readonly string[]) => terms.join(' ');
const cache = new Map<Locale, { words: Map<string, string[][]>; overviews: Map<string, string> }>();

/** The synonyms and overviews of a language, with every phrase split into query terms once. */
function tables(lang: Locale) {
	let table = cache.get(lang);
	if (!table) {
		const source: LanguageSynonyms = synonyms[lang];
		const words = new Map<string, string[][]>();
		for (const { words: typed, means } of source.synonyms) {
			const meanings = means.map((m) => meaningfulTerms(m, lang));
			for (const word of typed) words.set(key(meaningfulTerms(word, lang)), meanings);
		}
		const overviews = new Map<string, string>();
		for (const { article, words: typed } of source.overviews) {
			for (const word of typed) overviews.set(key(meaningfulTerms(word, lang)), article);
		}
		table = { words, overviews };
		cache.set(lang, table);
	}
	return table;
}

/** Longest phrase a synonym entry may have, in terms. */
const maxPhrase = 4;
/** More variants than this would mean as many searches per keystroke. */
const maxVariants = 3; // plus the query as typed

/**
 * Applies the synonyms of `content/search-synonyms.json` to a query's terms: "ipad" is searched
 * as "icloud", "tweestap" as each of "tweestapsverificatie", "verificatie 2 stappen" and
 * "twee factor authenticatie". Longer phrases win over their words ("nieuw wachtwoord").
 */
export function expandSynonyms(terms: readonly string[], lang: Locale): Expansion {
	const { words } = tables(lang);
	const spans: { from: number; to: number; meanings: string[][] }[] = [];
	for (let i = 0; i < terms.length;) {
		let found: (typeof spans)[number] | undefined;
		for (let length = Math.min(maxPhrase, terms.length - i); length > 0 && !found; length--) {
			const meanings = words.get(key(terms.slice(i, i + length)));
			if (meanings) found = { from: i, to: i + length, meanings };
		}
		if (found) spans.push(found);
		i = found ? found.to : i + 1;
	}
	if (spans.length === 0) return { variants: [[...terms]], alone: [], replaced: [], meanings: [] };
	const count = Math.min(maxVariants, Math.max(...spans.map((s) => s.meanings.length)));
	const variants = Array.from({ length: count }, (_, v) => {
		const out: string[] = [];
		let at = 0;
		for (const span of spans) {
			out.push(...terms.slice(at, span.from));
			out.push(...span.meanings[Math.min(v, span.meanings.length - 1)]!);
			at = span.to;
		}
		return [...out, ...terms.slice(at)];
	});
	// In a longer query the first synonym's meaning alone is searched too: "android telefoon"
	// then also finds the Gmail guide, which does not mention phones.
	const alone = terms.length > spans[0]!.to - spans[0]!.from ? [spans[0]!.meanings[0]!] : [];
	const all = [[...terms], ...variants];
	return {
		variants: [...new Map(all.map((v) => [key(v), v])).values()],
		alone: alone.filter((a) => !all.some((v) => key(v) === key(a))),
		replaced: spans.flatMap((s) => terms.slice(s.from, s.to)),
		meanings: spans.flatMap((s) => s.meanings),
	};
}

/**
 * The article that answers a query naming only a topic ("wachtwoorden", "foutmelding"): the
 * topic's overview, which then ranks above the provider guides that mention the word.
 */
export function overviewFor(terms: readonly string[], lang: Locale): string | undefined {
	return tables(lang).overviews.get(key(terms));
}
