/**
 * `npm run feedback:report` without the process around it: flags in, text out, an exit code
 * back. `scripts/feedback-report.ts` wires it to `process`; tests call it directly.
 */
import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { isPostgresUrl, storeConfig, type DatabaseConfig } from '../store/config.ts';
import { openStore } from '../store/open.ts';
import type { FeedbackStore } from '../store/store.ts';
import { searchesCsv, searchesJson, searchesTable } from '../search-log/format.ts';
import { summariseSearches } from '../search-log/summary.ts';
import { parseReportArgs, reportUsage, UsageError, type ReportOptions } from './args.ts';
import { formatCsv, formatJson, formatTable } from './format.ts';
import { summarizeVotes } from '../votes/summary.ts';

/** Most votes one report reads; past this it says so instead of silently leaving votes out. */
export const reportVoteLimit = 1_000_000;

/** What the CLI runs in. */
export interface ReportIo {
	env: Record<string, string | undefined>;
	cwd: string;
	stdout: (text: string) => void;
	stderr: (text: string) => void;
	now?: Date;
}

/** `--db` when given, else the same FEEDBACK_* settings the server uses. */
function databaseOf(options: ReportOptions, io: ReportIo): DatabaseConfig {
	if (!options.db) return storeConfig(io.env, io.cwd).database;
	if (isPostgresUrl(options.db)) return { kind: 'postgres', url: options.db };
	return { kind: 'sqlite', path: isAbsolute(options.db) ? options.db : join(io.cwd, options.db) };
}

/** Most search-log rows one report reads. */
export const reportSearchLimit = 1_000_000;

/** The `--searches` report, in the chosen format. */
async function searchReport(
	store: FeedbackStore,
	options: ReportOptions,
	io: ReportIo,
): Promise<string> {
	const rows = await store.listSearches({
		...(options.since && { since: options.since }),
		...(options.lang && { lang: options.lang }),
		limit: reportSearchLimit,
	});
	if (rows.length === reportSearchLimit) {
		io.stderr(`feedback:report: only the newest ${reportSearchLimit} searches are counted.\n`);
	}
	const generatedAt = io.now ?? new Date();
	const summary = summariseSearches(rows, {
		...(options.since && { from: options.since }),
		to: generatedAt,
	});
	const meta = {
		generatedAt,
		...(options.since && { since: options.since }),
		...(options.lang && { lang: options.lang }),
	};
	if (options.format === 'csv') return searchesCsv(summary);
	if (options.format === 'json') return searchesJson(summary, meta);
	return searchesTable(summary, meta);
}

/** Runs the report; resolves to the exit code (0 done, 1 storage failure, 2 usage). */
export async function runReport(argv: readonly string[], io: ReportIo): Promise<number> {
	let options: ReportOptions;
	let database: DatabaseConfig;
	try {
		options = parseReportArgs(argv);
		database = databaseOf(options, io);
	} catch (error) {
		// A malformed FEEDBACK_* variable is a usage mistake as much as a wrong flag.
		const message = error instanceof Error ? error.message : String(error);
		io.stderr(`feedback:report: ${message}\nRun "npm run feedback:report -- --help" for usage.\n`);
		return 2;
	}
	if (options.help) {
		io.stdout(`${reportUsage}\n`);
		return 0;
	}
	// Opening a missing SQLite file would create an empty database and report "no votes".
	if (database.kind === 'sqlite' && !existsSync(database.path)) {
		io.stderr(
			`feedback:report: no feedback database at ${database.path} (use --db or FEEDBACK_DB_PATH).\n`,
		);
		return 1;
	}
	try {
		const store = await openStore(database);
		try {
			if (options.searches) {
				io.stdout(await searchReport(store, options, io));
				return 0;
			}
			const votes = await store.listVotes({
				...(options.since && { since: options.since }),
				...(options.lang && { lang: options.lang }),
				...(options.article && { article: options.article }),
				limit: reportVoteLimit,
			});
			if (votes.length === reportVoteLimit) {
				io.stderr(`feedback:report: only the newest ${reportVoteLimit} votes are counted.\n`);
			}
			const stats = summarizeVotes(votes);
			const meta = {
				generatedAt: io.now ?? new Date(),
				...(options.since && { since: options.since }),
				...(options.lang && { lang: options.lang }),
				...(options.article && { article: options.article }),
			};
			io.stdout(
				options.format === 'csv'
					? formatCsv(stats)
					: options.format === 'json'
						? formatJson(stats, meta)
						: formatTable(stats, meta),
			);
			return 0;
		} finally {
			await store.close();
		}
	} catch (error) {
		if (error instanceof UsageError) throw error;
		const where = database.kind === 'postgres' ? 'the PostgreSQL database' : database.path;
		io.stderr(`feedback:report: cannot read ${where}: ${(error as Error).message}\n`);
		return 1;
	}
}
