import type { Locale } from '../../i18n/locales.ts';
import type { LanguageSynonyms } from '../../lib/search/synonyms.ts';
import { meaningfulTerms } from './query.ts';

/**
 * The synonyms and overviews of one language (`content/search-synonyms.json`, checked at build
 * time by the hc-pagefind integration): they come with the language's search-config.json, so a
 * page loads its own language's only.
 */
export interface Thesaurus {
	lang: Locale;
	synonyms: LanguageSynonyms;
}

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
const cache = new WeakMap<
	LanguageSynonyms,
	{ words: Map<string, string[][]>; overviews: Map<string, string> }
>();

/** The synonyms and overviews of a language, with every phrase split into query terms once. */
function tables({ lang, synonyms: source }: Thesaurus) {
	let table = cache.get(source);
	if (!table) {
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
		cache.set(source, table);
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
export function expandSynonyms(terms: readonly string[], thesaurus: Thesaurus): Expansion {
	const { words } = tables(thesaurus);
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
export function overviewFor(terms: readonly string[], thesaurus: Thesaurus): string | undefined {
	return tables(thesaurus).overviews.get(key(terms));
}
