/**
 * The store of this server process: every on-demand route (the feedback API, the dashboard, and
 * any endpoint added later) gets it here, so a process holds one connection pool and migrates
 * once. Opened by the first request that needs it; an open that fails (database down, bad
 * setting) is forgotten, so the next request tries again instead of failing forever.
 */
import { storeConfig } from './config.ts';
import { openStore } from './open.ts';
import type { FeedbackStore } from './store.ts';

/**
 * Wraps `open` so it runs at most once at a time and its store is shared; a rejected open is
 * not kept, so the next call opens anew.
 */
export function sharedOpener<T>(open: () => Promise<T>): () => Promise<T> {
	let opening: Promise<T> | undefined;
	return () => {
		opening ??= open().catch((error: unknown) => {
			opening = undefined;
			throw error;
		});
		return opening;
	};
}

/** Where the opener lives, so that every bundle in the process finds the same one. */
const shared = Symbol.for('spinoffice.help-center.process-store');

/**
 * The store of this process, configured by the `FEEDBACK_*` database settings (read on the first
 * call) and migrated to the latest schema. The production server runs two bundles, Astro's and
 * its own (scripts/serve.ts answers vote posts itself), each with its own copy of this module:
 * the opener is kept on `globalThis` so both use one store, one connection pool.
 * @throws (rejects) with the configuration or connection error; the caller answers 503.
 */
export const processStore: () => Promise<FeedbackStore> = ((
	globalThis as { [shared]?: () => Promise<FeedbackStore> }
)[shared] ??= sharedOpener(() => openStore(storeConfig(process.env, process.cwd()).database)));
