/** The headers and the plain answers (not pages) of the dashboard's routes. */

/** Headers on every dashboard response, the 404 and the login form included. */
export const adminHeaders: Readonly<Record<string, string>> = {
	'Cache-Control': 'no-store',
	'X-Robots-Tag': 'noindex, nofollow',
	// The dashboard acts on a signed-in session: no other site may frame it (clickjacking).
	'Content-Security-Policy': "frame-ancestors 'none'",
	'Referrer-Policy': 'same-origin',
};

/**
 * The reason phrase of each status the dashboard answers with. Astro sends a page's status with
 * the text "OK" unless told otherwise ("401 OK"), and a `Response` made without one carries an
 * empty text that some platforms pass on as it is: so every answer names its phrase itself.
 */
const reasonPhrases: Readonly<Record<number, string>> = {
	200: 'OK',
	303: 'See Other',
	400: 'Bad Request',
	401: 'Unauthorized',
	403: 'Forbidden',
	404: 'Not Found',
	405: 'Method Not Allowed',
	429: 'Too Many Requests',
	503: 'Service Unavailable',
};

/** The standard reason phrase of `status` ("Unauthorized" for 401); empty for one not listed. */
export function reasonPhrase(status: number): string {
	return reasonPhrases[status] ?? '';
}

/** A short plain-text answer (the CSV route's errors, a refused request). */
export function textResponse(
	status: number,
	body: string,
	headers: Record<string, string> = {},
): Response {
	return new Response(`${body}\n`, {
		status,
		statusText: reasonPhrase(status),
		headers: { ...adminHeaders, 'Content-Type': 'text/plain; charset=utf-8', ...headers },
	});
}

/** 303 See Other to `location`, setting or clearing the session cookie on the way. */
export function redirectResponse(location: string, setCookie: string): Response {
	return new Response(null, {
		status: 303,
		statusText: reasonPhrase(303),
		headers: { ...adminHeaders, Location: location, 'Set-Cookie': setCookie },
	});
}
