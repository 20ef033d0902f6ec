/**
 * Whether a POST comes from another site (a cross-site request forgery attempt). Browsers send
 * `Sec-Fetch-Site` and `Origin` with every POST; a request with neither is not from a browser
 * page and so cannot be forged by one.
 * @param allowedOrigins origins besides the request's own, e.g. the public site URL when a proxy
 *   in front rewrites the scheme or host the server sees.
 */
export function isCrossSite(request: Request, allowedOrigins: readonly string[] = []): boolean {
	if (request.headers.get('sec-fetch-site') === 'cross-site') return true;
	const origin = request.headers.get('origin');
	if (origin === null) return false;
	return origin !== new URL(request.url).origin && !allowedOrigins.includes(origin);
}
