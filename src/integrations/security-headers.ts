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
 * adapter (`staticHeaders`) in `astro:build:generated`. The pages' policies differ only by those
 * hashes, so this merges them into one policy for the whole site (every page's hashes: 2.5 KB
 * for the real site) and stops the adapters from repeating it per route, which they do from that
 * map afterwards:
 * - Node: the map is emptied, so the adapter writes no `_headers.json` (one entry per page, 3.7
 *   MiB at 1,000 articles per language) and its static handler no longer matches every request
 *   against it. `npm start` (scripts/serve.ts) sends `_headers`'s policy on every response; that
 *   also sidesteps the adapter matching a page's entry by substring, which gave `/nl/` the policy
 *   of `/nl/zoeken` (https://github.com/withastro/astro/pull/16673).
 * - Netlify: the map keeps one `/*` entry, so the framework config has one rule, like `_headers`.
 *
 * The adapters' `staticHeaders` option stays on all the same: without it Astro would put each
 * page's policy in a `<meta>`, which cannot carry `frame-ancestors`.
 */
export default function securityHeadersIntegration(): AstroIntegration {
	let pageCsp = '';
	let ownFile: URL | undefined;
	let adapter: string | undefined;
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
				adapter = config.adapter?.name;
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
				const [any] = routeToHeaders.values();
				routeToHeaders.clear();
				if (adapter === '@astrojs/netlify' && any) {
					const headers = new Headers({ 'Content-Security-Policy': pageCsp });
					routeToHeaders.set('/*', { ...any, headers });
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
