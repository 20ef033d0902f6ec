/**
 * The dashboard's request handling without Astro around it: given the request, the session
 * cookie and the environment, decides what to answer. The page and the CSV route act on the
 * decision; unit tests check the decisions directly.
 */
import type { Locale } from '../../i18n/locales.ts';
import { isCrossSite } from '../feedback/origin.ts';
import type { FeedbackStore } from '../store/store.ts';
import { attemptLogin, verifySession } from './admin-auth.ts';
import { adminConfig, type AdminConfig } from './admin-config.ts';
import { dashboardUrl, parseFilters } from './admin-filters.ts';

/** Whether a request may see the dashboard. */
export type Access =
	| { kind: 'off' }
	| { kind: 'misconfigured'; error: Error }
	| { kind: 'signed-out'; config: AdminConfig }
	| { kind: 'signed-in'; config: AdminConfig };

/** Reads the settings and checks the session cookie. */
export function adminAccess(
	env: Record<string, string | undefined>,
	session: string | undefined,
	now: Date,
): Access {
	let config: AdminConfig | null;
	try {
		config = adminConfig(env);
	} catch (error) {
		return { kind: 'misconfigured', error: error as Error };
	}
	if (!config) return { kind: 'off' };
	return verifySession(session, config.token, now)
		? { kind: 'signed-in', config }
		: { kind: 'signed-out', config };
}

/** What the page answers. */
export type AdminDecision =
	| { kind: 'not-found' }
	| { kind: 'unavailable' }
	| { kind: 'forbidden' }
	| { kind: 'method-not-allowed' }
	/** `session`: a new cookie value to set, or null to clear the cookie. */
	| { kind: 'redirect'; location: string; session: string | null }
	| {
			kind: 'login';
			status: 200 | 401 | 429;
			error?: { kind: 'wrong' } | { kind: 'rate-limited'; minutes: number };
			retryAfterSeconds?: number;
	  }
	| { kind: 'dashboard' };

/** Everything {@link decideAdmin} needs besides the request. */
export interface GateInput {
	env: Record<string, string | undefined>;
	session: string | undefined;
	clientAddress: string | undefined;
	now: Date;
	lang: Locale;
	store: () => Promise<FeedbackStore>;
	log?: (message: string, error: unknown) => void;
}

/**
 * Decides the answer to a dashboard request: 404 when the dashboard is off; a login form
 * (200, or 401/429 after a failed attempt) until the session cookie is valid; a redirect after
 * signing in or out; otherwise the dashboard.
 */
export async function decideAdmin(request: Request, input: GateInput): Promise<AdminDecision> {
	const log = input.log ?? ((message, error) => console.error(message, error));
	const access = adminAccess(input.env, input.session, input.now);
	if (access.kind === 'off') return { kind: 'not-found' };
	if (access.kind === 'misconfigured') {
		log('admin: the dashboard is misconfigured', access.error);
		return { kind: 'unavailable' };
	}
	const self = dashboardUrl(
		'/admin/feedback/',
		input.lang,
		parseFilters(new URL(request.url).searchParams).filters,
	);
	if (request.method === 'GET' || request.method === 'HEAD') {
		return access.kind === 'signed-in' ? { kind: 'dashboard' } : { kind: 'login', status: 200 };
	}
	if (request.method !== 'POST') return { kind: 'method-not-allowed' };
	// Astro's own origin check is off for the site (the feedback API answers problem+json).
	if (isCrossSite(request)) return { kind: 'forbidden' };
	let form: FormData;
	try {
		form = await request.formData();
	} catch {
		return { kind: 'login', status: 401, error: { kind: 'wrong' } };
	}
	if (form.get('action') === 'logout') return { kind: 'redirect', location: self, session: null };
	const token = form.get('token');
	let result;
	try {
		result = await attemptLogin(typeof token === 'string' ? token : '', {
			token: access.config.token,
			store: await input.store(),
			clientAddress: input.clientAddress,
			now: input.now,
			rule: access.config.loginRule,
		});
	} catch (error) {
		log('admin: cannot count the login attempt', error);
		return { kind: 'unavailable' };
	}
	if (result.ok) return { kind: 'redirect', location: self, session: result.session };
	if (result.reason === 'wrong-token')
		return { kind: 'login', status: 401, error: { kind: 'wrong' } };
	return {
		kind: 'login',
		status: 429,
		error: { kind: 'rate-limited', minutes: Math.ceil(result.retryAfterSeconds / 60) },
		retryAfterSeconds: result.retryAfterSeconds,
	};
}
