/**
 * The link part of the content health check: where a link in an article leads, and whether the
 * page and the `#anchor` it names exist. Ids are those the rendered page has: heading ids as
 * Astro makes them, `id` attributes written in the MDX, and the `settings-<provider>` tables
 * that `<ProviderSettings>` renders.
 */
import { locales, type Locale } from '../../i18n/locales.ts';
import type { FindingKind, HealthSite } from './check.ts';
import type { ParsedMdx } from '../content/parse.ts';

/** A problem with one link, before it is tied to its article. */
export interface LinkProblem {
	kind: Extract<FindingKind, 'broken-link' | 'broken-anchor'>;
	message: string;
	params: Record<string, string>;
	line: number;
}

/** Where a link points, as far as the check can tell. */
type Target =
	| { kind: 'skip' }
	| { kind: 'bad'; reason: string }
	| { kind: 'page'; lang: Locale; id: string; anchor: string | undefined };

/** Resolves a link written in the article at `/{lang}/{slug}/` to a site page and anchor. */
function resolveLink(url: string, lang: Locale, slug: string): Target {
	if (url === '' || /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) {
		return { kind: 'skip' };
	}
	const resolved = new URL(url, `https://help.invalid/${lang}/${slug}/`);
	const anchor = resolved.hash ? decodeURIComponent(resolved.hash.slice(1)) : undefined;
	const path = resolved.pathname;
	// Files such as /favicon.svg come from public/, which this check does not read.
	if (/\.[a-z0-9]+$/i.test(path)) return { kind: 'skip' };
	const parts = path.split('/').slice(1);
	// The site has trailing slashes: without one, the page's own relative links would break.
	if (parts.at(-1) !== '') {
		return { kind: 'bad', reason: 'must end with a slash (the site uses trailing slashes)' };
	}
	const [pageLang, id = '', ...rest] = parts.slice(0, -1);
	if (!pageLang || !(locales as readonly string[]).includes(pageLang) || rest.length > 0) {
		const roots = locales.map((l) => `/${l}/`).join(', ');
		return { kind: 'bad', reason: `does not point into a site language (${roots})` };
	}
	return { kind: 'page', lang: pageLang as Locale, id, anchor };
}

/** The ids a rendered article page has: its headings and the elements it writes or renders. */
export function pageIds(mdx: ParsedMdx, site: HealthSite): Set<string> {
	const ids = new Set([...mdx.headings.map((h) => h.slug), ...mdx.elementIds]);
	for (const list of mdx.providerSettings) {
		for (const provider of list ?? site.providers) ids.add(`settings-${provider}`);
	}
	return ids;
}

/**
 * Links of one article that lead nowhere, and anchors missing on the page they point at.
 * @param ids the ids of every published article page, by `{lang}/{slug}`.
 */
export function linkProblems(
	article: { lang: Locale; slug: string },
	mdx: ParsedMdx,
	ids: ReadonlyMap<string, ReadonlySet<string>>,
	site: HealthSite,
): LinkProblem[] {
	const problems: LinkProblem[] = [];
	for (const { url, line } of mdx.links) {
		const target = resolveLink(url, article.lang, article.slug);
		if (target.kind === 'skip') continue;
		if (target.kind === 'bad') {
			problems.push({
				kind: 'broken-link',
				message: `link ${url} ${target.reason}`,
				params: { url },
				line,
			});
			continue;
		}
		const page = `/${target.lang}/${target.id}/`;
		const targetIds = ids.get(`${target.lang}/${target.id}`);
		if (target.id !== '' && !targetIds && !site.categories.includes(target.id)) {
			problems.push({
				kind: 'broken-link',
				message: `link ${url} points to ${page}, which is not a published article or category`,
				params: { url },
				line,
			});
		} else if (target.anchor && target.id !== '' && !targetIds?.has(target.anchor)) {
			problems.push({
				kind: 'broken-anchor',
				message: `link ${url}: ${page} has no heading or element with id "${target.anchor}"`,
				params: { url, anchor: target.anchor },
				line,
			});
		}
	}
	return problems;
}
