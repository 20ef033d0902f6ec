/**
 * `npm run bench:search`: how big the search index is and how fast search feels, for the real
 * content and for a synthetic knowledge base of 1,000 articles per language (scripts/generate-kb.ts).
 * Each is built in a temporary copy of the project and served gzip-compressed, as a CDN would;
 * headless Chromium then measures what the first query downloads and the time from the last
 * keystroke to rendered results. A benchmark, not a test: it prints figures and judges nothing
 * but the two targets of issue 12 (first query ≤ 115 KiB gzip on 1,000 articles, typed and
 * pasted; median ≤ 150 ms). The first typed query's bytes are listed per file and per part
 * (Pagefind's code, its index, result fragments, our word lists, config, CSS and island code).
 *
 * Options: --per-language N (1000), --queries N per language (all fixture queries),
 * --delay ms between keystrokes (80), --content both|real|synthetic (both), --keep (leave the
 * temporary builds).
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { generateKnowledgeBase } from './generate-kb.ts';
import { buildCopy } from './lib/astro-build.ts';

const projectRoot = join(import.meta.dirname, '..');
const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const budget = { firstQueryBytes: 115 * 1024, medianMs: 150 };

const { values: args } = parseArgs({
	options: {
		'per-language': { type: 'string', default: '1000' },
		queries: { type: 'string' },
		delay: { type: 'string', default: '80' },
		content: { type: 'string', default: 'both' },
		keep: { type: 'boolean', default: false },
	},
});
const contents = ['both', 'real', 'synthetic'];
if (!contents.includes(args.content)) {
	console.error(`--content must be one of ${contents.join(', ')}, not "${args.content}"`);
	process.exit(2);
}
for (const flag of ['per-language', 'queries', 'delay'] as const) {
	const value = args[flag];
	if (value !== undefined && !/^\d+$/.test(value)) {
		console.error(`--${flag} must be a whole number, not "${value}"`);
		process.exit(2);
	}
}

const fixture = JSON.parse(
	await readFile(join(projectRoot, 'tests/fixtures/search-queries.json'), 'utf8'),
) as Record<'nl' | 'en', { query: string }[]>;

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

/** What a downloaded file is for, to see where a first query's bytes go. */
function partOf(path: string): string {
	if (/^\/pagefind\/(pagefind(-worker)?\.js|wasm\.)/.test(path)) return 'Pagefind code (JS, WASM)';
	if (/^\/pagefind\/(pagefind-entry\.json|.*\.pf_meta)$/.test(path)) return 'Pagefind metadata';
	if (path.startsWith('/pagefind/index/')) return 'Pagefind index chunks';
	if (path.startsWith('/pagefind/filter/')) return 'Pagefind filter chunks';
	if (path.startsWith('/pagefind/fragment/')) return 'result fragments';
	if (/^\/pagefind\/hc-words-/.test(path)) return 'spelling word list';
	if (/^\/pagefind\/hc-common-/.test(path)) return 'common words';
	if (path.endsWith('/search-config.json')) return 'search config (strings, synonyms)';
	if (path.endsWith('.css')) return 'results CSS';
	if (path.endsWith('.js')) return 'island code chunks';
	return 'other';
}

/** Bytes and files per part, largest part first. */
function breakdown(downloads: readonly { url: string; bytes: number }[]) {
	const parts = new Map<string, { bytes: number; files: number }>();
	for (const d of downloads) {
		const part = parts.get(partOf(d.url)) ?? { bytes: 0, files: 0 };
		parts.set(partOf(d.url), { bytes: part.bytes + d.bytes, files: part.files + 1 });
	}
	return [...parts].sort((a, b) => b[1].bytes - a[1].bytes);
}

/** Sizes of the Pagefind bundle: all of it, and what belongs to one language's index. */
async function indexSizes(pagefindDir: string) {
	const files: { path: string; bytes: number }[] = [];
	const walk = async (dir: string) => {
		for (const entry of await readdir(dir, { withFileTypes: true })) {
			const path = join(dir, entry.name);
			if (entry.isDirectory()) await walk(path);
			else files.push({ path: path.slice(pagefindDir.length + 1), bytes: (await stat(path)).size });
		}
	};
	await walk(pagefindDir);
	const sum = (list: typeof files) => list.reduce((n, f) => n + f.bytes, 0);
	const of = (tag: string) => {
		const mine = files.filter((f) => f.path.includes(tag) && !f.path.startsWith('wasm.'));
		return { files: mine.length, bytes: sum(mine) };
	};
	return { total: sum(files), nl: of('nl-nl'), en: of('en-gb') };
}

const compressible = new Set(['.html', '.js', '.css', '.json', '.svg', '.xml', '.txt']);
const types: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
};

/** A static file server with gzip for text, like a CDN; Pagefind's files are gzip already. */
async function serve(dir: string): Promise<{ server: Server; origin: string }> {
	// node:http ignores the handler's promise: every failure must be answered inside it.
	const server = createServer((req, res) => void respond(dir, req, res));
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	const address = server.address();
	if (!address || typeof address === 'string') throw new Error('server: no port');
	return { server, origin: `http://127.0.0.1:${address.port}` };
}

async function respond(dir: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
	try {
		let path = decodeURIComponent((req.url ?? '/').split('?')[0]!);
		if (path.endsWith('/')) path += 'index.html';
		const file = normalize(join(dir, path));
		if (!file.startsWith(dir + sep)) return void res.writeHead(403).end();
		let body: Buffer = await readFile(file);
		const ext = extname(file);
		const headers: Record<string, string> = {
			'Content-Type': types[ext] ?? 'application/octet-stream',
		};
		if (compressible.has(ext) && /gzip/.test(String(req.headers['accept-encoding']))) {
			body = gzipSync(body);
			headers['Content-Encoding'] = 'gzip';
		}
		res.writeHead(200, headers).end(body);
	} catch {
		// A missing file, or a malformed %-escape in the path.
		res.writeHead(404).end();
	}
}

const headerBox = (page: Page) =>
	page.locator('hc-search[data-variant="header"]').getByRole('searchbox');

/** Installs the in-page stopwatch: last keydown → the render of the expected query + a frame. */
async function installStopwatch(page: Page): Promise<void> {
	await page.evaluate(() => {
		const w = window as unknown as { bench: Record<string, unknown> };
		w.bench = { last: 0 };
		document.addEventListener('keydown', () => (w.bench['last'] = performance.now()), true);
		document.addEventListener('hc-search:rendered', (event) => {
			const { query } = (event as CustomEvent<{ query: string }>).detail;
			if (query !== w.bench['expect']) return;
			requestAnimationFrame(() =>
				(w.bench['resolve'] as (ms: number) => void)(
					performance.now() - (w.bench['last'] as number),
				),
			);
		});
	});
}

/**
 * Types a query like a reader (or pastes it) and resolves with ms from the last keystroke (or
 * the paste) to rendered results.
 */
async function timeQuery(page: Page, query: string, delay: number, paste = false): Promise<number> {
	await page.evaluate((q) => {
		const w = window as unknown as { bench: Record<string, unknown> };
		w.bench['expect'] = q;
		w.bench['done'] = new Promise((resolve) => (w.bench['resolve'] = resolve));
	}, query);
	if (paste) {
		await page.evaluate(() => {
			(window as unknown as { bench: Record<string, unknown> }).bench['last'] = performance.now();
		});
		await headerBox(page).fill(query);
	} else {
		await headerBox(page).pressSequentially(query, { delay });
	}
	const ms = await page.evaluate(
		() => (window as unknown as { bench: { done: Promise<number> } }).bench.done,
	);
	await headerBox(page).fill('');
	return ms;
}

const percentile = (sorted: number[], p: number) =>
	sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

/** Bytes a fresh visitor downloads from focusing the header box until `query` shows results. */
async function firstQueryBytes(
	browser: Browser,
	origin: string,
	lang: 'nl' | 'en',
	query: string,
	typed: boolean,
) {
	const context = await browser.newContext();
	try {
		const page = await context.newPage();
		await page.goto(`${origin}/${lang}/what-is-an-app-password/`);
		await page.waitForLoadState('networkidle');
		await installStopwatch(page);
		const downloads: { url: string; bytes: number }[] = [];
		page.on('requestfinished', async (request) => {
			const sizes = await request.sizes();
			downloads.push({ url: new URL(request.url()).pathname, bytes: sizes.responseBodySize });
		});
		await headerBox(page).focus();
		const ms = typed
			? await timeQuery(page, query, Number(args.delay))
			: await timeQuery(page, query, 0, true);
		await page.waitForLoadState('networkidle');
		return { query, bytes: downloads.reduce((n, d) => n + d.bytes, 0), downloads, ms };
	} finally {
		await context.close();
	}
}

/** First-query bytes and keystroke-to-results times for one language of one build. */
async function measureLanguage(origin: string, lang: 'nl' | 'en') {
	const browser = await chromium.launch(
		existsSync(chromiumPath) ? { executablePath: chromiumPath } : {},
	);
	try {
		const queries = fixture[lang]
			.map((q) => q.query)
			.slice(0, args.queries ? Number(args.queries) : undefined);
		const typed = await firstQueryBytes(browser, origin, lang, queries[0]!, true);
		const pasted = [];
		for (const query of queries.slice(0, 10)) {
			pasted.push(await firstQueryBytes(browser, origin, lang, query, false));
		}
		pasted.sort((a, b) => a.bytes - b.bytes);
		const pastedBytes = pasted.map((p) => p.bytes);
		const page = await (await browser.newContext()).newPage();
		await page.goto(`${origin}/${lang}/what-is-an-app-password/`);
		await installStopwatch(page);
		await headerBox(page).focus();
		const times: number[] = [];
		for (const query of queries) times.push(await timeQuery(page, query, Number(args.delay)));
		times.sort((a, b) => a - b);
		return {
			typed,
			pasted: {
				median: percentile(pastedBytes, 50),
				medianQuery: pasted[pastedBytes.indexOf(percentile(pastedBytes, 50))]!,
				max: pastedBytes.at(-1)!,
				all: pasted.map((p) => `${p.query} ${kib(p.bytes)}`),
				count: pasted.length,
			},
			median: percentile(times, 50),
			p95: percentile(times, 95),
			count: times.length,
		};
	} finally {
		await browser.close();
	}
}

/** Builds, serves and measures one knowledge base; prints its figures. */
async function run(label: string, perLanguage: number, workDir: string) {
	console.log(`\n${label}`);
	const kb = await generateKnowledgeBase(join(workDir, label.replace(/\W+/g, '-')), perLanguage);
	console.log(`  built in ${buildCopy(kb.root).toFixed(0)} s`);
	const client = join(kb.root, 'dist/client');
	const sizes = await indexSizes(join(client, 'pagefind'));
	console.log(`  Pagefind bundle on disk: ${kib(sizes.total)} (all languages, UI files included)`);
	const { server, origin } = await serve(client);
	const results = [];
	try {
		for (const lang of ['nl', 'en'] as const) {
			const index = sizes[lang];
			const m = await measureLanguage(origin, lang);
			results.push({ lang, ...m });
			console.log(
				`  ${lang}: index ${index.files} files, ${kib(index.bytes)} (compressed, as served)`,
			);
			console.log(
				`      first query typed key by key, "${m.typed.query}": ${kib(m.typed.bytes)} in ${m.typed.downloads.length} requests`,
			);
			for (const [part, { bytes, files }] of breakdown(m.typed.downloads))
				console.log(`        ${kib(bytes).padStart(10)}  ${part} (${files})`);
			for (const d of m.typed.downloads)
				console.log(`          ${kib(d.bytes).padStart(10)}  ${d.url}`);
			console.log(
				`      first query pasted, over ${m.pasted.count} fixture queries: median ${kib(m.pasted.median)}, max ${kib(m.pasted.max)}`,
			);
			console.log(`        ${m.pasted.all.join(' · ')}`);
			console.log(`        the median one, "${m.pasted.medianQuery.query}":`);
			for (const [part, { bytes, files }] of breakdown(m.pasted.medianQuery.downloads))
				console.log(`        ${kib(bytes).padStart(10)}  ${part} (${files})`);
			console.log(
				`      keystroke → results over ${m.count} queries: median ${m.median.toFixed(0)} ms, p95 ${m.p95.toFixed(0)} ms`,
			);
		}
	} finally {
		server.close();
	}
	return results;
}

const workDir = await mkdtemp(join(tmpdir(), 'hc-bench-search-'));
const load = loadavg()[0]!.toFixed(1);
console.log(`Search benchmark (load average ${load}; typing ${args.delay} ms per key)`);
try {
	if (args.content !== 'synthetic') await run('Real content', 0, workDir);
	if (args.content !== 'real') {
		const perLanguage = Number(args['per-language']);
		const synthetic = await run(
			`Synthetic knowledge base, ${perLanguage} articles per language`,
			perLanguage,
			workDir,
		);
		console.log('\nTargets on the synthetic knowledge base (issue 12):');
		for (const r of synthetic) {
			const ok = (pass: boolean) => (pass ? 'met' : 'MISSED');
			console.log(
				`  ${r.lang}: first query ≤ 115 KiB: typed ${kib(r.typed.bytes)} ${ok(r.typed.bytes <= budget.firstQueryBytes)}, pasted median ${kib(r.pasted.median)} ${ok(r.pasted.median <= budget.firstQueryBytes)}; median ${r.median.toFixed(0)} ms ≤ 150 ms ${ok(r.median <= budget.medianMs)}`,
			);
		}
	}
	console.log(`\nLoad average at the end: ${loadavg()[0]!.toFixed(1)}`);
} finally {
	if (args.keep) console.log(`\nBuilds kept in ${workDir}`);
	else await rm(workDir, { recursive: true, force: true });
}
