/**
 * The finder without JavaScript: its form is a GET to `/nl/zoek-handleiding/` or
 * `/en/find-guide/` with the address as typed (`email`). The server reads only the domain from
 * it, looks it up as the API does, and answers 303 to the guide; input it cannot use gets the
 * form again with a message (the page renders it). The address itself is never stored or logged.
 */
import { domainToASCII } from 'node:url';
import type { Locale } from '../../i18n/locales.ts';
import type { RequestContext } from '../feedback/api.ts';
import { ProblemError } from '../feedback/problem.ts';
import { normaliseDomain, type DomainProblem } from './domain.ts';
import { findGuide } from './find.ts';
import { limitLookup, recordUnmatched, type MailProviderDependencies } from './handler.ts';

/** What the route does with a request. */
export type FormOutcome =
	| { kind: 'redirect'; location: string }
	/** Nothing or nothing usable was typed: the form again with a message (400). */
	| { kind: 'invalid'; problem: DomainProblem | 'repeated'; status: 400 }
	/** Too many lookups from this address (429, with `Retry-After`). */
	| { kind: 'limited'; status: 429; retryAfter: string }
	/** The store behind the rate limit failed (503). */
	| { kind: 'unavailable'; status: 503 };

/** Handles one GET of the form route. */
export async function finderForm(
	request: Request,
	lang: Locale,
	deps: MailProviderDependencies,
	context?: RequestContext,
): Promise<FormOutcome> {
	const values = new URL(request.url).searchParams.getAll('email');
	if (values.length > 1) return { kind: 'invalid', problem: 'repeated', status: 400 };
	const result = normaliseDomain(values[0] ?? '', domainToASCII, 'strip');
	if (!result.ok) return { kind: 'invalid', problem: result.problem, status: 400 };
	try {
		await limitLookup(deps, context);
	} catch (error) {
		if (error instanceof ProblemError && error.details.status === 429) {
			return { kind: 'limited', status: 429, retryAfter: error.headers['Retry-After'] ?? '60' };
		}
		(deps.log ?? console.error)('mail-provider: storage error', error);
		return { kind: 'unavailable', status: 503 };
	}
	const answer = await findGuide(result.domain, deps.guides[lang], deps.lookup);
	await recordUnmatched(deps, result.domain, lang, answer);
	return { kind: 'redirect', location: answer.guide };
}
