/**
 * How big every HTML page of a build is as a browser holds it: its raw HTML bytes and its element
 * count, grouped by page type with the largest page of each. Issue 14's scale targets are judged
 * on these: every page ≤ 60,000 bytes of HTML and ≤ 1,500 elements.
 *
 * Elements are every start tag of the document, `<head>` and inline SVG included, as a browser
 * with scripting builds them: not what comments, scripts, styles and titles hold. (Not
 * html-validate's parser, which the other checks use: it leaves out the shapes inside an SVG.)
 * This site's pages close every element and escape `<` in attributes, so the count equals
 * `document.querySelectorAll('*').length` in Chromium (checked on the home, a category page and
 * an article when this was written). The body's count beside it is what Lighthouse's DOM-size
 * audit scores (`totalBodyElements`: the body's descendants, not the body itself).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { builtFiles, htmlPages } from './built-site.ts';

/** The scale targets of issue 14. */
export const scaleTargets = { htmlBytes: 60_000, elements: 1_500 } as const;

/** One page's size. */
export interface PageScale {
	url: string;
	type: string;
	htmlBytes: number;
	/** Every element of the document. */
	elements: number;
	/** The body's descendants: what Lighthouse's DOM-size audit counts. */
	bodyElements: number;
}

/** What the site's URLs are made of: the category ids and the search pages' paths. */
export interface SiteShape {
	categories: readonly string[];
	searchPages: readonly string[];
}

/** What kind of page a URL of this site is; `ogType` is the page's `og:type`. */
export function pageTypeOf(url: string, site: SiteShape, ogType?: string): string {
	const { categories } = site;
	const parts = url.split('/').filter(Boolean);
	if (parts.length === 0) return 'language chooser';
	if (parts.length === 1) return 'home';
	if (site.searchPages.includes(url)) return 'search page';
	const [, id, page] = parts;
	if (id === '404') return '404';
	if (categories.includes(id!)) return page ? 'category page N' : 'category page 1';
	if (ogType === 'article') return 'article';
	return parts[0] === 'admin' ? 'admin' : `other (${parts.slice(1).join('/')})`;
}

/** Bytes and element counts of one page's HTML. */
export function measureHtml(
	html: string,
): Pick<PageScale, 'htmlBytes' | 'elements' | 'bodyElements'> & { ogType?: string } {
	const markup = html
		.replace(/<!--[\s\S]*?-->/g, '')
		.replace(/<(script|style|title|textarea)\b([^>]*)>[\s\S]*?<\/\1\s*>/gi, '<$1$2>');
	const starts = (text: string) => text.match(/<[a-z][^\s/>]*/gi)?.length ?? 0;
	const body = markup.search(/<body[\s>]/i);
	const type = /<meta property="og:type" content="([^"]*)"/.exec(markup)?.[1];
	return {
		htmlBytes: Buffer.byteLength(html),
		elements: starts(markup),
		bodyElements: body < 0 ? 0 : starts(markup.slice(body)) - 1,
		...(type ? { ogType: type } : {}),
	};
}

/** Every HTML page of a built client folder, measured. */
export async function measurePages(client: string, site: SiteShape): Promise<PageScale[]> {
	const pages: PageScale[] = [];
	for (const { file, url } of htmlPages(await builtFiles(client))) {
		const { ogType, ...size } = measureHtml(await readFile(join(client, file), 'utf8'));
		pages.push({ url, type: pageTypeOf(url, site, ogType), ...size });
	}
	return pages;
}

/** Per page type: how many pages, and the largest by HTML bytes and by elements. */
export interface TypeScale {
	type: string;
	pages: number;
	byBytes: PageScale;
	byElements: PageScale;
}

/** Groups measured pages by type, in the order the types first appear in `order` (then the rest). */
export function largestPerType(pages: readonly PageScale[], order: readonly string[]): TypeScale[] {
	const groups = Map.groupBy(pages, (p) => p.type);
	const types = [
		...order.filter((t) => groups.has(t)),
		...[...groups.keys()].filter((t) => !order.includes(t)),
	];
	return types.map((type) => {
		const list = groups.get(type)!;
		return {
			type,
			pages: list.length,
			byBytes: list.reduce((a, b) => (b.htmlBytes > a.htmlBytes ? b : a)),
			byElements: list.reduce((a, b) => (b.elements > a.elements ? b : a)),
		};
	});
}

/** Pages over either target (the language chooser and the dashboard included). */
export function overTargets(pages: readonly PageScale[]): PageScale[] {
	return pages.filter(
		(p) => p.htmlBytes > scaleTargets.htmlBytes || p.elements > scaleTargets.elements,
	);
}
