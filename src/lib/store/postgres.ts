import postgres from 'postgres';
import type { Locale } from '../../i18n/locales.ts';
import type { Reason, Vote } from '../feedback/contract.ts';
import { migrations, migrationsTable } from './migrations.ts';
import { windowOf } from './rate-window.ts';
import { toStoredSearch, type SearchRow } from './search-rows.ts';
import type {
	FeedbackStore,
	RateCount,
	RateHit,
	SaveResult,
	SearchFilter,
	SearchLogResult,
	SearchLogWrite,
	StoredSearch,
	StoredVote,
	SubmitResult,
	UsedChallenge,
	VoteCounts,
	VoteFilter,
	VoteInput,
} from './store.ts';

/** Connection options a deployment may want to change. */
export interface PostgresStoreOptions {
	/** Connections per process (default 5; a serverless instance serves one request at a time). */
	max?: number;
}

/**
 * SQLSTATEs of a transaction PostgreSQL aborted as a whole so that others could go on: a
 * deadlock (two votes' statements counting new rate-limit windows at a window's turn can lock
 * the same rows in opposite orders) or a serialization failure. Nothing of it was committed, so
 * running it again is safe, as PostgreSQL's documentation advises.
 */
const abortedToRetry = new Set(['40P01', '40001']);
/** Attempts in all before the error goes to the caller (a 503). */
const attempts = 3;

/** Runs `statement`, again when PostgreSQL aborted it for a deadlock or serialization failure. */
async function retryAborted<T>(statement: () => Promise<T>): Promise<T> {
	for (let attempt = 1; ; attempt++) {
		try {
			return await statement();
		} catch (error) {
			const code = (error as { code?: unknown }).code;
			if (attempt >= attempts || typeof code !== 'string' || !abortedToRetry.has(code)) throw error;
		}
	}
}

/**
 * The one statement of {@link PostgresFeedbackStore.submitVote}, with its parameters:
 * data-modifying CTEs count the hits, each only when the ones before it stayed within their
 * limits, then record the captcha and upsert the vote only when all did. Its text depends on the
 * number of hits and on `challenge` alone, so each connection prepares it once per shape and
 * reuses it; built as text with numbered parameters rather than from the driver's nested
 * fragments, which cost a vote 0.1 ms of CPU (of ~0.28 in the store).
 * @param array wraps the reasons as a `text[]` parameter.
 */
function voteStatement(
	vote: VoteInput,
	hits: readonly RateHit[],
	challenge: UsedChallenge | undefined,
	array: (values: string[]) => unknown,
): { text: string; params: unknown[] } {
	const params: unknown[] = [];
	/** The placeholder of a new parameter. */
	const $ = (value: unknown) => `$${params.push(value)}`;
	let ctes = '';
	let ok = 'true';
	hits.forEach((hit, i) => {
		const { start, resetAt } = windowOf(vote.at, hit.windowSeconds);
		ctes += `hit${i} AS (
			INSERT INTO rate_limits (bucket, window_start, count, expires_at)
			SELECT ${$(hit.bucket)}::text, ${$(start)}::bigint, 1, ${$(resetAt)}::timestamptz WHERE ${ok}
			ON CONFLICT (bucket, window_start) DO UPDATE SET count = rate_limits.count + 1
			RETURNING count), `;
		ok = `coalesce((SELECT count FROM hit${i}) <= ${$(hit.max)}::bigint, false)`;
	});
	const at = $(vote.at);
	if (hits.length > 0) {
		// A new window for a bucket: a cheap moment to drop windows that are over. (A statement's
		// parts see the table as it was before it, so this cannot touch the rows counted above.)
		const fresh = hits.map((_, i) => `1 IN (SELECT count FROM hit${i})`).join(' OR ');
		ctes += `stale_windows AS (
			DELETE FROM rate_limits WHERE expires_at <= ${at}::timestamptz AND (${fresh})), `;
	}
	let write = ok;
	if (challenge) {
		// One statement cannot delete a row and insert over it, so an expired record of this same
		// challenge is not deleted but taken over (the upsert's WHERE), as if it were new.
		const id = $(challenge.id);
		ctes += `stale_challenges AS (
			DELETE FROM used_challenges
			WHERE ${ok} AND expires_at < ${at}::timestamptz AND id <> ${id}::text),
		fresh_challenge AS (
			INSERT INTO used_challenges (id, expires_at)
			SELECT ${id}::text, ${$(challenge.expiresAt)}::timestamptz WHERE ${ok}
			ON CONFLICT (id) DO UPDATE SET expires_at = excluded.expires_at
				WHERE used_challenges.expires_at < ${at}::timestamptz
			RETURNING id), `;
		write = `${ok} AND EXISTS (SELECT 1 FROM fresh_challenge)`;
	}
	const counts = hits.map((_, i) => `, (SELECT count FROM hit${i}) AS count${i}`).join('');
	// NULL visitor hashes never conflict (NULLs are distinct), so a no-JS vote is always new.
	// GREATEST: overlapping requests can commit in the other order than they arrived in; the
	// row then holds the last commit's values, and its times still never run backwards.
	const text = `WITH ${ctes}saved AS (
			INSERT INTO votes (article, lang, article_updated, vote, reasons, comment, section,
				visitor_hash, created_at, updated_at)
			SELECT ${$(vote.article)}::text, ${$(vote.lang)}::text, ${$(vote.articleUpdated)}::date,
				${$(vote.vote)}::text, ${$(array([...vote.reasons]))}::text[], ${$(vote.comment)}::text,
				${$(vote.section)}::text, ${$(vote.visitorHash)}::text, ${at}::timestamptz,
				${at}::timestamptz
			WHERE ${write}
			ON CONFLICT (article, lang, visitor_hash) DO UPDATE SET
				article_updated = excluded.article_updated, vote = excluded.vote,
				reasons = excluded.reasons, comment = excluded.comment, section = excluded.section,
				updated_at = GREATEST(votes.updated_at, excluded.updated_at)
			RETURNING (xmax = 0) AS created)
		SELECT (SELECT created FROM saved) AS created${counts}`;
	return { text, params };
}

/**
 * The store for scale: PostgreSQL through the `postgres` package. Many app instances share it;
 * migrations serialise on a transaction-scoped advisory lock, and each write is one transaction
 * (a vote with its rate-limit counters: one statement).
 */
export class PostgresFeedbackStore implements FeedbackStore {
	readonly kind = 'postgres';
	readonly #sql: postgres.Sql;

	/** Connects lazily: the first query opens the connection. */
	constructor(url: string, options: PostgresStoreOptions = {}) {
		this.#sql = postgres(url, {
			max: options.max ?? 5,
			idle_timeout: 20,
			connect_timeout: 10,
			onnotice: () => {},
		});
	}

	async migrate(): Promise<void> {
		await this.#sql.begin(async (tx) => {
			await tx`SELECT pg_advisory_xact_lock(hashtext('spinoffice-help-feedback:migrations'))`;
			await tx.unsafe(migrationsTable.postgres);
			const rows = await tx<{ version: number }[]>`SELECT version FROM schema_migrations`;
			const applied = new Set(rows.map((r) => r.version));
			for (const migration of migrations) {
				if (applied.has(migration.version)) continue;
				await tx.unsafe(migration.postgres);
				await tx`INSERT INTO schema_migrations (version, name) VALUES (${migration.version}, ${migration.name})`;
			}
		});
	}

	async saveVote(vote: VoteInput, challenge?: UsedChallenge): Promise<SaveResult> {
		const result = await this.submitVote(vote, [], challenge);
		return 'saved' in result ? result.saved : 'replayed';
	}

	/**
	 * One statement, so one round trip and one transaction: data-modifying CTEs count the hits,
	 * each only when the ones before it stayed within their limits, then record the captcha and
	 * upsert the vote only when all did. The SQL's shape depends on the number of hits and on
	 * `challenge` alone, so the server keeps one prepared statement per shape.
	 */
	async submitVote(
		vote: VoteInput,
		hits: readonly RateHit[],
		challenge?: UsedChallenge,
	): Promise<SubmitResult> {
		const { text, params } = voteStatement(vote, hits, challenge, (reasons) =>
			this.#sql.array(reasons),
		);
		const [row] = await retryAborted(() =>
			this.#sql.unsafe<Record<string, number | boolean | null>[]>(text, params as never[], {
				prepare: true,
			}),
		);
		for (const [i, hit] of hits.entries()) {
			const count = row![`count${i}`] as number | null;
			if (count === null || count > hit.max) {
				return { limited: hit, resetAt: windowOf(vote.at, hit.windowSeconds).resetAt };
			}
		}
		const created = row!['created'] as boolean | null;
		if (created === null) return { saved: 'replayed' };
		return { saved: created ? 'created' : 'updated' };
	}

	async hit(bucket: string, windowSeconds: number, now: Date): Promise<RateCount> {
		const { start, resetAt } = windowOf(now, windowSeconds);
		const [row] = await this.#sql<{ count: number }[]>`
			INSERT INTO rate_limits (bucket, window_start, count, expires_at)
			VALUES (${bucket}, ${start}, 1, ${resetAt})
			ON CONFLICT (bucket, window_start) DO UPDATE SET count = rate_limits.count + 1
			RETURNING count`;
		// A new window for this bucket: a cheap moment to drop windows that are over.
		if (row!.count === 1) await this.#sql`DELETE FROM rate_limits WHERE expires_at <= ${now}`;
		return { count: row!.count, resetAt };
	}

	async counts(article: string, lang?: Locale): Promise<VoteCounts> {
		const rows = await this.#sql<{ vote: Vote; n: number }[]>`
			SELECT vote, count(*)::integer AS n FROM votes
			WHERE article = ${article} ${lang ? this.#sql`AND lang = ${lang}` : this.#sql``}
			GROUP BY vote`;
		const counts: VoteCounts = { yes: 0, no: 0 };
		for (const row of rows) counts[row.vote] = row.n;
		return counts;
	}

	async listVotes(filter: VoteFilter = {}): Promise<StoredVote[]> {
		const sql = this.#sql;
		const rows = await sql<
			{
				id: string;
				article: string;
				lang: Locale;
				article_updated: string;
				vote: Vote;
				reasons: Reason[];
				comment: string | null;
				section: string | null;
				visitor_hash: string | null;
				created_at: Date;
				updated_at: Date;
			}[]
		>`
			SELECT id, article, lang, article_updated::text AS article_updated, vote, reasons, comment,
				section, visitor_hash, created_at, updated_at
			FROM votes
			WHERE true
				${filter.since ? sql`AND updated_at >= ${filter.since}` : sql``}
				${filter.lang ? sql`AND lang = ${filter.lang}` : sql``}
				${filter.article ? sql`AND article = ${filter.article}` : sql``}
			ORDER BY updated_at DESC, id DESC
			LIMIT ${filter.limit ?? 1000}`;
		return rows.map((row) => ({
			id: Number(row.id),
			article: row.article,
			lang: row.lang,
			articleUpdated: row.article_updated,
			vote: row.vote,
			reasons: row.reasons,
			comment: row.comment,
			section: row.section,
			visitorHash: row.visitor_hash,
			createdAt: row.created_at,
			updatedAt: row.updated_at,
		}));
	}

	/** One transaction (a search-log write is rare enough that its round trips do not matter). */
	async writeSearchLog(write: SearchLogWrite, hits: readonly RateHit[]): Promise<SearchLogResult> {
		const at = write.kind === 'entry' ? write.entry.at : write.at;
		return retryAborted(() =>
			this.#sql.begin(async (tx): Promise<SearchLogResult> => {
				for (const hit of hits) {
					const { start, resetAt } = windowOf(at, hit.windowSeconds);
					const [row] = await tx<{ count: number }[]>`
					INSERT INTO rate_limits (bucket, window_start, count, expires_at)
					VALUES (${hit.bucket}, ${start}, 1, ${resetAt})
					ON CONFLICT (bucket, window_start) DO UPDATE SET count = rate_limits.count + 1
					RETURNING count`;
					if (row!.count === 1) await tx`DELETE FROM rate_limits WHERE expires_at <= ${at}`;
					if (row!.count > hit.max) return { limited: hit, resetAt };
				}
				if (write.kind === 'click') {
					const changed = await tx`
					UPDATE search_log SET clicked_rank = ${write.rank}
					WHERE id = ${write.id} AND kind = 'search' AND clicked_rank IS NULL RETURNING id`;
					return { saved: changed.length > 0 };
				}
				const { entry } = write;
				const inserted = await tx`
				INSERT INTO search_log (id, kind, lang, query, results, detail, created_at)
				VALUES (${entry.id}, ${entry.kind}, ${entry.lang}, ${entry.query}, ${entry.results},
					${entry.detail}, ${at})
				ON CONFLICT (id) DO NOTHING RETURNING id`;
				return { saved: inserted.length > 0 };
			}),
		);
	}

	async listSearches(filter: SearchFilter = {}): Promise<StoredSearch[]> {
		const sql = this.#sql;
		const rows = await sql<SearchRow[]>`
			SELECT id, kind, lang, query, results, detail, clicked_rank, created_at FROM search_log
			WHERE true
				${filter.since ? sql`AND created_at >= ${filter.since}` : sql``}
				${filter.lang ? sql`AND lang = ${filter.lang}` : sql``}
				${filter.kind ? sql`AND kind = ${filter.kind}` : sql``}
			ORDER BY created_at DESC, id
			LIMIT ${filter.limit ?? 100_000}`;
		return rows.map(toStoredSearch);
	}

	async purgeSearches(before: Date): Promise<number> {
		const rows = await this.#sql`DELETE FROM search_log WHERE created_at < ${before} RETURNING id`;
		return rows.length;
	}

	async close(): Promise<void> {
		await this.#sql.end({ timeout: 5 });
	}
}
