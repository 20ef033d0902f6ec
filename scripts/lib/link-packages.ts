/**
 * Gives a copy of the project (a benchmark's knowledge base, a test's broken site) the project's
 * packages without its caches. Linking the whole node_modules folder would make every build of a
 * copy write into the project's own `node_modules/.astro` (Astro's content data store) and
 * `.vite`: a test's copy built while another copy syncs its content, or while the project builds,
 * could read the other's articles. So the copy gets a real node_modules folder holding a link to
 * each package, and its caches of its own.
 */
import { mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';

/** What builds write into node_modules: never shared with a copy. */
const caches = new Set(['.astro', '.vite', '.vite-temp', '.vitest-cache', '.cache']);

/** Creates `<dir>/node_modules` with a link to each of `projectRoot`'s packages (not its caches). */
export function linkPackages(projectRoot: string, dir: string): void {
	const source = join(projectRoot, 'node_modules');
	const target = join(dir, 'node_modules');
	mkdirSync(target, { recursive: true });
	for (const entry of readdirSync(source)) {
		if (caches.has(entry)) continue;
		symlinkSync(join(source, entry), join(target, entry));
	}
}
