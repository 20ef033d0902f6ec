/**
 * What a page weighs when it loads: its HTML, the stylesheets it links, and the JavaScript that
 * runs before the reader does anything (every `<script src>`, module preloads and their static
 * imports). Dynamic `import()` is not followed: that code loads on demand (search, the captcha).
 * Sizes are raw and gzip at level 9 per file, as a server that pre-compresses would send them.
 *
 * And what the same page costs on a second page view (`secondVisit`), from the Cache-Control the
 * Node server sends (the adapter's static handler, node_modules/@astrojs/node/dist/serve-static.js):
 * files under `/_astro/` have hashed names and come with `public, max-age=31536000, immutable`, so a
 * browser that has them does not ask again; everything else, HTML included, comes with
 * `public, max-age=0` and an ETag, so it is asked for again on every view and answered 304 (no
 * body) when the browser has it already.
 */
import { readFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { HtmlElement } from 'html-validate';
import { attr, parseHtml } from './html-dom.ts';

/** Bytes as stored and as sent gzip-compressed. */
export interface Size {
	raw: number;
	gzip: number;
}

/** One file a page loads at load time. */
export interface LoadedFile extends Size {
	kind: 'html' | 'css' | 'js';
	/** URL path, e.g. `/_astro/BaseLayout.css`. */
	path: string;
}

/** A page's weight at load, per kind and in total, with the files behind it. */
export interface PageWeight {
	files: LoadedFile[];
	html: Size;
	css: Size;
	js: Size;
	total: Size;
	/** Classic `<script src>` without async/defer: they stop the page from rendering. */
	blockingScripts: string[];
	/** Raw bytes of `<style>` and inline `<script>` contents, part of the HTML above. */
	inline: { css: number; js: number };
}

/** Raw and gzip -9 size of some bytes. */
export function sizeOf(bytes: Buffer | string): Size {
	const buffer = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
	return { raw: buffer.length, gzip: gzipSync(buffer, { level: 9 }).length };
}

/** Static `import`/`export … from` specifiers of an ES module (not dynamic `import()`). */
export function staticImports(code: string): string[] {
	const pattern =
		/\bimport\s*(?:[\w$*{},\s]+?\s*from\s*)?["']([^"']+)["']|\bexport\s*(?:\*(?:\s*as\s*[\w$]+)?|\{[^}]*\})\s*from\s*["']([^"']+)["']/g;
	return [...code.matchAll(pattern)].map((m) => (m[1] ?? m[2])!);
}

/** `@import` targets of a stylesheet. */
export function cssImports(css: string): string[] {
	return [...css.matchAll(/@import\s+(?:url\()?\s*["']?([^"')\s]+)["']?\s*\)?/g)].map((m) => m[1]!);
}

const sameOrigin = (url: string) => !/^[a-z][a-z0-9+.-]*:|^\/\//i.test(url);

/** The stylesheets and scripts a parsed page starts loading by itself. */
export function loadedAtStart(root: HtmlElement): {
	css: string[];
	js: string[];
	blocking: string[];
} {
	const css: string[] = [];
	const js: string[] = [];
	const blocking: string[] = [];
	for (const link of root.querySelectorAll('link[href]')) {
		const rel = (attr(link, 'rel') ?? '').toLowerCase().split(/\s+/);
		const href = attr(link, 'href')!;
		if (rel.includes('stylesheet')) css.push(href);
		if (rel.includes('modulepreload')) js.push(href);
	}
	for (const script of root.querySelectorAll('script[src]')) {
		const src = attr(script, 'src')!;
		js.push(src);
		const module = attr(script, 'type') === 'module';
		if (!module && !script.hasAttribute('async') && !script.hasAttribute('defer')) {
			blocking.push(src);
		}
	}
	return { css, js, blocking };
}

const textBytes = (elements: HtmlElement[]) =>
	elements.reduce((n, e) => n + Buffer.byteLength(e.textContent), 0);

const total = (files: LoadedFile[]): Size => ({
	raw: files.reduce((n, f) => n + f.raw, 0),
	gzip: files.reduce((n, f) => n + f.gzip, 0),
});

/**
 * The weight of the built page `pageUrl` (e.g. `/nl/gmail/`) whose HTML is `file` under
 * `clientDir`. Files that are not same-origin are left out (the site loads none).
 */
export async function pageWeight(
	clientDir: string,
	file: string,
	pageUrl: string,
): Promise<PageWeight> {
	const html = await readFile(join(clientDir, file));
	const root = await parseHtml(html.toString('utf8'), file);
	const files: LoadedFile[] = [{ kind: 'html', path: pageUrl, ...sizeOf(html) }];
	const seen = new Set<string>();
	const load = async (kind: 'css' | 'js', url: string, from: string): Promise<void> => {
		if (!sameOrigin(url)) return;
		const path = posix.resolve(
			posix.dirname(from.endsWith('/') ? `${from}x` : from),
			url.split(/[?#]/)[0]!,
		);
		if (seen.has(path)) return;
		seen.add(path);
		const bytes = await readFile(join(clientDir, path));
		files.push({ kind, path, ...sizeOf(bytes) });
		const text = bytes.toString('utf8');
		const next = kind === 'js' ? staticImports(text) : cssImports(text);
		for (const specifier of next) await load(kind, specifier, path);
	};
	const start = loadedAtStart(root);
	for (const url of start.css) await load('css', url, pageUrl);
	for (const url of start.js) await load('js', url, pageUrl);
	const of = (kind: LoadedFile['kind']) => total(files.filter((f) => f.kind === kind));
	return {
		files,
		html: of('html'),
		css: of('css'),
		js: of('js'),
		total: total(files),
		blockingScripts: start.blocking,
		inline: {
			css: textBytes(root.querySelectorAll('style')),
			js: textBytes(root.querySelectorAll('script').filter((e) => !e.hasAttribute('src'))),
		},
	};
}

/** The folder of hashed build assets the server sends as `immutable` for a year. */
export const immutablePrefix = '/_astro/';

/** A page's cost on a second page view: the bytes it downloads and the requests it makes. */
export interface SecondVisit extends Size {
	/** Files fetched again in full: the page's HTML and what the first page did not load. */
	fetched: string[];
	/** Files the first page loaded that are asked for again and answered 304 (max-age=0). */
	revalidated: string[];
	/** Files the first page loaded that are not asked for at all (`/_astro/`, immutable). */
	fromCache: string[];
}

/**
 * What `page` downloads when the reader opens it after `first` (another page of the site, in the
 * same browser session or a later one within the year): its HTML in full (a new URL; a page's
 * HTML is max-age=0), the load-time files `first` did not load in full, and for those `first` did
 * load nothing: immutable ones are not requested, the others are revalidated (304, no body).
 */
export function secondVisit(page: PageWeight, first: PageWeight): SecondVisit {
	const loaded = new Set(first.files.filter((f) => f.kind !== 'html').map((f) => f.path));
	const result: SecondVisit = { raw: 0, gzip: 0, fetched: [], revalidated: [], fromCache: [] };
	for (const file of page.files) {
		if (file.kind === 'html' || !loaded.has(file.path)) {
			result.raw += file.raw;
			result.gzip += file.gzip;
			result.fetched.push(file.path);
		} else if (file.path.startsWith(immutablePrefix)) result.fromCache.push(file.path);
		else result.revalidated.push(file.path);
	}
	return result;
}
