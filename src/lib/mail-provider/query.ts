/**
 * The API's query, validated with zod: `domain` (required, once, normalised to ASCII) and `lang`
 * (optional). Every problem names its field.
 */
import { domainToASCII } from 'node:url';
import { z } from 'astro/zod';
import { defaultLocale, locales, type Locale } from '../../i18n/locales.ts';
import type { FieldError } from '../feedback/problem.ts';
import { domainMessages, normaliseDomain } from './domain.ts';

/** The domain field: what the browser sends after stripping the part before the @. */
export const domainSchema = z.string({ error: domainMessages.empty }).transform((value, ctx) => {
	const result = normaliseDomain(value, domainToASCII, 'refuse');
	if (result.ok) return result.domain;
	ctx.addIssue({ code: 'custom', message: domainMessages[result.problem] });
	return z.NEVER;
});

const querySchema = z.object({
	domain: domainSchema,
	lang: z.enum(locales, { error: `must be one of: ${locales.join(', ')}` }).default(defaultLocale),
});

/** A valid query. */
export interface FinderQuery {
	domain: string;
	lang: Locale;
}

/** Reads the query of `url`; the field errors when it is not valid. */
export function parseFinderQuery(
	params: URLSearchParams,
): { ok: true; query: FinderQuery } | { ok: false; errors: FieldError[] } {
	const repeated = ['domain', 'lang'].filter((name) => params.getAll(name).length > 1);
	if (repeated.length > 0) {
		return {
			ok: false,
			errors: repeated.map((field) => ({ field, message: 'must be given once' })),
		};
	}
	const parsed = querySchema.safeParse({
		domain: params.get('domain') ?? undefined,
		lang: params.get('lang') || undefined,
	});
	if (parsed.success) return { ok: true, query: parsed.data };
	return {
		ok: false,
		errors: parsed.error.issues.map((i) => ({ field: String(i.path[0]), message: i.message })),
	};
}
