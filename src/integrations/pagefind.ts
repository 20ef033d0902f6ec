import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { localeTags } from '../i18n/locales.ts';
import { servePagefindBundle } from './pagefind-dev.ts';
import { buildSearchIndex } from './pagefind-index.ts';
import { loadIndexExtras, loadSearchSynonyms } from './search-extras.ts';

/**
 * Builds the Pagefind search index after `astro build` (hook `astro:build:done`), into
 * `<outDir>/client/pagefind`, and lets `astro dev` serve the last built index. Follows the
 * shape of the astro-pagefind integration, with Pagefind's Node API instead of its CLI.
 */
export default function pagefind(): AstroIntegration {
	let clientDir = '';
	let root = '';
	return {
		name: 'hc-pagefind',
		hooks: {
			// The browser's search bundles the synonyms file: check it before anything is built.
			'astro:config:setup': async ({ config }) => {
				root = fileURLToPath(config.root);
				await loadSearchSynonyms(root);
			},
			'astro:config:done': ({ config, buildOutput }) => {
				// With the Node adapter the browser's files go to build.client; a purely static
				// site writes them to outDir itself.
				const client = buildOutput === 'static' ? config.outDir : config.build.client;
				clientDir = fileURLToPath(client).replace(/\/$/, '');
			},
			'astro:server:setup': ({ server }) => {
				server.middlewares.use(servePagefindBundle(`${clientDir}/pagefind`));
			},
			'astro:build:done': async ({ logger }) => {
				const started = performance.now();
				const report = await buildSearchIndex(clientDir, await loadIndexExtras(root));
				// Pagefind names an index after <html lang>; a language without one means its
				// article pages lost data-pagefind-body or their lang attribute.
				const missing = Object.values(localeTags).filter((tag) => !report.pages[tag.toLowerCase()]);
				if (missing.length > 0) {
					throw new Error(
						`Pagefind built no search index for ${missing.join(', ')}: article pages need <html lang> and data-pagefind-body (src/layouts/ArticleLayout.astro).`,
					);
				}
				const counts = Object.entries(report.pages).map(([lang, n]) => `${n} ${lang}`);
				const ms = Math.round(performance.now() - started);
				logger.info(
					`Indexed ${counts.join(' + ')} articles into ${report.outputPath} in ${ms} ms.`,
				);
			},
		},
	};
}
