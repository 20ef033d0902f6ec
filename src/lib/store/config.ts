/**
 * Where the store lives, read from the environment: the same `FEEDBACK_*` database settings for
 * every part that uses it (the feedback API, the dashboard, the report CLI, `npm start`).
 */
import { isAbsolute, join } from 'node:path';

/** Which database, and where. */
export type DatabaseConfig = { kind: 'postgres'; url: string } | { kind: 'sqlite'; path: string };

/** The store's settings. */
export interface StoreConfig {
	database: DatabaseConfig;
	/** Folder for `feedback.db` (and the feedback API's generated `hmac.key`). */
	dataDir: string;
}

type Env = Record<string, string | undefined>;

/** Whether `value` names a PostgreSQL database rather than a SQLite file. */
export function isPostgresUrl(value: string): boolean {
	return value.startsWith('postgres://') || value.startsWith('postgresql://');
}

/**
 * Reads `FEEDBACK_DATABASE_URL`, `FEEDBACK_DB_PATH` and `FEEDBACK_DATA_DIR` from `env`; relative
 * paths are resolved against `cwd`.
 * @throws an Error naming the variable when one is malformed.
 */
export function storeConfig(env: Env, cwd: string): StoreConfig {
	const dir = env['FEEDBACK_DATA_DIR'] || 'data';
	const dataDir = isAbsolute(dir) ? dir : join(cwd, dir);
	const url = env['FEEDBACK_DATABASE_URL'];
	if (url) {
		if (!isPostgresUrl(url)) {
			throw new Error(
				`FEEDBACK_DATABASE_URL: expected a postgres:// or postgresql:// URL (unset for SQLite), got "${url}".`,
			);
		}
		return { database: { kind: 'postgres', url }, dataDir };
	}
	const path = env['FEEDBACK_DB_PATH'];
	if (!path) return { database: { kind: 'sqlite', path: join(dataDir, 'feedback.db') }, dataDir };
	return { database: { kind: 'sqlite', path: isAbsolute(path) ? path : join(cwd, path) }, dataDir };
}
