/**
 * The flags of `npm run feedback:report`: `node:util` `parseArgs` (strict) for their names,
 * zod for their values. Every mistake becomes a {@link UsageError} that names the flag.
 */
import { parseArgs } from 'node:util';
import { z } from 'astro/zod';
import { locales, type Locale } from '../../i18n/locales.ts';

/** A wrong flag or value: the CLI prints the message and exits with code 2. */
export class UsageError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'UsageError';
	}
}

/** Output formats of the report. */
export const reportFormats = ['table', 'csv', 'json'] as const;

/** One of {@link reportFormats}. */
export type ReportFormat = (typeof reportFormats)[number];

/** What the flags ask for. */
export interface ReportOptions {
	/** Only votes cast or changed on or after this day (UTC midnight). */
	since?: Date;
	lang?: Locale;
	article?: string;
	format: ReportFormat;
	/** A `postgres://` URL or a SQLite file path; absent means the FEEDBACK_* environment. */
	db?: string;
	/** The search log's report instead of the feedback's. */
	searches: boolean;
	help: boolean;
}

/** Usage text for `--help`. */
export const reportUsage = `Usage: npm run feedback:report -- [options]

Prints the feedback per article and language, the articles that need attention first;
with --searches, what readers searched for: queries without results first.

Options:
  --since <YYYY-MM-DD>    only votes cast or changed on or after this day (UTC)
  --lang <${locales.join('|')}>          only one language
  --article <id>          only one article (its file name, e.g. icloud-mail; not with --searches)
  --searches              the search log: queries without results, queries with results but
                          none opened, top queries, click-through rate, average rank opened,
                          e-mail domains the finder could not match
  --format <table|csv|json>  output format (default: table)
  --db <url or path>      a postgres:// URL or a SQLite file
                          (default: FEEDBACK_DATABASE_URL, FEEDBACK_DB_PATH or data/feedback.db)
  -h, --help              show this help

Exit codes: 0 done, 1 the database could not be read, 2 a wrong flag or value.`;

/** A calendar day that exists (2026-02-30 does not), as UTC midnight. */
const day = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
	.transform((value, context) => {
		const date = new Date(`${value}T00:00:00Z`);
		if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
			context.addIssue({ code: 'custom', message: 'expected a date that exists' });
			return z.NEVER;
		}
		return date;
	});

/** Per flag, the rule its value must follow. */
const valuesSchema = z.object({
	since: day.optional(),
	lang: z.enum(locales, { error: `expected one of: ${locales.join(', ')}` }).optional(),
	article: z
		.string()
		.regex(/^[a-z0-9-]+$/, 'expected an article id: lower-case letters, digits and hyphens')
		.optional(),
	format: z
		.enum(reportFormats, { error: `expected one of: ${reportFormats.join(', ')}` })
		.default('table'),
	db: z
		.string()
		.trim()
		.min(1, 'expected a postgres:// URL or a SQLite file path')
		.refine(
			(value) => /^postgres(ql)?:\/\//.test(value) || !/^[a-z][a-z0-9+.-]*:\/\//i.test(value),
			'expected a postgres:// URL or a SQLite file path (no other database is supported)',
		)
		.optional(),
	searches: z.boolean().default(false),
	help: z.boolean().default(false),
});

/**
 * Reads the report flags from `argv` (without the node and script paths).
 * @throws {UsageError} for an unknown flag, a missing value, a stray argument or a bad value.
 */
export function parseReportArgs(argv: readonly string[]): ReportOptions {
	let values: Record<string, unknown>;
	try {
		({ values } = parseArgs({
			args: [...argv],
			strict: true,
			allowPositionals: false,
			options: {
				since: { type: 'string' },
				lang: { type: 'string' },
				article: { type: 'string' },
				format: { type: 'string' },
				db: { type: 'string' },
				searches: { type: 'boolean' },
				help: { type: 'boolean', short: 'h' },
			},
		}));
	} catch (error) {
		// parseArgs already names the flag ("Unknown option '--foo'"); keep its words.
		throw new UsageError(error instanceof Error ? error.message : String(error));
	}
	const parsed = valuesSchema.safeParse(values);
	if (!parsed.success) {
		const issue = parsed.error.issues[0]!;
		const flag = String(issue.path[0]);
		throw new UsageError(`--${flag}: ${issue.message}, got "${String(values[flag])}".`);
	}
	const { since, lang, article, format, db, searches, help } = parsed.data;
	if (searches && article) {
		throw new UsageError(
			'--article: searches are not per article; leave out --article or --searches.',
		);
	}
	return {
		format,
		help,
		searches,
		...(since && { since }),
		...(lang && { lang }),
		...(article && { article }),
		...(db && { db }),
	};
}
