/**
 * The finder's server side as this process runs it: settings from the environment, the
 * process's store (rate limits), the feedback secret (to key address hashes), the site index
 * (providers and guides) and a cached DNS lookup, made once by the first request.
 */
import type { APIContext } from 'astro';
import { locales, type Locale } from '../../i18n/locales.ts';
import { feedbackConfig } from '../feedback/config.ts';
import { ProblemError, problemResponse } from '../feedback/problem.ts';
import { loadSecret } from '../feedback/secret-file.ts';
import { clientAddress } from '../security/client-address.ts';
import { siteIndex } from '../site.ts';
import { processStore } from '../store/process-store.ts';
import { mailProviderConfig } from './config.ts';
import { finderGuides, type FinderGuides } from './guides.ts';
import { finderForm, type FormOutcome } from './form-route.ts';
import { createMailProviderHandler, type MailProviderDependencies } from './handler.ts';
import { finderLogger } from '../search-log/handler.ts';
import { searchLogConfig } from '../search-log/config.ts';
import { cachedLookup, defaultCacheOptions, dnsMxLookup } from './resolver.ts';

function start(): MailProviderDependencies {
	const env = process.env;
	const config = mailProviderConfig(env);
	const feedback = feedbackConfig(env, process.cwd());
	const guides = Object.fromEntries(
		locales.map((lang) => [lang, finderGuides(siteIndex, lang)]),
	) as Record<Locale, FinderGuides>;
	const now = () => new Date();
	return {
		guides,
		lookup: cachedLookup(dnsMxLookup(config.dnsServers), { ...defaultCacheOptions, now }),
		store: processStore,
		secret: loadSecret(feedback.hmacKey, feedback.dataDir),
		rate: config.rate,
		now,
		logUnmatched: finderLogger({ store: processStore, days: searchLogConfig(env).days }),
	};
}

let dependencies: MailProviderDependencies | undefined;

/**
 * This process's dependencies, made on first use.
 * @throws when a setting is malformed (the caller answers 503 and logs it).
 */
export function mailProviderDependencies(): MailProviderDependencies {
	dependencies ??= start();
	return dependencies;
}

/** A 503 for a server that cannot start the finder (a bad setting), logged. */
export function notStarted(error: unknown): Response {
	console.error(
		'mail-provider: cannot start (a MAIL_PROVIDER_*, FEEDBACK_* or SEARCH_LOG_* setting: the error names it)',
		error,
	);
	return problemResponse(
		new ProblemError(503, 'Service Unavailable', 'The lookup is not available right now.', {
			headers: { 'Retry-After': '30' },
		}),
	);
}

let handler: ((context: APIContext) => Promise<Response>) | undefined;

/** Serves `GET /api/mail-provider` from an Astro route. */
export function serveMailProvider(context: APIContext): Promise<Response> {
	try {
		if (!handler) {
			const serve = createMailProviderHandler(mailProviderDependencies());
			handler = (c) => serve(c.request, { clientAddress: clientAddress(c) });
		}
	} catch (error) {
		return Promise.resolve(notStarted(error));
	}
	return handler(context);
}

/** Runs the no-JS finder route for a page; a server that cannot start answers 503. */
export async function runFinderForm(
	context: Pick<APIContext, 'request' | 'clientAddress'>,
	lang: Locale,
): Promise<FormOutcome> {
	let deps: MailProviderDependencies;
	try {
		deps = mailProviderDependencies();
	} catch (error) {
		notStarted(error);
		return { kind: 'unavailable', status: 503 };
	}
	return finderForm(context.request, lang, deps, { clientAddress: clientAddress(context) });
}
