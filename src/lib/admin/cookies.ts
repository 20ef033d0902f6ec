/**
 * The session cookie on the wire, through `cookie` (the parser Astro itself uses): read from the
 * request's `Cookie` header, written as a `Set-Cookie` header on the handler's own response.
 */
import { parseCookie, stringifySetCookie } from 'cookie';
import { secureCookie, sessionCookieName, sessionSeconds } from './auth.ts';

/** The session cookie's value in `request`, if it sent one. */
export function sessionOf(request: Request): string | undefined {
	const header = request.headers.get('cookie');
	return header ? parseCookie(header)[sessionCookieName] : undefined;
}

/**
 * A `Set-Cookie` value: the new session, or (for null) one that makes the browser drop it.
 * Scoped to `/admin/`, HttpOnly, SameSite=Strict, and Secure except over http to localhost.
 */
export function sessionCookie(session: string | null, url: URL): string {
	return stringifySetCookie({
		name: sessionCookieName,
		value: session ?? '',
		path: '/admin/',
		httpOnly: true,
		secure: secureCookie(url),
		sameSite: 'strict',
		...(session ? { maxAge: sessionSeconds } : { maxAge: 0, expires: new Date(0) }),
	});
}
