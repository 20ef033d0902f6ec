/**
 * Link check over built pages: every same-origin `href`, `src`, `srcset`, `action`, `formaction`
 * and `poster` resolves to a built file or a known on-demand route, and every `#fragment` names an
 * element id on the page it points at.
 */
import type { HtmlElement } from 'html-validate';
import { resolveFile, type OnDemandRoute } from '../../../scripts/lib/built-site.ts';
import { attr, where } from '../../../scripts/lib/html-dom.ts';

/** What resolving a page's links needs to know about the rest of the site. */
export interface LinkIndex {
	/** Built files as URL paths (`/nl/gmail/index.html`). */
	files: Set<string>;
	/** Element ids (and `<a name>`) of a built HTML file, by its URL path. */
	ids: (file: string) => Set<string> | undefined;
	onDemand: readonly OnDemandRoute[];
	/** The site's public origin: absolute URLs there are internal too. */
	origin: string;
}

/** A link that does not resolve, with where it is. */
export interface LinkProblem {
	at: string;
	attribute: string;
	url: string;
	reason: string;
}

const urlAttributes = ['href', 'src', 'action', 'formaction', 'poster'];

/** Every URL an element refers to, with the attribute it is in (`srcset` split per candidate). */
export function linkTargets(
	root: HtmlElement,
): { element: HtmlElement; attribute: string; url: string }[] {
	const found = [];
	for (const element of root.querySelectorAll(
		'[href], [src], [srcset], [action], [formaction], [poster]',
	)) {
		for (const attribute of urlAttributes) {
			const url = attr(element, attribute);
			if (url !== undefined) found.push({ element, attribute, url });
		}
		const srcset = attr(element, 'srcset');
		for (const candidate of srcset?.split(',') ?? []) {
			const url = candidate.trim().split(/\s+/)[0];
			if (url) found.push({ element, attribute: 'srcset', url });
		}
	}
	return found;
}

/** The ids a fragment can point at on this page. */
export function elementIds(root: HtmlElement): Set<string> {
	const ids = new Set<string>();
	for (const element of root.querySelectorAll('[id]')) if (element.id) ids.add(element.id);
	for (const element of root.querySelectorAll('a[name]')) ids.add(attr(element, 'name') ?? '');
	return ids;
}

/** Why `url` (found on the page at `pageUrl`) does not resolve, or undefined when it does. */
export function unresolved(url: string, pageUrl: string, site: LinkIndex): string | undefined {
	const base = new URL(pageUrl, site.origin);
	let target: URL;
	try {
		target = new URL(url, base);
	} catch {
		return 'is not a valid URL';
	}
	if (target.origin !== site.origin) return undefined; // another site, mailto:, tel:
	if (site.onDemand.some((route) => route.pattern.test(target.pathname))) return undefined;
	const file = resolveFile(site.files, target.pathname);
	if (!file) return `no built file for ${target.pathname} (and no on-demand route)`;
	const fragment = target.hash.slice(1);
	if (!fragment || fragment === 'top' || !file.endsWith('.html')) return undefined;
	let id: string;
	try {
		id = decodeURIComponent(fragment);
	} catch {
		return `#${fragment} is not valid percent-encoding`;
	}
	return site.ids(file)?.has(id) ? undefined : `no element with id "${id}" in ${file}`;
}

/** Every link on one page that does not resolve. */
export function brokenLinks(root: HtmlElement, pageUrl: string, site: LinkIndex): LinkProblem[] {
	return linkTargets(root).flatMap(({ element, attribute, url }) => {
		const reason = unresolved(url, pageUrl, site);
		return reason ? [{ at: where(element), attribute, url, reason }] : [];
	});
}

/** One line per problem, for a failure message. */
export const formatLinkProblems = (problems: readonly LinkProblem[]) =>
	problems.map((p) => `${p.at} ${p.attribute}="${p.url}": ${p.reason}`).join('\n');
