/**
 * `npm start`, for a machine with the whole project (after `npm install`): builds the site when
 * the build is missing or older than its sources, then runs the built production server,
 * `<outDir>/server/serve.mjs` (scripts/serve.ts), the same file `npm run serve` runs in
 * production. `--no-build` serves the build as it is.
 *
 * Configuration: HC_OUT_DIR (dist), and the server's own (README's Configuration table).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = join(import.meta.dirname, '..');
// resolve, not join: HC_OUT_DIR may be absolute (a build in /tmp), as astro.config.mjs allows.
const outDir = resolve(root, process.env['HC_OUT_DIR'] ?? 'dist');
/** Written last by a build (src/integrations/serve-bundle.ts): its age is the build's. */
const server = join(outDir, 'server/serve.mjs');
const sources = [
	'src',
	'content',
	'public',
	'scripts/serve.ts',
	'astro.config.mjs',
	'package-lock.json',
];

/** Newest modification time under a path, in ms. */
function newest(path: string): number {
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	return readdirSync(path).reduce(
		(max, name) => Math.max(max, newest(join(path, name))),
		stat.mtimeMs,
	);
}

function buildIfStale(): void {
	const builtAt = existsSync(server) ? statSync(server).mtimeMs : 0;
	const changed = sources.filter(
		(s) => existsSync(join(root, s)) && newest(join(root, s)) > builtAt,
	);
	if (builtAt && changed.length === 0) return;
	console.log(
		builtAt ? `Sources changed (${changed.join(', ')}): rebuilding…` : 'No build yet: building…',
	);
	const astro = join(root, 'node_modules/astro/bin/astro.mjs');
	const result = spawnSync(process.execPath, [astro, 'build'], { cwd: root, stdio: 'inherit' });
	if (result.status !== 0) process.exit(result.status ?? 1);
}

if (!process.argv.includes('--no-build')) buildIfStale();
if (!existsSync(server)) {
	console.error(`Cannot start: no ${server}. Build first (npm run build) or drop --no-build.`);
	process.exit(1);
}
await import(pathToFileURL(server).href);
