import type { DatabaseConfig } from './config.ts';
import type { FeedbackStore } from './store.ts';

/**
 * Opens the configured store and brings its schema up to date. Each driver is imported only when
 * chosen, so a serverless bundle using PostgreSQL never loads `node:sqlite`.
 */
export async function openStore(database: DatabaseConfig): Promise<FeedbackStore> {
	const store: FeedbackStore =
		database.kind === 'postgres'
			? new (await import('./postgres.ts')).PostgresFeedbackStore(database.url)
			: new (await import('./sqlite.ts')).SqliteFeedbackStore(database.path);
	try {
		await store.migrate();
	} catch (error) {
		await store.close().catch(() => {});
		throw error;
	}
	return store;
}
