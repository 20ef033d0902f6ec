/**
 * The built site as files and URLs: which HTML pages exist, which URL paths resolve to a built
 * file, and which routes exist only on the server (`prerender = false` pages in src/pages).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/** A built HTML page: its file relative to the client folder and the URL path it is served at. */
export interface BuiltPage {
	file: string;
	url: string;
}

/** Every file under `dir`, as URL paths (`/nl/gmail/index.html`). */
export async function builtFiles(dir: string): Promise<Set<string>> {
	const entries = await readdir(dir, { recursive: true, withFileTypes: true });
	return new Set(
		entries
			.filter((e) => e.isFile())
			.map((e) => '/' + relative(dir, join(e.parentPath, e.name)).split(sep).join('/')),
	);
}

/** The URL path a built file is served at: `…/index.html` is its folder, with the slash. */
export function urlOfFile(filePath: string): string {
	return filePath.endsWith('/index.html') ? filePath.slice(0, -'index.html'.length) : filePath;
}

/** The HTML pages among `files`, sorted by URL. */
export function htmlPages(files: Set<string>): BuiltPage[] {
	return [...files]
		.filter((f) => f.endsWith('.html'))
		.map((f) => ({ file: f.slice(1), url: urlOfFile(f) }))
		.sort((a, b) => a.url.localeCompare(b.url));
}

/**
 * The built file a URL path is served from, as a static host or `scripts/start.ts` would find it
 * (`/x/` → `/x/index.html`; with `trailingSlash: 'ignore'` also `/x` → `/x/index.html`).
 */
export function resolveFile(files: Set<string>, urlPath: string): string | undefined {
	let path: string;
	try {
		path = decodeURI(urlPath);
	} catch {
		return undefined;
	}
	const candidates = path.endsWith('/') ? [`${path}index.html`] : [path, `${path}/index.html`];
	return candidates.find((c) => files.has(c));
}

/** One on-demand route as a URL pattern, e.g. `/api/feedback/summary`. */
export interface OnDemandRoute {
	source: string;
	pattern: RegExp;
}

/**
 * The route of a src/pages file: `admin/feedback.csv.ts` → `/admin/feedback.csv`,
 * `api/x/index.ts` → `/api/x` (with or without the trailing slash), `[id]` → one segment.
 */
export function onDemandRoute(file: string): OnDemandRoute {
	return { source: file, pattern: routePattern(file) };
}

function routePattern(file: string): RegExp {
	const path = file
		.replace(/\.(astro|ts|js|mjs|md|mdx)$/, '')
		.replace(/(^|\/)index$/, '')
		.split('/')
		.filter(Boolean)
		.map((segment) =>
			/^\[\.\.\.[^\]]+\]$/.test(segment)
				? '.*'
				: segment
						.split(/(\[[^\]]+\])/)
						.map((part) =>
							/^\[.+\]$/.test(part) ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
						)
						.join(''),
		)
		.join('/');
	return new RegExp(`^/${path}${path ? '/?' : ''}$`);
}

/**
 * Routes that run on the server only (`export const prerender = false` in src/pages): links to
 * them are valid although no file is built for them.
 */
export async function onDemandRoutes(pagesDir: string): Promise<OnDemandRoute[]> {
	const routes: OnDemandRoute[] = [];
	for (const entry of await readdir(pagesDir, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile()) continue;
		const path = join(entry.parentPath, entry.name);
		if (!/export\s+const\s+prerender\s*=\s*false/.test(await readFile(path, 'utf8'))) continue;
		routes.push(onDemandRoute(relative(pagesDir, path).split(sep).join('/')));
	}
	return routes;
}
