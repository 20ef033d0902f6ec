import publishedArticles from 'virtual:hc/feedback-articles';
import { siteConfig } from '../../site.config.ts';
import { clientAddress } from '../security/client-address.ts';
import { processStore } from '../store/process-store.ts';
import type { FeedbackHandler } from './api.ts';
import { articleIndex, articleSources, type FeedbackArticles } from './articles.ts';
import { createChallengeHandler } from './challenge-handler.ts';
import { feedbackConfig } from './config.ts';
import { createFeedbackHandler } from './handler.ts';
import { ProblemError, problemResponse } from './problem.ts';
import { loadSecret } from './secret-file.ts';
import { createSummaryHandler } from './summary-handler.ts';

/** The three feedback endpoints, ready to serve. */
interface FeedbackRuntime {
	submit: FeedbackHandler;
	challenge: FeedbackHandler;
	summary: FeedbackHandler;
}

/**
 * The published articles, from the site index made at build time from the same files and
 * schemas as the pages (src/lib/site-index.ts): their dates and h2 ids, which tests/dist checks
 * against every built page. No compiled article is part of the server bundle, and nothing is
 * read per request.
 */
function loadArticles(): FeedbackArticles {
	return articleIndex(articleSources(publishedArticles));
}

async function start(): Promise<FeedbackRuntime> {
	const config = feedbackConfig(process.env, process.cwd());
	const secret = loadSecret(config.hmacKey, config.dataDir);
	const store = await processStore();
	const articles = loadArticles();
	const options = {
		store,
		articles,
		secret,
		limits: config.limits,
		captcha: config.captcha,
		allowedOrigins: [new URL(siteConfig.siteUrl).origin, ...config.allowedOrigins],
	};
	return {
		submit: createFeedbackHandler(options),
		challenge: createChallengeHandler(options),
		summary: createSummaryHandler(options),
	};
}

let running: Promise<FeedbackRuntime> | undefined;

/**
 * Serves one feedback endpoint (from an Astro route, or from the production server itself:
 * scripts/serve.ts). The store is opened (and migrated) by the
 * first request of each process; if that fails the request gets a 503 and the next one retries.
 */
export async function serveFeedback(
	endpoint: keyof FeedbackRuntime,
	context: { request: Request; readonly clientAddress?: string | undefined },
): Promise<Response> {
	let runtime: FeedbackRuntime;
	try {
		running ??= start();
		runtime = await running;
	} catch (error) {
		running = undefined;
		console.error('feedback: cannot start (check the FEEDBACK_* settings)', error);
		return problemResponse(
			new ProblemError(503, 'Service Unavailable', 'Feedback is not available right now.', {
				headers: { 'Retry-After': '30' },
			}),
		);
	}
	return runtime[endpoint](context.request, { clientAddress: clientAddress(context) });
}
