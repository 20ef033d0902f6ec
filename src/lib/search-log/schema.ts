/**
 * The body of `POST /api/search-log`, validated with zod: a settled search, or the rank of the
 * result opened from one. Unknown fields are refused, so nothing the server did not ask for can
 * reach the log; every problem names its field.
 */
import { z } from 'astro/zod';
import { locales, type Locale } from '../../i18n/locales.ts';
import type { FieldError } from '../feedback/problem.ts';
import { normaliseQuery } from './mask.ts';

/** How the search got its results: as typed, with spelling corrected, or a looser search. */
export const adjustments = ['none', 'corrected', 'partial'] as const;
export type Adjustment = (typeof adjustments)[number];

/** The longest query the browser may send (it is cut to 100 characters after masking). */
export const maxRawQueryLength = 200;

const id = z.uuid({ error: 'must be a UUID' });

const searchSchema = z.strictObject({
	type: z.literal('search'),
	id,
	lang: z.enum(locales, { error: `must be one of: ${locales.join(', ')}` }),
	query: z
		.string({ error: 'must be a string' })
		.max(maxRawQueryLength, { error: `must be at most ${maxRawQueryLength} characters` })
		.transform(normaliseQuery)
		.refine((query) => query !== '', { error: 'must not be empty' }),
	results: z.int({ error: 'must be a whole number' }).min(0).max(100_000),
	adjustment: z.enum(adjustments, { error: `must be one of: ${adjustments.join(', ')}` }),
});

const clickSchema = z.strictObject({
	type: z.literal('click'),
	id,
	rank: z.int({ error: 'must be a whole number' }).min(1).max(1000),
});

const bodySchema = z.discriminatedUnion('type', [searchSchema, clickSchema], {
	error: 'must be "search" or "click"',
});

/** A settled search, its query normalised and masked. */
export interface SearchReport {
	type: 'search';
	id: string;
	lang: Locale;
	query: string;
	results: number;
	adjustment: Adjustment;
}

/** The first result a reader opened from a search (1-based). */
export interface ClickReport {
	type: 'click';
	id: string;
	rank: number;
}

/** Validates a parsed JSON body; the field errors when it is not valid. */
export function parseSearchLog(
	body: unknown,
): { ok: true; report: SearchReport | ClickReport } | { ok: false; errors: FieldError[] } {
	const parsed = bodySchema.safeParse(body);
	if (parsed.success) return { ok: true, report: parsed.data };
	return {
		ok: false,
		errors: parsed.error.issues.map((issue) => ({
			field: issue.path.length > 0 ? issue.path.join('.') : 'body',
			message:
				issue.code === 'unrecognized_keys'
					? `unknown field(s): ${issue.keys.join(', ')}`
					: issue.message,
		})),
	};
}
