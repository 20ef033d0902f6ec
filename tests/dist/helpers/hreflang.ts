/**
 * Canonical and hreflang checks. A page's hreflang links and the pages they name form one
 * cluster: every page in it must list exactly the same links (so each pair is reciprocal and
 * all agree on x-default), must list itself under its own language, and must be indexable.
 */
import type { HtmlElement } from 'html-validate';
import { attr } from '../../../scripts/lib/html-dom.ts';

/** The head links of one page that these checks read. */
export interface HeadLinks {
	/** Absolute URL the page is served at. */
	url: string;
	lang: string | undefined;
	canonicals: string[];
	/** hreflang value → absolute URL, in document order (a repeated value is kept twice). */
	alternates: [string, string][];
	noindex: boolean;
}

/** Reads canonical, hreflang alternates, robots noindex and `<html lang>` of a page. */
export function headLinks(root: HtmlElement, url: string): HeadLinks {
	const links = root.querySelectorAll('head link[rel][href]');
	const rel = (el: HtmlElement) => (attr(el, 'rel') ?? '').toLowerCase().split(/\s+/);
	const absolute = (href: string) => new URL(href, url).href;
	return {
		url,
		lang: attr(root.querySelector('html') ?? root, 'lang'),
		canonicals: links
			.filter((l) => rel(l).includes('canonical'))
			.map((l) => absolute(attr(l, 'href')!)),
		alternates: links
			.filter((l) => rel(l).includes('alternate') && attr(l, 'hreflang') !== undefined)
			.map((l) => [attr(l, 'hreflang')!.toLowerCase(), absolute(attr(l, 'href')!)]),
		noindex: root
			.querySelectorAll('meta[name="robots"]')
			.some((m) => /noindex/i.test(attr(m, 'content') ?? '')),
	};
}

/** Problems with a page's canonical link: an indexable page names exactly itself. */
export function canonicalProblems(page: HeadLinks): string[] {
	if (page.noindex) return [];
	if (page.canonicals.length !== 1) {
		return [`${page.url}: expected one <link rel="canonical">, found ${page.canonicals.length}`];
	}
	return page.canonicals[0] === page.url
		? []
		: [`${page.url}: canonical is ${page.canonicals[0]}, not the page itself`];
}

const describeSet = (links: [string, string][]) =>
	links.map(([tag, href]) => `${tag} → ${href}`).join(', ') || 'none';

/**
 * Problems with a page's hreflang cluster; `pages` holds every built page by absolute URL.
 * A page without hreflang links has no cluster and no problems.
 */
export function hreflangProblems(page: HeadLinks, pages: ReadonlyMap<string, HeadLinks>): string[] {
	const { url, alternates } = page;
	if (alternates.length === 0) return [];
	const problems: string[] = [];
	const tags = alternates.map(([tag]) => tag);
	for (const tag of new Set(tags.filter((t, i) => tags.indexOf(t) !== i))) {
		problems.push(`${url}: hreflang="${tag}" appears more than once`);
	}
	// A language chooser may list itself as x-default only: it has no language of its own.
	const self = alternates.filter(([, href]) => href === url);
	const selfLanguages = self.filter(([tag]) => tag !== 'x-default');
	const primary = page.lang?.toLowerCase().split('-')[0];
	if (self.length === 0) {
		problems.push(
			`${url}: does not list itself among its hreflang links (${describeSet(alternates)})`,
		);
	} else if (
		selfLanguages.length > 0 &&
		!selfLanguages.some(([tag]) => tag.split('-')[0] === primary)
	) {
		problems.push(
			`${url}: lists itself as ${selfLanguages[0]![0]}, but <html lang="${page.lang}">`,
		);
	}
	const key = (links: [string, string][]) =>
		links
			.map(([tag, href]) => `${tag} ${href}`)
			.sort()
			.join('\n');
	for (const [tag, href] of alternates) {
		if (href === url) continue;
		const other = pages.get(href);
		if (!other) {
			problems.push(`${url}: hreflang="${tag}" points at ${href}, which is not a built page`);
		} else if (other.noindex) {
			problems.push(`${url}: hreflang="${tag}" points at ${href}, which is noindex`);
		} else if (key(other.alternates) !== key(alternates)) {
			problems.push(
				`${url}: hreflang="${tag}" → ${href}, but that page lists [${describeSet(other.alternates)}] instead of [${describeSet(alternates)}]`,
			);
		}
	}
	return problems;
}
