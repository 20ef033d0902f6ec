/**
 * The security headers of `npm start` (scripts/start.ts): the ones the build wrote to
 * `<client>/_headers` for static hosts, so the Node server and a static host send the same.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { parseHeadersFile } from './headers-file.ts';
import { isHttps, type TrustedProxies } from './https.ts';

/** The headers of the `/*` rule, with Strict-Transport-Security apart (HTTPS only). */
export interface SiteHeaders {
	always: Record<string, string>;
	https: Record<string, string>;
}

const hsts = 'Strict-Transport-Security';

/**
 * Reads the `/*` rule of `<clientDir>/_headers`.
 * @throws Error saying to rebuild when the file or its page CSP is missing (a build from before
 * the security headers).
 */
export function readSiteHeaders(clientDir: string): SiteHeaders {
	const file = join(clientDir, '_headers');
	const rule = existsSync(file)
		? parseHeadersFile(readFileSync(file, 'utf8')).get('/*')
		: undefined;
	if (!rule?.['Content-Security-Policy']) {
		throw new Error(`${file} has no Content-Security-Policy for /*: rebuild (npm run build).`);
	}
	const { [hsts]: hstsValue, ...always } = rule;
	return { always, https: hstsValue ? { [hsts]: hstsValue } : {} };
}

/**
 * Sets the site's headers on a response before the Astro handler answers. Astro's own headers
 * (a page rendered on demand has its own CSP; API answers get `resourceCsp` from the middleware)
 * are passed to `writeHead` and so take precedence over these.
 */
export function setSiteHeaders(
	req: IncomingMessage,
	res: ServerResponse,
	headers: SiteHeaders,
	trusted: TrustedProxies,
): void {
	for (const [name, value] of Object.entries(headers.always)) res.setHeader(name, value);
	const forwarded = req.headers['x-forwarded-proto'];
	const https = isHttps(
		{
			encrypted: 'encrypted' in req.socket && req.socket.encrypted === true,
			remoteAddress: req.socket.remoteAddress,
			forwardedProto: Array.isArray(forwarded) ? forwarded[0] : forwarded,
		},
		trusted,
	);
	if (https) for (const [name, value] of Object.entries(headers.https)) res.setHeader(name, value);
}
