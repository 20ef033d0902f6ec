/**
 * The production server. The build bundles this file into `<outDir>/server/serve.mjs`
 * (src/integrations/serve-bundle.ts) as plain JavaScript, so it runs on the server's own Node
 * (>= 22.12, no TypeScript) with only `dependencies` installed: `npm run serve`.
 *
 * It serves the build it lies in with the Astro Node adapter's own handler (static files +
 * on-demand routes). In front of it, one thing a static host cannot do: `/` is redirected to
 * `/nl/` or `/en/` by Accept-Language. Text responses are compressed (Brotli or gzip, by
 * Accept-Encoding). Every response carries the security headers the build wrote to
 * `<client>/_headers`. Vote posts (`/api/feedback`) are answered here by the same handler as
 * Astro's route (src/pages/api/feedback/index.ts, which `astro dev` and Netlify use), without
 * Astro's per-request work: the adapter first looks every request up as a file, then routes
 * and renders it. Votes are the one request a reader's click sends in numbers; this path takes
 * about twice as many a second (npm run bench:endpoint, README "Performance").
 *
 * Configuration: PORT (4321), HOST (localhost), TRUSTED_PROXIES, FEEDBACK_*, MAIL_PROVIDER_*; see
 * README.
 */
import compression from 'compression';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { negotiateLocale } from '../src/i18n/locales.ts';
import { feedbackConfig } from '../src/lib/feedback/config.ts';
import { serveFeedback } from '../src/lib/feedback/runtime.ts';
import { mailProviderConfig } from '../src/lib/mail-provider/config.ts';
import { searchLogConfig } from '../src/lib/search-log/config.ts';
import { purgeSearchLog } from '../src/lib/search-log/retention.ts';
import { openStore } from '../src/lib/store/open.ts';
import { parseTrustedProxies, type TrustedProxies } from '../src/lib/security/https.ts';
import { answerWith } from '../src/lib/security/node-fetch.ts';
import {
	readSiteHeaders,
	setSiteHeaders,
	type SiteHeaders,
} from '../src/lib/security/node-server.ts';

/** Bundled, this file is `<outDir>/server/serve.mjs`: the build is the folder above it. */
const outDir = resolve(import.meta.dirname, '..');
const entry = join(outDir, 'server/entry.mjs');

function fail(message: string): never {
	console.error(`Cannot start: ${message}`);
	process.exit(1);
}

if (!existsSync(entry)) {
	fail(`no ${entry}. Run the built server, dist/server/serve.mjs (npm run serve), after a build.`);
}

// Create the feedback database (SQLite by default) and run its migrations before serving, so a
// bad FEEDBACK_* setting or an unreachable database stops the start with a clear message. The
// routes resolve relative paths (data/) against the working folder too.
// Rows of the search log older than SEARCH_LOG_DAYS go now and then once a day.
let searchLogDays = 0;
const storeSettings = () => feedbackConfig(process.env, process.cwd()).database;
try {
	searchLogDays = searchLogConfig(process.env).days;
	const store = await openStore(storeSettings());
	console.log(`Feedback store ready (${store.kind}).`);
	const purged = await purgeSearchLog(store, searchLogDays, new Date());
	if (purged > 0)
		console.log(`Search log: ${purged} rows older than ${searchLogDays} days deleted.`);
	await store.close();
} catch (error) {
	fail(error instanceof Error ? error.message : String(error));
}
setInterval(
	() => {
		openStore(storeSettings())
			.then(async (store) => {
				try {
					await purgeSearchLog(store, searchLogDays, new Date());
				} finally {
					await store.close();
				}
			})
			.catch((error: unknown) => console.error('search-log: retention failed', error));
	},
	24 * 60 * 60 * 1000,
).unref();

let siteHeaders: SiteHeaders;
let trustedProxies: TrustedProxies;
try {
	siteHeaders = readSiteHeaders(join(outDir, 'client'));
	trustedProxies = parseTrustedProxies(process.env['TRUSTED_PROXIES']);
	// The finder's settings are read again by its route; checked here so a typo stops the start.
	mailProviderConfig(process.env);
} catch (error) {
	fail(error instanceof Error ? error.message : String(error));
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

/** Routes the server answers itself (see the top of this file); their answers are small JSON. */
const direct = new Map([
	[
		'/api/feedback',
		(request: Request, clientAddress: string | undefined) =>
			serveFeedback('submit', { request, clientAddress }),
	],
]);

const server = createServer((req, res) => {
	setSiteHeaders(req, res, siteHeaders, trustedProxies);
	const own = direct.get(req.url?.split('?')[0] ?? '');
	if (own) {
		// answerWith answers every failure itself; this only keeps a bug from ending the process.
		answerWith(req, res, own).catch((error: unknown) => {
			console.error(`Could not answer ${req.method ?? ''} ${req.url ?? ''}`, error);
			res.destroy();
		});
	} else compress(req, res, () => route(req, res));
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
