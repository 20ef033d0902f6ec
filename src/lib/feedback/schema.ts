import { z } from 'astro/zod';
import { locales, type Locale } from '../../i18n/locales.ts';
import { articleKey, type FeedbackArticles } from './articles.ts';
import { commentMaxLength, reasons, votes, type Reason, type Vote } from './contract.ts';
import type { FieldError } from './problem.ts';

/** A form sends an empty string for a field left blank; that means "not given". */
const blankIsAbsent = (value: unknown) => (value === '' ? undefined : value);

const string = { error: 'must be a string' };

/** C0 controls and DEL, except tab and line feed (a CR is normalised away first). */
// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u0008\u000b-\u001f\u007f]/;

/** The shape of each field. Rules that span fields or need the content are in {@link parseFeedback}. */
export const feedbackFieldsSchema = z.object({
	article: z
		.string({ error: 'is required: the article slug' })
		.max(200, 'is too long for an article slug')
		.regex(/^[a-z0-9-]+(\/[a-z0-9-]+)*$/, 'must be an article slug such as "icloud-mail"'),
	lang: z.enum(locales, { error: `must be one of: ${locales.join(', ')}` }),
	vote: z.enum(votes, { error: `must be one of: ${votes.join(', ')}` }),
	reasons: z
		.array(z.enum(reasons, { error: `must contain only: ${reasons.join(', ')}` }), {
			error: 'must be a list of reason ids',
		})
		.max(reasons.length, `must not list more than ${reasons.length} reasons`)
		.transform((list) => [...new Set(list)])
		.optional(),
	comment: z
		.string(string)
		// A browser submits a textarea's line breaks as CRLF but `maxlength` counts them as one.
		.transform((text) => text.replace(/\r\n?/g, '\n').trim())
		.pipe(
			z
				.string()
				// Counted in UTF-16 units, as `maxlength` and the widget's counter do: zod's `max` counts
				// code points once a string is over, so 1,000 emoji (2,000 units) would pass it.
				.refine(
					(text) => text.length <= commentMaxLength,
					`must be at most ${commentMaxLength} characters`,
				)
				// PostgreSQL text cannot hold NUL, and no reader types control characters.
				.refine((text) => !controlCharacters.test(text), 'must not contain control characters')
				.refine((text) => text.isWellFormed(), 'must be valid Unicode text'),
		)
		.optional(),
	section: z.preprocess(blankIsAbsent, z.string(string).max(200).optional()),
	captcha: z.preprocess(
		blankIsAbsent,
		z.string(string).max(8000, 'is not an ALTCHA payload').optional(),
	),
	visitor: z.preprocess(
		blankIsAbsent,
		z.uuid({ error: 'must be the anonymous visitor id (a UUID)' }).optional(),
	),
	website: z.unknown().optional(),
});

/** A feedback post that passed every rule. */
export interface Feedback {
	article: string;
	lang: Locale;
	vote: Vote;
	reasons: Reason[];
	comment: string | null;
	section: string | null;
	captcha: string | null;
	/** Lower-cased visitor id; null for a plain form post, which has no script to make one. */
	visitor: string | null;
	/** The article's `updated` date, stored with the vote. */
	articleUpdated: string;
	/** Reasons, a comment or a section were sent: needs `vote: no` and a captcha. */
	detailed: boolean;
	/** The hidden `website` field was filled in: a bot. */
	honeypot: boolean;
}

/** The result of {@link parseFeedback}: the feedback, or every bad field. */
export type ParseResult = { ok: true; feedback: Feedback } | { ok: false; errors: FieldError[] };

/** Zod issues as field errors, one per field (a huge array must not give a huge response). */
function fieldErrors(issues: readonly z.core.$ZodIssue[]): FieldError[] {
	const byField = new Map<string, string>();
	for (const issue of issues) {
		const field = String(issue.path[0] ?? 'body');
		if (!byField.has(field)) byField.set(field, issue.message);
	}
	return [...byField].map(([field, message]) => ({ field, message }));
}

/**
 * Validates a feedback post: each field's shape, that the article is published in that language,
 * that the section is one of its h2 ids, and that a detailed post is a "no" with a reason, a
 * captcha and a visitor id.
 */
export function parseFeedback(input: unknown, articles: FeedbackArticles): ParseResult {
	const parsed = feedbackFieldsSchema.safeParse(input);
	const errors = parsed.success ? [] : fieldErrors(parsed.error.issues);
	const bad = new Set(errors.map((e) => e.field));
	const fields = (input ?? {}) as Record<string, unknown>;
	const data = parsed.success ? parsed.data : undefined;
	const add = (field: string, message: string) => {
		if (!bad.has(field)) errors.push({ field, message });
		bad.add(field);
	};

	// A field zod did not complain about has the right shape, even when another field failed.
	const lang = bad.has('lang') ? undefined : (fields['lang'] as Locale);
	const slug = bad.has('article') ? undefined : (fields['article'] as string);
	const article = lang && slug ? articles.get(articleKey(lang, slug)) : undefined;
	if (lang && slug && !article) add('article', `is not a published article in "${lang}"`);
	if (!data) return { ok: false, errors };

	if (article && data.section && !article.sections.includes(data.section)) {
		add('section', `is not a section of this article; use one of: ${article.sections.join(', ')}`);
	}
	const reasonList = data.reasons ?? [];
	const detailed = reasonList.length > 0 || !!data.comment || !!data.section;
	if (detailed) {
		if (data.vote !== 'no')
			add('vote', 'must be "no" when reasons, a comment or a section are sent');
		if (reasonList.length === 0) add('reasons', 'select at least one reason');
		if (!data.captcha) add('captcha', 'is required when reasons, a comment or a section are sent');
		if (!data.visitor) add('visitor', 'is required when reasons, a comment or a section are sent');
	}
	if (errors.length > 0 || !article) return { ok: false, errors };

	const honeypot =
		data.website !== undefined && data.website !== null && String(data.website).trim() !== '';
	return {
		ok: true,
		feedback: {
			article: data.article,
			lang: data.lang,
			vote: data.vote,
			reasons: reasonList,
			comment: data.comment || null,
			section: data.section ?? null,
			captcha: data.captcha ?? null,
			visitor: data.visitor?.toLowerCase() ?? null,
			articleUpdated: article.updated,
			detailed,
			honeypot,
		},
	};
}
