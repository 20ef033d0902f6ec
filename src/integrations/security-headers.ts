import type { AstroIntegration } from 'astro';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { csp, mergeCsp } from '../lib/security/csp.ts';
import { formatHeadersFile } from '../lib/security/headers-file.ts';
import { hstsHeader, securityHeaders } from '../lib/security/headers.ts';

/** Name of the headers file in the client output folder, read by `npm start` too. */
export const headersFile = '_headers';

/**
 * Switches on Astro's Content-Security-Policy (`security.csp`, src/lib/security/csp.ts) for builds,
 * gives every prerendered page one policy and writes the security headers for
 * static hosts to `<client>/_headers`, from the same build, so the two never drift apart.
 *
 * Astro computes a policy per page (its inline scripts' and styles' hashes) and hands them to the
 * adapter (`staticHeaders`) in `astro:build:generated`. This merges them into one policy and puts
 * it back into that map, which the adapters read afterwards: the Node adapter's `_headers.json`
 * and Netlify's `.netlify/v1/config.json` then carry the same value as `_headers`. One policy also
 * sidesteps the Node adapter matching a page's entry by substring, which gave `/nl/` the policy of
 * `/nl/zoeken` (https://github.com/withastro/astro/pull/16673).
 */
export default function securityHeadersIntegration(): AstroIntegration {
	let pageCsp = '';
	let ownFile: URL | undefined;
	return {
		name: 'hc-security-headers',
		hooks: {
			'astro:config:setup': ({ command, updateConfig }) => {
				// Builds only: the dev server injects styles inline, which the policy would block
				// (Astro's CSP does not support dev mode).
				if (command === 'build') updateConfig({ security: { csp } });
			},
			'astro:config:done': ({ config }) => {
				ownFile = new URL(headersFile, config.publicDir);
			},
			'astro:build:generated': ({ routeToHeaders }) => {
				const policies = [...routeToHeaders.values()].flatMap(
					({ headers }) => headers.get('Content-Security-Policy') ?? [],
				);
				if (policies.length === 0) {
					throw new Error(
						'hc-security-headers: Astro produced no page Content-Security-Policy; it needs security.csp and the adapter option staticHeaders: true (astro.config.mjs).',
					);
				}
				pageCsp = mergeCsp(policies);
				for (const { headers } of routeToHeaders.values()) {
					headers.set('Content-Security-Policy', pageCsp);
				}
			},
			'astro:build:done': async ({ dir, logger }) => {
				const file = new URL(headersFile, dir);
				if (ownFile && existsSync(ownFile)) {
					throw new Error(
						`hc-security-headers: public/${headersFile} would be overwritten; the build writes it (src/lib/security/headers.ts).`,
					);
				}
				const rules = new Map([
					['/*', { 'Content-Security-Policy': pageCsp, ...securityHeaders, ...hstsHeader }],
				]);
				const comment =
					'Security headers for static hosts (Netlify, Cloudflare Pages). Written by the build\n(src/integrations/security-headers.ts); npm start sends the same.';
				await writeFile(file, formatHeadersFile(rules, comment));
				logger.info(`Wrote ${headersFile} (page CSP of ${pageCsp.length} characters).`);
			},
		},
	};
}
