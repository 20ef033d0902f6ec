import { hstsHeader, resourceCsp, securityHeaders } from './headers.ts';

/**
 * Adds the security headers to a response rendered on demand (API answers, the dashboard, the
 * 404 page). Serverless platforms apply `_headers` to static files only, so these routes send
 * their own. A page keeps the CSP Astro gave it; anything else that is not HTML gets the empty
 * `resourceCsp`. (An HTML page without a policy is left so: `astro dev` computes none.)
 * @param https whether the request came over HTTPS (then Strict-Transport-Security is added)
 */
export function withSecurityHeaders(response: Response, https: boolean): Response {
	const headers = {
		...securityHeaders,
		...(https ? hstsHeader : {}),
		...(response.headers.has('Content-Security-Policy') ||
		response.headers.get('Content-Type')?.startsWith('text/html')
			? {}
			: { 'Content-Security-Policy': resourceCsp }),
	};
	try {
		for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
		return response;
	} catch {
		// Response.redirect() and fetched responses have immutable headers: copy them.
		const copy = new Response(response.body, response);
		for (const [name, value] of Object.entries(headers)) copy.headers.set(name, value);
		return copy;
	}
}
