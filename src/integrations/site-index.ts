/**
 * Puts the site index (src/lib/site-index.ts) in the bundle as `virtual:hc/site-index`: read
 * from `content/` once per build, and again in `astro dev` whenever a content file changes.
 */
import type { AstroIntegration } from 'astro';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readSiteIndex, siteIndexModule } from '../lib/site-index.ts';

const id = 'virtual:hc/site-index';
const resolvedId = `\0${id}`;

/** The integration. */
export default function siteIndex(): AstroIntegration {
	return {
		name: 'hc-site-index',
		hooks: {
			'astro:config:setup': ({ command, config, updateConfig }) => {
				const root = fileURLToPath(config.root);
				const contentDir = resolve(root, 'content');
				const read = () => siteIndexModule(readSiteIndex(root, { drafts: command === 'dev' }));
				let built: string | undefined;
				updateConfig({
					vite: {
						plugins: [
							{
								name: 'hc-site-index',
								resolveId(source) {
									return source === id ? resolvedId : undefined;
								},
								load(moduleId) {
									if (moduleId !== resolvedId) return undefined;
									if (command !== 'build') return read();
									// Content does not change during a build: one read for all its environments.
									built ??= read();
									return built;
								},
								configureServer(server) {
									server.watcher.add(join(contentDir, '**'));
									server.watcher.on('all', (_event, file) => {
										if (!resolve(file).startsWith(contentDir + sep)) return;
										for (const environment of Object.values(server.environments)) {
											const module = environment.moduleGraph.getModuleById(resolvedId);
											if (module) environment.moduleGraph.invalidateModule(module);
										}
									});
								},
							},
						],
					},
				});
			},
		},
	};
}
