/**
 * Puts the site index (src/lib/site-index.ts) in the bundle as `virtual:hc/site-index`, and the
 * part of it the feedback API checks votes against as `virtual:hc/feedback-articles`: read from
 * `content/` once per build, and again in `astro dev` whenever a content file changes. In Astro's
 * bundles the second is the first (no copy); the production server's own bundle, which needs only
 * that part, gets it alone (`own`).
 */
import type { AstroIntegration } from 'astro';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { publishedArticlesModule, readSiteIndex, siteIndexModule } from '../lib/site-index.ts';

const ids = ['virtual:hc/site-index', 'virtual:hc/feedback-articles'] as const;
const resolvedIds = new Map(ids.map((id) => [`\0${id}`, id]));

/**
 * The Vite plugin that serves both modules for the project in `root`; also used by the
 * production server's own bundle (src/integrations/serve-bundle.ts).
 */
export function siteIndexPlugin(
	root: string,
	command: 'dev' | 'build' | 'preview' | 'sync',
	feedbackArticles: 'shared' | 'own' = 'shared',
): Plugin {
	/** How each module is made from the index. */
	const modules = {
		'virtual:hc/site-index': siteIndexModule,
		'virtual:hc/feedback-articles': publishedArticlesModule,
	};
	const contentDir = resolve(root, 'content');
	const read = () => readSiteIndex(root, { drafts: command === 'dev' });
	// Content does not change during a build: one read for all its environments.
	let built: ReturnType<typeof read> | undefined;
	return {
		name: 'hc-site-index',
		resolveId(source) {
			return (ids as readonly string[]).includes(source) ? `\0${source}` : undefined;
		},
		load(moduleId) {
			const id = resolvedIds.get(moduleId);
			if (!id) return undefined;
			if (id === 'virtual:hc/feedback-articles' && feedbackArticles === 'shared') {
				return `export { default } from 'virtual:hc/site-index';\n`;
			}
			const index = command === 'build' ? (built ??= read()) : read();
			return modules[id](index);
		},
		configureServer(server) {
			server.watcher.add(join(contentDir, '**'));
			server.watcher.on('all', (_event, file) => {
				if (!resolve(file).startsWith(contentDir + sep)) return;
				for (const environment of Object.values(server.environments)) {
					for (const resolvedId of resolvedIds.keys()) {
						const module = environment.moduleGraph.getModuleById(resolvedId);
						if (module) environment.moduleGraph.invalidateModule(module);
					}
				}
			});
		},
	};
}

/** The integration. */
export default function siteIndex(): AstroIntegration {
	return {
		name: 'hc-site-index',
		hooks: {
			'astro:config:setup': ({ command, config, updateConfig }) => {
				updateConfig({ vite: { plugins: [siteIndexPlugin(fileURLToPath(config.root), command)] } });
			},
		},
	};
}
