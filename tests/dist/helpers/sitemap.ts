/**
 * The sitemap check: what `sitemap-index.xml` and the sitemaps it names list, against the built
 * pages a search engine should index (not noindex: so not the 404 and search results pages).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { resolveFile } from '../../../scripts/lib/built-site.ts';

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The `<loc>` values of a sitemap or sitemap index, XML entities decoded. */
export function locs(xml: string): string[] {
	return [...xml.matchAll(/<loc>\s*([^<]*?)\s*<\/loc>/g)].map((m) =>
		m[1]!.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => entities[name]!),
	);
}

/** Every page URL the sitemap index at `clientDir/sitemap-index.xml` leads to, per sitemap file. */
export async function sitemapUrls(clientDir: string, origin: string): Promise<string[]> {
	const index = await readFile(join(clientDir, 'sitemap-index.xml'), 'utf8');
	const urls: string[] = [];
	for (const sitemap of locs(index)) {
		const { origin: at, pathname } = new URL(sitemap);
		if (at !== origin) throw new Error(`sitemap-index.xml names ${sitemap}, not on ${origin}`);
		urls.push(...locs(await readFile(join(clientDir, pathname), 'utf8')));
	}
	return urls;
}

/** Why a sitemap URL should not be there, or undefined when it is a built, indexable page. */
export function unlistable(
	url: string,
	origin: string,
	files: Set<string>,
	noindex: (file: string) => boolean,
): string | undefined {
	const target = new URL(url);
	if (target.origin !== origin) return `${url} is not on the site's origin ${origin}`;
	const file = resolveFile(files, target.pathname);
	if (!file || !file.endsWith('.html')) return `${url} is not a built page`;
	if (noindex(file)) return `${url} is noindex (${file})`;
	return undefined;
}

/** Each `<url>` of a sitemap: its `<loc>` and its `xhtml:link` hreflang alternates. */
export function sitemapEntries(xml: string): { loc: string; alternates: [string, string][] }[] {
	return [...xml.matchAll(/<url>([\s\S]*?)<\/url>/g)].map((m) => ({
		loc: locs(m[1]!)[0] ?? '',
		alternates: [...m[1]!.matchAll(/<xhtml:link\b[^>]*>/g)].map((link) => [
			/hreflang="([^"]*)"/.exec(link[0])?.[1] ?? '',
			(/href="([^"]*)"/.exec(link[0])?.[1] ?? '').replace(/&amp;/g, '&'),
		]),
	}));
}

/**
 * Differences between a sitemap entry's alternates and the page's own hreflang links, compared
 * by URL and primary language (`nl-NL` in the sitemap is `nl` in the page).
 */
export function alternatesMismatch(
	sitemap: [string, string][],
	page: [string, string][],
): string[] {
	const primary = (tag: string) => (tag === 'x-default' ? tag : tag.toLowerCase().split('-')[0]);
	const norm = (links: [string, string][]) =>
		new Set(links.map(([tag, href]) => `${primary(tag)} ${href}`));
	const a = norm(sitemap);
	const b = norm(page);
	return [
		...[...a].filter((x) => !b.has(x)).map((x) => `sitemap only: ${x}`),
		...[...b].filter((x) => !a.has(x)).map((x) => `page only: ${x}`),
	];
}
