import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';
import type { Locale } from '../../i18n/locales.ts';
import type { Vote } from '../feedback/contract.ts';
import { migrations, migrationsTable } from './migrations.ts';
import { windowOf } from './rate-window.ts';
import { toStoredSearch, type SearchRow } from './search-rows.ts';
import { toStoredVote, writeVote, type Row } from './sqlite-votes.ts';
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

/**
 * The embedded store: one SQLite file through `node:sqlite`, in WAL mode so readers never wait
 * for the writer. Writes take the lock up front (`BEGIN IMMEDIATE`), so two processes on the
 * same file queue instead of failing halfway; `busy_timeout` is how long one waits.
 */
export class SqliteFeedbackStore implements FeedbackStore {
	readonly kind = 'sqlite';
	readonly #db: DatabaseSync;
	readonly #statements = new Map<string, StatementSync>();

	/** Opens (and creates, with its folder) the database file at `path`. */
	constructor(path: string, options: { busyTimeoutMs?: number } = {}) {
		if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
		this.#db = new DatabaseSync(path, { timeout: options.busyTimeoutMs ?? 5000 });
		this.#db.exec('PRAGMA journal_mode = WAL');
		// Rate-limit counters may lose their last second in a power cut: no fsync per request.
		this.#db.exec('PRAGMA synchronous = NORMAL');
	}

	#statement(sql: string): StatementSync {
		let statement = this.#statements.get(sql);
		if (!statement) {
			statement = this.#db.prepare(sql);
			this.#statements.set(sql, statement);
		}
		return statement;
	}

	#run<T>(sql: string, ...params: SQLInputValue[]): T[] {
		return this.#statement(sql).all(...params) as T[];
	}

	/** {@link #run} for the helpers in sqlite-votes.ts, made once rather than per vote. */
	readonly #runRows = (sql: string, ...params: SQLInputValue[]) => this.#run<Row>(sql, ...params);

	/**
	 * Runs `work` in a write transaction. `durable` commits with an fsync (`synchronous = FULL`),
	 * so a vote acknowledged with a 2xx survives a power cut, not only a crash. SQLite refuses to
	 * change that setting inside a transaction, so it is chosen before `BEGIN`; the connection is
	 * synchronous, so no other call can slip in between. The pragmas, `BEGIN` and `COMMIT` are
	 * prepared once like every other statement.
	 */
	#immediate<T>(work: () => T, durable = false): T {
		if (durable) this.#statement('PRAGMA synchronous = FULL').run();
		try {
			return this.#transaction(work);
		} finally {
			if (durable) this.#statement('PRAGMA synchronous = NORMAL').run();
		}
	}

	#transaction<T>(work: () => T): T {
		this.#statement('BEGIN IMMEDIATE').run();
		try {
			const result = work();
			this.#statement('COMMIT').run();
			return result;
		} catch (error) {
			if (this.#db.isTransaction) this.#db.exec('ROLLBACK');
			throw error;
		}
	}

	async migrate(): Promise<void> {
		this.#immediate(() => {
			this.#db.exec(migrationsTable.sqlite);
			const applied = new Set(
				this.#run<{ version: number }>('SELECT version FROM schema_migrations').map(
					(r) => r.version,
				),
			);
			for (const migration of migrations) {
				if (applied.has(migration.version)) continue;
				this.#db.exec(migration.sqlite);
				this.#run(
					'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
					migration.version,
					migration.name,
					new Date().toISOString(),
				);
			}
		}, true);
	}

	async saveVote(vote: VoteInput, challenge?: UsedChallenge): Promise<SaveResult> {
		const result = await this.submitVote(vote, [], challenge);
		return 'saved' in result ? result.saved : 'replayed';
	}

	/**
	 * Votes waiting for the next group commit: each with its work and its promise. Votes that
	 * arrive in the same turn of the event loop are written in one transaction, whose one fsync
	 * makes them all durable before any of them is answered (as PostgreSQL's group commit does):
	 * with many readers voting at once, the fsync is most of a vote's cost.
	 */
	#pending: {
		work: () => SubmitResult;
		resolve: (result: SubmitResult) => void;
		reject: (error: unknown) => void;
	}[] = [];

	submitVote(
		vote: VoteInput,
		hits: readonly RateHit[],
		challenge?: UsedChallenge,
	): Promise<SubmitResult> {
		return new Promise((resolve, reject) => {
			this.#pending.push({ work: () => this.#submit(vote, hits, challenge), resolve, reject });
			if (this.#pending.length === 1) setImmediate(() => this.#commitPending());
		});
	}

	/**
	 * Writes the waiting votes in one durable transaction. Each vote of a group has its own
	 * savepoint, so one that fails is undone alone and only its caller gets the error; if the
	 * commit fails, every caller does, and none of them was saved. A group of one runs as a
	 * single vote always did.
	 */
	#commitPending(): void {
		const group = this.#pending;
		this.#pending = [];
		// close() wrote them already.
		if (group.length === 0) return;
		const outcomes: ({ result: SubmitResult } | { error: unknown })[] = [];
		try {
			// Durable from the start: the commit's fsync cannot be chosen once the limits are known.
			this.#immediate(() => {
				if (group.length === 1) {
					outcomes.push({ result: group[0]!.work() });
					return;
				}
				for (const { work } of group) {
					this.#statement('SAVEPOINT vote').run();
					try {
						outcomes.push({ result: work() });
						this.#statement('RELEASE vote').run();
					} catch (error) {
						this.#statement('ROLLBACK TO vote').run();
						this.#statement('RELEASE vote').run();
						outcomes.push({ error });
					}
				}
			}, true);
		} catch (error) {
			for (const { reject } of group) reject(error);
			return;
		}
		group.forEach(({ resolve, reject }, i) => {
			const outcome = outcomes[i]!;
			if ('error' in outcome) reject(outcome.error);
			else resolve(outcome.result);
		});
	}

	/** One vote's counts and write, inside the group's transaction. */
	#submit(vote: VoteInput, hits: readonly RateHit[], challenge?: UsedChallenge): SubmitResult {
		const at = vote.at.toISOString();
		for (const hit of hits) {
			const { count, resetAt } = this.#count(hit.bucket, hit.windowSeconds, vote.at);
			if (count > hit.max) return { limited: hit, resetAt };
		}
		if (challenge) {
			this.#run('DELETE FROM used_challenges WHERE expires_at < ?', at);
			const fresh = this.#run(
				'INSERT INTO used_challenges (id, expires_at) VALUES (?, ?) ON CONFLICT (id) DO NOTHING RETURNING id',
				challenge.id,
				challenge.expiresAt.toISOString(),
			);
			if (fresh.length === 0) return { saved: 'replayed' };
		}
		return { saved: writeVote(this.#runRows, vote, at) };
	}

	async hit(bucket: string, windowSeconds: number, now: Date): Promise<RateCount> {
		return this.#immediate(() => this.#count(bucket, windowSeconds, now));
	}

	/** One more hit on `bucket`, inside the caller's transaction. */
	#count(bucket: string, windowSeconds: number, now: Date): RateCount {
		const { start, resetAt } = windowOf(now, windowSeconds);
		const [row] = this.#run<{ count: number }>(
			`INSERT INTO rate_limits (bucket, window_start, count, expires_at) VALUES (?, ?, 1, ?)
			ON CONFLICT (bucket, window_start) DO UPDATE SET count = count + 1 RETURNING count`,
			bucket,
			start,
			resetAt.getTime() / 1000,
		);
		// A new window for this bucket: a cheap moment to drop windows that are over.
		if (row!.count === 1) {
			this.#run('DELETE FROM rate_limits WHERE expires_at <= ?', now.getTime() / 1000);
		}
		return { count: row!.count, resetAt };
	}

	async counts(article: string, lang?: Locale): Promise<VoteCounts> {
		const rows = lang
			? this.#run<{ vote: Vote; n: number }>(
					'SELECT vote, count(*) AS n FROM votes WHERE article = ? AND lang = ? GROUP BY vote',
					article,
					lang,
				)
			: this.#run<{ vote: Vote; n: number }>(
					'SELECT vote, count(*) AS n FROM votes WHERE article = ? GROUP BY vote',
					article,
				);
		const counts: VoteCounts = { yes: 0, no: 0 };
		for (const row of rows) counts[row.vote] = row.n;
		return counts;
	}

	async listVotes(filter: VoteFilter = {}): Promise<StoredVote[]> {
		const conditions = (
			[
				['updated_at >= ?', filter.since?.toISOString()],
				['lang = ?', filter.lang],
				['article = ?', filter.article],
			] as const
		).filter(([, value]) => value !== undefined);
		const where = conditions.map(([condition]) => condition);
		const params = conditions.map(([, value]) => value!);
		const rows = this.#run<Row>(
			`SELECT * FROM votes ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
			ORDER BY updated_at DESC, id DESC LIMIT ?`,
			...params,
			filter.limit ?? 1000,
		);
		return rows.map(toStoredVote);
	}

	async writeSearchLog(write: SearchLogWrite, hits: readonly RateHit[]): Promise<SearchLogResult> {
		const at = write.kind === 'entry' ? write.entry.at : write.at;
		// Not durable: a search-log row lost in a power cut costs nothing a reader would miss.
		return this.#immediate((): SearchLogResult => {
			for (const hit of hits) {
				const { count, resetAt } = this.#count(hit.bucket, hit.windowSeconds, at);
				if (count > hit.max) return { limited: hit, resetAt };
			}
			if (write.kind === 'click') {
				const changed = this.#run(
					'UPDATE search_log SET clicked_rank = ? WHERE id = ? AND kind = ? AND clicked_rank IS NULL RETURNING id',
					write.rank,
					write.id,
					'search',
				);
				return { saved: changed.length > 0 };
			}
			const { entry } = write;
			const inserted = this.#run(
				`INSERT INTO search_log (id, kind, lang, query, results, detail, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING RETURNING id`,
				entry.id,
				entry.kind,
				entry.lang,
				entry.query,
				entry.results,
				entry.detail,
				at.toISOString(),
			);
			return { saved: inserted.length > 0 };
		});
	}

	async listSearches(filter: SearchFilter = {}): Promise<StoredSearch[]> {
		const conditions = (
			[
				['created_at >= ?', filter.since?.toISOString()],
				['lang = ?', filter.lang],
				['kind = ?', filter.kind],
			] as const
		).filter(([, value]) => value !== undefined);
		const where = conditions.map(([condition]) => condition);
		const params = conditions.map(([, value]) => value!);
		const rows = this.#run<SearchRow>(
			`SELECT * FROM search_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
			ORDER BY created_at DESC, id LIMIT ?`,
			...params,
			filter.limit ?? 100_000,
		);
		return rows.map(toStoredSearch);
	}

	async purgeSearches(before: Date): Promise<number> {
		return this.#immediate(
			() =>
				this.#run('DELETE FROM search_log WHERE created_at < ? RETURNING id', before.toISOString())
					.length,
		);
	}

	async close(): Promise<void> {
		// Votes already asked for are written (or refused) before the file closes.
		if (this.#pending.length > 0 && this.#db.isOpen) this.#commitPending();
		if (this.#db.isOpen) this.#db.close();
	}
}
