/**
 * Whether a request may see the dashboard: read the settings (each request, so a token set or
 * removed takes effect without a restart) and check the session cookie against the token.
 */
import { verifySession } from './auth.ts';
import { adminConfig, type AdminConfig } from './config.ts';

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
