/**
 * Whether a request to `npm start` came over HTTPS, which decides the Strict-Transport-Security
 * header. Behind a TLS-terminating proxy the socket is plain HTTP, so the proxy's
 * `X-Forwarded-Proto` counts, but only from the addresses in `TRUSTED_PROXIES`.
 */
import { isIP } from 'node:net';

/** Addresses of the proxies whose `X-Forwarded-Proto` counts; `TRUSTED_PROXIES`. */
export type TrustedProxies = ReadonlySet<string>;

/** Default: a proxy on the same machine (the usual TLS-terminating nginx or Caddy). */
export const defaultTrustedProxies = '127.0.0.1,::1';

/**
 * Reads `TRUSTED_PROXIES`: comma-separated IP addresses, or `none`.
 * @throws Error naming the variable and the bad entry.
 */
export function parseTrustedProxies(value: string | undefined): TrustedProxies {
	const text = (value ?? defaultTrustedProxies).trim();
	if (text === 'none') return new Set();
	const entries = text.split(',').map((e) => e.trim());
	const bad = entries.find((e) => isIP(e) === 0);
	if (bad !== undefined) {
		throw new Error(
			`TRUSTED_PROXIES: expected comma-separated IP addresses or "none", got "${bad}".`,
		);
	}
	return new Set(entries);
}

/** What decides whether a request reached us over HTTPS. */
export interface RequestTransport {
	/** The TLS socket itself was encrypted (a certificate on this server). */
	encrypted: boolean;
	/** The peer's address (`::ffff:127.0.0.1` style allowed). */
	remoteAddress: string | undefined;
	/** The `X-Forwarded-Proto` header, if any (first value counts). */
	forwardedProto: string | undefined;
}

/**
 * True when the reader's connection is HTTPS: our own TLS, or `X-Forwarded-Proto: https` from a
 * trusted proxy. A header from anyone else is ignored; it could only make us send HSTS over HTTP,
 * which browsers ignore, but the rule stays the one a proxy setup expects.
 */
export function isHttps(transport: RequestTransport, trusted: TrustedProxies): boolean {
	if (transport.encrypted) return true;
	const peer = transport.remoteAddress?.replace(/^::ffff:/, '');
	if (!peer || !trusted.has(peer)) return false;
	return transport.forwardedProto?.split(',')[0]?.trim().toLowerCase() === 'https';
}
