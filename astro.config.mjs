// @ts-check
import mdx from '@astrojs/mdx';
import netlify from '@astrojs/netlify';
import node from '@astrojs/node';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { defaultLocale, localeTags } from './src/i18n/locales.ts';
import { searchPagePaths } from './src/components/search/paths.ts';
import pagefind from './src/integrations/pagefind.ts';
import { siteConfig } from './src/site.config.ts';

/** Where the on-demand routes (the feedback API) run: `DEPLOY_TARGET=netlify`, or Node (default). */
const target = process.env.DEPLOY_TARGET || 'node';
if (target !== 'node' && target !== 'netlify') {
	throw new Error(`DEPLOY_TARGET: expected "node" or "netlify", got "${target}".`);
}

export default defineConfig({
	site: siteConfig.siteUrl,
	// A separate output folder lets parallel builds (tests, benchmarks) not overwrite each other.
	outDir: process.env.HC_OUT_DIR ?? 'dist',
	trailingSlash: 'ignore',
	output: 'static',
	adapter: target === 'netlify' ? netlify() : node({ mode: 'standalone' }),
	// The feedback API checks Origin and Sec-Fetch-Site itself and answers application/problem+json
	// (src/lib/feedback/origin.ts); Astro's check would answer first, in plain text.
	security: { checkOrigin: false },
	integrations: [
		mdx(),
		sitemap({
			i18n: { defaultLocale, locales: localeTags },
			// Not the 404 pages, nor the search results pages (noindex: their content is the query's).
			filter: (page) =>
				!/\/404\/$/.test(page) && !Object.values(searchPagePaths).some((p) => page.endsWith(p)),
		}),
		// Last: it indexes the HTML the other integrations have finished writing.
		pagefind(),
	],
	build: { format: 'directory' },
});
