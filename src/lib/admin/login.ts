/**
 * The login form's POST: sign in with the token (counted against the client's rate limit in the
 * store) or sign out. Returns what happened; the handler turns it into a redirect or a page.
 */
import type { FeedbackStore } from '../store/store.ts';
import { attemptLogin } from './auth.ts';
import type { AdminConfig } from './config.ts';
import type { LoginError } from './views.ts';

/** What a posted form did. */
export type LoginOutcome =
	| { kind: 'signed-in'; session: string }
	| { kind: 'signed-out' }
	| { kind: 'refused'; status: 401 | 429; error: LoginError; retryAfterSeconds?: number }
	/** The attempt could not be counted (the store failed): nobody signs in unchecked. */
	| { kind: 'unavailable'; error: unknown };

/** What {@link postLogin} needs besides the request. */
export interface LoginInput {
	config: AdminConfig;
	store: () => Promise<FeedbackStore>;
	clientAddress: string | undefined;
	now: Date;
}

/** Handles the posted form: `action=logout`, or a login with `token`. */
export async function postLogin(request: Request, input: LoginInput): Promise<LoginOutcome> {
	let form: FormData;
	try {
		form = await request.formData();
	} catch {
		return { kind: 'refused', status: 401, error: { kind: 'wrong' } };
	}
	if (form.get('action') === 'logout') return { kind: 'signed-out' };
	const token = form.get('token');
	let result;
	try {
		result = await attemptLogin(typeof token === 'string' ? token : '', {
			token: input.config.token,
			store: await input.store(),
			clientAddress: input.clientAddress,
			now: input.now,
			rule: input.config.loginRule,
		});
	} catch (error) {
		return { kind: 'unavailable', error };
	}
	if (result.ok) return { kind: 'signed-in', session: result.session };
	if (result.reason === 'wrong-token') {
		return { kind: 'refused', status: 401, error: { kind: 'wrong' } };
	}
	return {
		kind: 'refused',
		status: 429,
		error: { kind: 'rate-limited', minutes: Math.ceil(result.retryAfterSeconds / 60) },
		retryAfterSeconds: result.retryAfterSeconds,
	};
}
