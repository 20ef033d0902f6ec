/**
 * Builds a copy of the project (scripts/generate-kb.ts makes one) with this project's Astro on
 * the pinned Node, for benchmarks: into `<root>/dist`, never into this project's own output.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const projectRoot = join(import.meta.dirname, '../..');

/** Runs `astro build` in `root`; returns the seconds it took, or throws with the log's tail. */
export function buildCopy(root: string): number {
	const astro = join(projectRoot, 'node_modules/astro/bin/astro.mjs');
	// The build log runs to megabytes with 2,000 MDX files: to a file, not through a pipe.
	const log = join(root, 'build.log');
	const fd = openSync(log, 'w');
	const started = performance.now();
	const result = spawnSync(process.execPath, [astro, 'build'], {
		cwd: root,
		env: { ...process.env, HC_OUT_DIR: 'dist' },
		stdio: ['ignore', fd, fd],
	});
	closeSync(fd);
	if (result.status !== 0) {
		const tail = readFileSync(log, 'utf8').split('\n').slice(-30).join('\n');
		throw new Error(`astro build failed in ${root} (log: ${log}):\n${tail}`);
	}
	return (performance.now() - started) / 1000;
}
