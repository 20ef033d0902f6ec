/**
 * What a page weighs when it loads: its HTML, the stylesheets it links, and the JavaScript that
 * runs before the reader does anything (every `<script src>`, module preloads and their static
 * imports). Dynamic `import()` is not followed: that code loads on demand (search, the captcha).
 * Sizes are raw and gzip at level 9 per file, as a server that pre-compresses would send them.
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
