/**
 * Versioned schema changes of the one store every server part shares (feedback votes, rate
 * limits, used captchas, and the tables of endpoints added later), in both dialects. A new table
 * is a new version appended here; never edit an applied one. Each store records what it applied
 * in `schema_migrations` and applies the rest under a lock (see README.md in this folder).
 */

/** One schema version, in each store's SQL dialect. */
export interface Migration {
	version: number;
	name: string;
	sqlite: string;
	postgres: string;
}

/** Creates `schema_migrations` (run under the migration lock, before reading it). */
export const migrationsTable = {
	sqlite: `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY,
		name TEXT NOT NULL,
		applied_at TEXT NOT NULL
	)`,
	postgres: `CREATE TABLE IF NOT EXISTS schema_migrations (
		version integer PRIMARY KEY,
		name text NOT NULL,
		applied_at timestamptz NOT NULL DEFAULT now()
	)`,
};

/** All versions, oldest first. */
export const migrations: readonly Migration[] = [
	{
		version: 1,
		name: 'votes, used captcha challenges, rate limit counters',
		// Times are ISO 8601 UTC strings: they sort as text and read well in the sqlite3 shell.
		sqlite: `
			CREATE TABLE votes (
				id INTEGER PRIMARY KEY,
				article TEXT NOT NULL,
				lang TEXT NOT NULL,
				article_updated TEXT NOT NULL,
				vote TEXT NOT NULL CHECK (vote IN ('yes', 'no')),
				reasons TEXT NOT NULL DEFAULT '[]',
				comment TEXT,
				section TEXT,
				visitor_hash TEXT,
				created_at TEXT NOT NULL,
				updated_at TEXT NOT NULL
			);
			CREATE UNIQUE INDEX votes_visitor ON votes (article, lang, visitor_hash);
			CREATE INDEX votes_updated_at ON votes (updated_at);
			CREATE TABLE used_challenges (
				id TEXT PRIMARY KEY,
				expires_at TEXT NOT NULL
			);
			CREATE INDEX used_challenges_expires_at ON used_challenges (expires_at);
			CREATE TABLE rate_limits (
				bucket TEXT NOT NULL,
				window_start INTEGER NOT NULL,
				count INTEGER NOT NULL,
				expires_at INTEGER NOT NULL,
				PRIMARY KEY (bucket, window_start)
			) WITHOUT ROWID;
			CREATE INDEX rate_limits_expires_at ON rate_limits (expires_at);
		`,
		postgres: `
			CREATE TABLE votes (
				id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
				article text NOT NULL,
				lang text NOT NULL,
				article_updated date NOT NULL,
				vote text NOT NULL CHECK (vote IN ('yes', 'no')),
				reasons text[] NOT NULL DEFAULT '{}',
				comment text,
				section text,
				visitor_hash text,
				created_at timestamptz NOT NULL,
				updated_at timestamptz NOT NULL
			);
			CREATE UNIQUE INDEX votes_visitor ON votes (article, lang, visitor_hash);
			CREATE INDEX votes_updated_at ON votes (updated_at);
			CREATE TABLE used_challenges (
				id text PRIMARY KEY,
				expires_at timestamptz NOT NULL
			);
			CREATE INDEX used_challenges_expires_at ON used_challenges (expires_at);
			CREATE TABLE rate_limits (
				bucket text NOT NULL,
				window_start bigint NOT NULL,
				count integer NOT NULL,
				expires_at timestamptz NOT NULL,
				PRIMARY KEY (bucket, window_start)
			);
			CREATE INDEX rate_limits_expires_at ON rate_limits (expires_at);
		`,
	},
	{
		version: 2,
		name: 'search log',
		// One row per settled search (kind 'search') or per address the finder could not match
		// (kind 'finder', the domain only). `id` comes from the browser for a search, so the
		// later click names its row; `clicked_rank` is the first result opened (1-based).
		sqlite: `
			CREATE TABLE search_log (
				id TEXT PRIMARY KEY,
				kind TEXT NOT NULL CHECK (kind IN ('search', 'finder')),
				lang TEXT NOT NULL,
				query TEXT NOT NULL,
				results INTEGER,
				detail TEXT,
				clicked_rank INTEGER,
				created_at TEXT NOT NULL
			);
			CREATE INDEX search_log_created_at ON search_log (created_at);
		`,
		postgres: `
			CREATE TABLE search_log (
				id text PRIMARY KEY,
				kind text NOT NULL CHECK (kind IN ('search', 'finder')),
				lang text NOT NULL,
				query text NOT NULL,
				results integer,
				detail text,
				clicked_rank integer,
				created_at timestamptz NOT NULL
			);
			CREATE INDEX search_log_created_at ON search_log (created_at);
		`,
	},
];
