/**
 * The search's synonyms and topic overviews (`content/search-synonyms.json`): words readers type
 * mapped to the words the articles use, per language. Checked at build time, so a mistake stops
 * the build with the file and the field named; the browser's search bundles the checked file.
 */
import { z } from 'astro/zod';
import { locales, type Locale } from '../../i18n/locales.ts';

/** A word or a few words, as a reader would type them. */
const phrase = z
	.string()
	.trim()
	.min(1, 'must not be empty')
	.max(60, 'must be at most 60 characters')
	.refine((p) => p === p.toLocaleLowerCase(), 'must be lower case');

/** One mapping: any of `words` in a query is searched as each of `means`. */
const synonymSchema = z.object({
	/** What readers type: device and account words, former brand names, everyday verbs. */
	words: z.array(phrase).min(1, 'must list at least one word'),
	/** The words the articles use; list a word of `words` here to keep searching it as typed. */
	means: z.array(phrase).min(1, 'must list at least one word').max(4, 'must list at most 4'),
});

/** The article a one-topic query (a single generic word) opens with. */
const overviewSchema = z.object({
	/** Article id (file name without `.mdx`) in this language. */
	article: z
		.string()
		.regex(/^[a-z0-9-]+$/, 'must be an article id such as "what-is-an-app-password"'),
	/** Queries that name only this topic. */
	words: z.array(phrase).min(1, 'must list at least one word'),
});

const languageSchema = z.object({
	synonyms: z.array(synonymSchema),
	overviews: z.array(overviewSchema),
});

/** The whole file: one entry per site language. */
export const searchSynonymsSchema = z.object({
	$comment: z.string().optional(),
	...(Object.fromEntries(locales.map((lang) => [lang, languageSchema])) as Record<
		Locale,
		typeof languageSchema
	>),
});

/** Synonyms and overviews of every language. */
export type SearchSynonyms = z.infer<typeof searchSynonymsSchema>;
/** Synonyms and overviews of one language. */
export type LanguageSynonyms = z.infer<typeof languageSchema>;

/**
 * Checks the parsed file: its shape, and that every overview names an article of its language.
 * @param articleIds the article ids per language that the build publishes
 * @throws naming the file and the field (`nl.overviews[1].article`) of the first mistakes
 */
export function parseSearchSynonyms(
	data: unknown,
	file: string,
	articleIds: Record<Locale, readonly string[]>,
): SearchSynonyms {
	const result = searchSynonymsSchema.safeParse(data);
	const problems = result.success
		? []
		: result.error.issues.map((issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`);
	if (result.success) {
		for (const lang of locales) {
			result.data[lang].overviews.forEach(({ article }, i) => {
				if (!articleIds[lang].includes(article)) {
					problems.push(`${lang}.overviews.${i}.article: no article "${article}" in ${lang}`);
				}
			});
		}
	}
	if (problems.length > 0 || !result.success) {
		throw new Error(`${file} is invalid:\n  ${problems.join('\n  ')}`);
	}
	return result.data;
}
