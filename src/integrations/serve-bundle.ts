/**
 * Bundles the production server (scripts/serve.ts and the `src/` modules it imports) into
 * `<outDir>/server/serve.mjs` after each Node build, as plain JavaScript: the server's own Node
 * runs it without TypeScript support (Node strips types by default only from 22.18), with the
 * project's `dependencies` as its only packages (they stay imports, resolved at run time).
 */
import type { AstroIntegration } from 'astro';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { siteIndexPlugin } from './site-index.ts';

/** The bundle's file name in the server output folder; `npm run serve` runs it. */
export const serveFile = 'serve.mjs';

/** The integration; `enabled` is false for targets with no Node server (Netlify). */
export default function serveBundle({ enabled }: { enabled: boolean }): AstroIntegration {
	let root = '';
	let serverDir = '';
	return {
		name: 'hc-serve-bundle',
		hooks: {
			'astro:config:done': ({ config }) => {
				root = fileURLToPath(config.root);
				serverDir = fileURLToPath(config.build.server);
			},
			'astro:build:done': async ({ logger }) => {
				if (!enabled) return;
				// Vite, which Astro builds with: its SSR build keeps node_modules packages external.
				await build({
					configFile: false,
					root,
					logLevel: 'warn',
					// The vote route it answers itself checks votes against the published articles.
					plugins: [siteIndexPlugin(root, 'build', 'own')],
					build: {
						ssr: join(root, 'scripts/serve.ts'),
						outDir: serverDir,
						emptyOutDir: false,
						target: 'node22.12',
						minify: false,
						copyPublicDir: false,
						rolldownOptions: {
							// The stores stay separate chunks, loaded when chosen (src/lib/store/open.ts):
							// a server on PostgreSQL never loads node:sqlite.
							output: { entryFileNames: serveFile, chunkFileNames: 'serve/[name]-[hash].mjs' },
						},
					},
				});
				logger.info(`${serveFile} written (npm run serve)`);
			},
		},
	};
}
