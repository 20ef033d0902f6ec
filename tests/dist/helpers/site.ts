/**
 * The built site the dist tests check: the output folder (`HC_OUT_DIR`, default `dist`), its
 * files, every HTML page parsed once, and the routes that exist only on the server.
 */
import type { HtmlElement } from 'html-validate';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
	builtFiles,
	htmlPages,
	onDemandRoutes,
	type BuiltPage,
	type OnDemandRoute,
} from '../../../scripts/lib/built-site.ts';
import { parseHtml } from '../../../scripts/lib/html-dom.ts';
import { siteConfig } from '../../../src/site.config.ts';

/** Where the build wrote its files. */
export const outDir = resolve(process.env['HC_OUT_DIR'] ?? 'dist');
/** The static part of the build: what a CDN serves. */
export const clientDir = join(outDir, 'client');
/** The public origin the build wrote into canonical, hreflang and sitemap URLs. */
export const origin = new URL(siteConfig.siteUrl).origin;

/** A built page with its parsed document. */
export interface LoadedPage extends BuiltPage {
	html: string;
	root: HtmlElement;
}

/** What the link, hreflang and sitemap checks need to know about the whole site. */
export interface LoadedSite {
	files: Set<string>;
	pages: LoadedPage[];
	onDemand: OnDemandRoute[];
	origin: string;
}

/** The HTML pages of the build, listed without parsing (for `test.each` at collection time). */
export async function listPages(): Promise<BuiltPage[]> {
	if (!existsSync(clientDir)) {
		throw new Error(
			`${clientDir} does not exist: run \`npm run build\` (with the same HC_OUT_DIR)`,
		);
	}
	return htmlPages(await builtFiles(clientDir));
}

let site: Promise<LoadedSite> | undefined;

/** The whole built site, loaded and parsed once per test file. */
export function loadSite(): Promise<LoadedSite> {
	site ??= (async () => {
		const pages = await listPages();
		return {
			files: await builtFiles(clientDir),
			pages: await Promise.all(
				pages.map(async (page) => {
					const html = await readFile(join(clientDir, page.file), 'utf8');
					return { ...page, html, root: await parseHtml(html, page.file) };
				}),
			),
			onDemand: await onDemandRoutes(resolve('src/pages')),
			origin,
		};
	})().then((loaded) => {
		// Every absolute URL check depends on it: say so once, instead of failing every page.
		const canonical = loaded.pages
			.flatMap((p) => p.root.querySelectorAll('link[rel="canonical"]'))
			.map((l) => l.getAttributeValue('href'))[0];
		if (typeof canonical === 'string' && new URL(canonical).origin !== origin) {
			throw new Error(
				`${outDir} was built for ${new URL(canonical).origin}, the tests expect ${origin}: run both with the same SITE_URL`,
			);
		}
		return loaded;
	});
	return site;
}
