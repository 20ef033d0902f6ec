// @ts-check
import mdx from '@astrojs/mdx';
import netlify from '@astrojs/netlify';
import node from '@astrojs/node';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultLocale, localeTags } from './src/i18n/locales.ts';
import { searchPagePaths } from './src/components/search/paths.ts';
import { finderFormPaths } from './src/lib/mail-provider/paths.ts';
import pagefind from './src/integrations/pagefind.ts';
import securityHeaders from './src/integrations/security-headers.ts';
import serveBundle from './src/integrations/serve-bundle.ts';
import siteIndex from './src/integrations/site-index.ts';
import { siteConfig } from './src/site.config.ts';

/** Where the on-demand routes (the feedback API) run: `DEPLOY_TARGET=netlify`, or Node (default). */
const target = process.env.DEPLOY_TARGET || 'node';
if (target !== 'node' && target !== 'netlify') {
	throw new Error(`DEPLOY_TARGET: expected "node" or "netlify", got "${target}".`);
}

/**
 * The build output folder. The build runs its own server chunks from there, and they find their
 * packages in a node_modules of a parent folder: inside the project, or a folder with a link to it.
 */
const outDir = process.env.HC_OUT_DIR || 'dist';
const outPath = resolve(fileURLToPath(new URL('.', import.meta.url)), outDir);
/** @type {(dir: string) => boolean} */
const hasPackages = (dir) =>
	existsSync(join(dir, 'node_modules/astro')) ||
	(dirname(dir) !== dir && hasPackages(dirname(dir)));
if (!hasPackages(dirname(outPath))) {
	throw new Error(
		`HC_OUT_DIR: expected a folder inside the project (such as "dist-test"), got "${outDir}"; no node_modules above ${outPath}, so the build could not load its packages.`,
	);
}

export default defineConfig({
	site: siteConfig.siteUrl,
	// A separate output folder lets parallel builds (tests, benchmarks) not overwrite each other.
	outDir,
	trailingSlash: 'ignore',
	output: 'static',
	// staticHeaders: the CSP goes into response headers (and the per-page list the security-headers
	// integration writes to _headers), not into a <meta> that cannot carry frame-ancestors.
	adapter:
		target === 'netlify'
			? netlify({ staticHeaders: true })
			: node({ mode: 'standalone', staticHeaders: true }),
	// The feedback API checks Origin and Sec-Fetch-Site itself and answers application/problem+json
	// (src/lib/feedback/origin.ts); Astro's check would answer first, in plain text.
	// The Content-Security-Policy (security.csp) is switched on by the security-headers integration
	// for builds only: `astro dev` injects styles inline, which the policy would block.
	security: { checkOrigin: false },
	integrations: [
		siteIndex(),
		mdx(),
		sitemap({
			i18n: { defaultLocale, locales: localeTags },
			// Not the 404 pages, nor the search results pages (noindex: their content is the query's),
			// nor the dashboard (on demand, behind a token: no page for search engines), nor the
			// finder's no-JS route (on demand: a redirect, or the form again with a message).
			filter: (page) =>
				!/\/404\/$/.test(page) &&
				!new URL(page).pathname.startsWith('/admin/') &&
				![...Object.values(searchPagePaths), ...Object.values(finderFormPaths)].some((p) =>
					page.endsWith(p),
				),
			// Alternates as in the pages' own hreflang links (HeadMeta.astro). The integration takes `/`
			// for the Dutch home (it expects the default language without a prefix), but `/` is the
			// language chooser: x-default of the homes. Other pages' x-default is their Dutch version.
			serialize: (item) => {
				if (!item.links) return item;
				const links = item.links.map((link) =>
					new URL(link.url).pathname === '/' ? { ...link, lang: 'x-default' } : link,
				);
				const dutch = links.find((link) => link.lang === localeTags[defaultLocale]);
				if (dutch && !links.some((link) => link.lang === 'x-default')) {
					links.push({ url: dutch.url, lang: 'x-default' });
				}
				return { ...item, links };
			},
		}),
		// Writes _headers (the security headers and the merged page CSP) for static hosts.
		securityHeaders(),
		// Last: it indexes the HTML the other integrations have finished writing.
		pagefind(),
		// The production server as plain JavaScript: <outDir>/server/serve.mjs (npm run serve).
		serveBundle({ enabled: target === 'node' }),
	],
	// Shiki colours code with style attributes, which the CSP (no 'unsafe-inline') blocks; the
	// articles show no code, and a code block stays plain <pre><code>.
	markdown: { syntaxHighlight: false },
	vite: {
		build: {
			rolldownOptions: {
				// Astro marks each MDX module with "use astro:head-inject", which Rolldown warns it may not
				// keep when bundling: one warning per article (withastro/astro#18087), thousands of
				// lines in a large knowledge base. Only the message is dropped; the output is unchanged.
				onLog(level, log, handler) {
					if (log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('astro:head-inject')) {
						return;
					}
					handler(level, log);
				},
			},
		},
	},
	build: {
		format: 'directory',
		// CSS in the page: one gzip stream with the HTML whose class names it shares, no extra
		// request before first paint. An article arrives 1.1 KB (gzip) lighter than with linked
		// files, within the 15 KiB budget (tests/dist/page-weight.test.ts).
		inlineStylesheets: 'always',
	},
});
