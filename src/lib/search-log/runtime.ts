/**
 * The search log as this process runs it: settings from the environment (`SEARCH_LOG_*`), the
 * process's store, and the feedback secret to key address hashes, made once by the first request.
 */
import type { APIContext } from 'astro';
import { siteConfig } from '../../site.config.ts';
import { feedbackConfig } from '../feedback/config.ts';
import { ProblemError, problemResponse } from '../feedback/problem.ts';
import { loadSecret } from '../feedback/secret-file.ts';
import { clientAddress } from '../security/client-address.ts';
import { processStore } from '../store/process-store.ts';
import { searchLogConfig } from './config.ts';
import { createSearchLogHandler, type SearchLogDependencies } from './handler.ts';

let dependencies: SearchLogDependencies | undefined;

/**
 * This process's dependencies, made on first use.
 * @throws when a setting is malformed (the caller answers 503 and logs it).
 */
export function searchLogDependencies(): SearchLogDependencies {
	if (!dependencies) {
		const config = searchLogConfig(process.env);
		const feedback = feedbackConfig(process.env, process.cwd());
		dependencies = {
			store: processStore,
			secret: loadSecret(feedback.hmacKey, feedback.dataDir),
			rate: config.rate,
			days: config.days,
			allowedOrigins: [new URL(siteConfig.siteUrl).origin, ...feedback.allowedOrigins],
		};
	}
	return dependencies;
}

let handler: ((context: APIContext) => Promise<Response>) | undefined;

/** Serves `POST /api/search-log` from an Astro route; a server that cannot start answers 503. */
export function serveSearchLog(context: APIContext): Promise<Response> {
	try {
		if (!handler) {
			const serve = createSearchLogHandler(searchLogDependencies());
			handler = (c) => serve(c.request, { clientAddress: clientAddress(c) });
		}
	} catch (error) {
		console.error('search-log: cannot start (check the SEARCH_LOG_* settings)', error);
		return Promise.resolve(
			problemResponse(
				new ProblemError(503, 'Service Unavailable', 'The search log is not available right now.', {
					headers: { 'Retry-After': '30' },
				}),
			),
		);
	}
	return handler(context);
}
