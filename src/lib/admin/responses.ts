/** The headers and the plain answers (not pages) of the dashboard's routes. */

/** Headers on every dashboard response, the 404 and the login form included. */
export const adminHeaders: Readonly<Record<string, string>> = {
	'Cache-Control': 'no-store',
	'X-Robots-Tag': 'noindex, nofollow',
	// The dashboard acts on a signed-in session: no other site may frame it (clickjacking).
	'Content-Security-Policy': "frame-ancestors 'none'",
	'Referrer-Policy': 'same-origin',
};

/** A short plain-text answer (the CSV route's errors, a refused request). */
export function textResponse(
	status: number,
	body: string,
	headers: Record<string, string> = {},
): Response {
	return new Response(`${body}\n`, {
		status,
		headers: { ...adminHeaders, 'Content-Type': 'text/plain; charset=utf-8', ...headers },
	});
}

/** 303 See Other to `location`, setting or clearing the session cookie on the way. */
export function redirectResponse(location: string, setCookie: string): Response {
	return new Response(null, {
		status: 303,
		headers: { ...adminHeaders, Location: location, 'Set-Cookie': setCookie },
	});
}
