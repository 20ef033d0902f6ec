import { isCodeToken } from '../../lib/search/error-codes.ts';
import { excerptParts, type WordRange } from './excerpt.ts';
import type { ExcerptPart, PagefindFragment } from './types.ts';

/** Id of the hidden keywords paragraph, so result scoring can tell keywords from prose. */
export const keywordsId = 'hc-search-keywords';

/** A part of an article: the text before the first heading, or one h2/h3 section. */
export interface Region {
	/** Heading id; undefined for the top of the article. */
	id: string | undefined;
	title: string;
	/** Words of the region, heading excluded. */
	body: WordRange;
	/** Sum of Pagefind's scores for the matched words in the region (heading included). */
	score: number;
	/** Pagefind's score per query term found in the region. */
	terms: Map<string, number>;
}

/** How one result page matched: where to send the reader, and what to show. */
export interface PageMatch {
	/** The section that answers the query, or undefined for the top of the article. */
	destination: Region | undefined;
	excerpt: ExcerptPart[];
	/** Other matching sections, best first. */
	others: { region: Region; excerpt: ExcerptPart[] }[];
	/** The words that matched, as written on the page, for highlighting on arrival. */
	matchedWords: string[];
}

const wordCount = (text: string | undefined) =>
	text ? text.split(/\s+/).filter(Boolean).length : 0;
const normalise = (word: string) =>
	word.toLocaleLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');

/**
 * Whether a page word is a form of a query term: it contains the term ("app-wachtwoorden" for
 * "wachtwoord"), or both share all but the last three letters of the term ("intrekt" for
 * "intrekken", but not "wachten" for "wachtwoord"), which stands in for Pagefind's stemming.
 */
export function wordMatchesTerm(word: string, term: string): boolean {
	const w = normalise(word);
	const t = normalise(term);
	if (!w || !t) return false;
	if (w.includes(t)) return true;
	let common = 0;
	while (common < w.length && w[common] === t[common]) common++;
	return common >= Math.max(4, t.length - 3);
}

/**
 * Splits a result page into its top and its h2/h3 sections, scores each from Pagefind's weighted
 * word locations and decides where the result should link: to a section when that section holds
 * query words the title does not (and more of them than the top of the article), otherwise to
 * the article itself. The hidden keyword list counts for ranking but never for excerpts or
 * sections.
 */
export function matchPage(
	fragment: Pick<PagefindFragment, 'content' | 'anchors' | 'weighted_locations'>,
	terms: readonly string[],
	limits: { sections: number; excerptWords?: number },
): PageMatch {
	const words = fragment.content.split(/\s+/);
	// Status code tokens (indexed for search only) lead to their section but are never shown.
	const shown = words.map((w) => (isCodeToken(w) ? '' : w));
	const anchors = [...fragment.anchors].sort((a, b) => a.location - b.location);
	const h1 = anchors.find((a) => a.element === 'h1');
	const keywords = anchors.find((a) => a.id === keywordsId);
	const titleEnd = h1 ? h1.location + wordCount(h1.text) : 0;
	const keywordRange: WordRange = keywords
		? [keywords.location, keywords.location + wordCount(keywords.text)]
		: [0, 0];
	const headings = anchors.filter((a) => (a.element === 'h2' || a.element === 'h3') && a.id);
	const inKeywords = (p: number) => p >= keywordRange[0] && p < keywordRange[1];
	const located = fragment.weighted_locations.filter((w) => !inKeywords(w.location));
	const matched = new Set(located.map((w) => w.location));

	const region = (
		id: string | undefined,
		title: string,
		from: number,
		bodyFrom: number,
		to: number,
	): Region => {
		const inside = located.filter((w) => w.location >= from && w.location < to);
		const found = new Map<string, number>();
		for (const term of terms) {
			const hits = inside.filter((w) => wordMatchesTerm(words[w.location] ?? '', term));
			if (hits.length > 0)
				found.set(
					term,
					hits.reduce((sum, w) => sum + w.balanced_score, 0),
				);
		}
		const score = inside.reduce((sum, w) => sum + w.balanced_score, 0);
		return { id, title, body: [bodyFrom, to], score, terms: found };
	};

	const introFrom = Math.max(titleEnd, keywordRange[1]);
	const intro = region(
		undefined,
		h1?.text ?? '',
		introFrom,
		introFrom,
		headings[0]?.location ?? words.length,
	);
	const sections = headings.map((h, i) =>
		region(
			h.id,
			h.text ?? '',
			h.location,
			h.location + wordCount(h.text),
			headings[i + 1]?.location ?? words.length,
		),
	);
	// The title already answers the words it contains; the destination is the part of the
	// article that answers the rest, judged on those words alone.
	const titleTerms = region(undefined, '', 0, 0, titleEnd).terms;
	const extraScore = (r: Region) =>
		[...r.terms].reduce((sum, [term, score]) => sum + (titleTerms.has(term) ? 0 : score), 0);
	// A heading that holds the query word for word (an error text as printed) is the answer.
	const phrase = terms.length > 1 ? ` ${terms.join(' ')} ` : undefined;
	const verbatim = phrase
		? sections.find((s) => ` ${headingWords(s.title).join(' ')} `.includes(phrase))
		: undefined;
	const best =
		verbatim ??
		[intro, ...sections]
			.map((r) => ({ r, extra: extraScore(r) }))
			.filter(({ extra }) => extra > 0)
			.sort((a, b) => b.extra - a.extra)[0]?.r;
	const destination = best && best !== intro ? best : undefined;
	const length = limits.excerptWords ?? 24;
	const excerpt = destination
		? excerptParts(shown, matched, destination.body, length)
		: excerptParts(shown, matched, [introFrom, words.length], length);
	const others = sections
		.filter((s) => s !== destination && s.score > 0)
		.sort((a, b) => b.score - a.score)
		.slice(0, limits.sections)
		.map((s) => ({
			region: s,
			excerpt: excerptParts(shown, matched, s.body, Math.round(length * 0.6)),
		}));
	return {
		destination,
		excerpt,
		others,
		matchedWords: highlightWords(located.map((w) => shown[w.location] ?? '')),
	};
}

/** A heading's words as query terms: lower case, split on spaces, hyphens and punctuation. */
function headingWords(title: string): string[] {
	return title
		.toLocaleLowerCase()
		.split(/[^\p{L}\p{N}.@]+/u)
		.map((w) => w.replace(/^[.@]+|[.@]+$/g, ''))
		.filter(Boolean);
}

/**
 * The few words worth highlighting on arrival: distinct, lower case, and without forms that
 * contain a shorter one (the highlighter marks "wachtwoord" inside "app-wachtwoord" anyway).
 */
export function highlightWords(matched: readonly string[], limit = 5): string[] {
	const distinct = [...new Set(matched.map(normalise))]
		.filter((w) => w.length > 1)
		.sort((a, b) => a.length - b.length);
	const kept: string[] = [];
	for (const word of distinct) {
		if (!kept.some((k) => word.includes(k))) kept.push(word);
	}
	return kept.slice(0, limit);
}
