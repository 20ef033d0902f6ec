/**
 * `npm start`: builds the site when the build is missing or older than its sources, then serves
 * it with the Astro Node adapter's own handler (static files + on-demand routes). In front of it,
 * one thing a static host cannot do: `/` is redirected to `/nl/` or `/en/` by Accept-Language.
 * Text responses are compressed (Brotli or gzip, by Accept-Encoding).
 * Every response carries the security headers the build wrote to `<client>/_headers`.
 *
 * Configuration: PORT (4321), HOST (localhost), HC_OUT_DIR (dist), TRUSTED_PROXIES; see README.
 */
import compression from 'compression';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { negotiateLocale } from '../src/i18n/locales.ts';
import { feedbackConfig } from '../src/lib/feedback/config.ts';
import { openStore } from '../src/lib/store/open.ts';
import { parseTrustedProxies, type TrustedProxies } from '../src/lib/security/https.ts';
import {
	readSiteHeaders,
	setSiteHeaders,
	type SiteHeaders,
} from '../src/lib/security/node-server.ts';

const root = join(import.meta.dirname, '..');
// resolve, not join: HC_OUT_DIR may be absolute (a build in /tmp), as astro.config.mjs allows.
const outDir = resolve(root, process.env['HC_OUT_DIR'] ?? 'dist');
const entry = join(outDir, 'server/entry.mjs');
const sources = ['src', 'content', 'public', 'astro.config.mjs', 'package-lock.json'];

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
	const builtAt = existsSync(entry) ? statSync(entry).mtimeMs : 0;
	const changed = sources.filter(
		(s) => existsSync(join(root, s)) && newest(join(root, s)) > builtAt,
	);
	if (builtAt && changed.length === 0) return;
	console.log(
		builtAt ? `Sources changed (${changed.join(', ')}): rebuilding…` : 'No build yet: building…',
	);
	const result = spawnSync('astro', ['build'], { cwd: root, stdio: 'inherit', shell: false });
	if (result.status !== 0) process.exit(result.status ?? 1);
}

if (!process.argv.includes('--no-build')) buildIfStale();

// Create the feedback database (SQLite by default) and run its migrations before serving, so a
// bad FEEDBACK_* setting or an unreachable database stops the start with a clear message.
try {
	const store = await openStore(feedbackConfig(process.env, root).database);
	console.log(`Feedback store ready (${store.kind}).`);
	await store.close();
} catch (error) {
	console.error(`Cannot start: ${error instanceof Error ? error.message : String(error)}`);
	process.exit(1);
}

let siteHeaders: SiteHeaders;
let trustedProxies: TrustedProxies;
try {
	siteHeaders = readSiteHeaders(join(outDir, 'client'));
	trustedProxies = parseTrustedProxies(process.env['TRUSTED_PROXIES']);
} catch (error) {
	console.error(`Cannot start: ${error instanceof Error ? error.message : String(error)}`);
	process.exit(1);
}

process.env['ASTRO_NODE_AUTOSTART'] = 'disabled';
const { handler } = (await import(pathToFileURL(entry).href)) as {
	handler: (req: IncomingMessage, res: ServerResponse) => void;
};

const port = Number(process.env['PORT'] ?? 4321);
const host = process.env['HOST'] ?? 'localhost';

// gzip or Brotli for text (HTML, CSS, JS, JSON, SVG) as a CDN would; Pagefind's index and wasm
// are compressed files already and pass through.
// (Typed for Express; it needs only Node's request and response.)
const compress = compression() as unknown as (
	req: IncomingMessage,
	res: ServerResponse,
	next: () => void,
) => void;

const server = createServer((req, res) => {
	setSiteHeaders(req, res, siteHeaders, trustedProxies);
	compress(req, res, () => route(req, res));
});

function route(req: IncomingMessage, res: ServerResponse): void {
	const path = req.url?.split('?')[0];
	if (path === '/_headers') {
		// The static hosts' config file, not a page.
		res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
		res.end('Not found');
		return;
	}
	if (path === '/' && (req.method === 'GET' || req.method === 'HEAD')) {
		const lang = negotiateLocale(req.headers['accept-language']);
		res.writeHead(302, {
			Location: `/${lang}/`,
			Vary: 'Accept-Language',
			'Cache-Control': 'no-cache',
		});
		res.end();
		return;
	}
	handler(req, res);
}

server.listen(port, host, () => {
	console.log(
		`SpinOffice Help Center: http://${host}:${port}/ (Dutch home: http://${host}:${port}/nl/)`,
	);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.on(signal, () => server.close(() => process.exit(0)));
}
