/**
 * The content health check: what makes an article wrong (errors) or suspect (warnings) for its
 * readers, found in the article files alone. Pure: the CLI reads `content/` from disk
 * (`content-files.ts`), the dashboard passes the content collection's entries.
 */
import { locales, type Locale } from '../../i18n/locales.ts';
import { isoDate } from '../dates.ts';
import { scanMdx, type ScannedMdx } from './mdx-scan.ts';

/** One article file, as the check needs it. */
export interface HealthArticle {
	lang: Locale;
	/** File name without extension: the URL segment and the key that pairs translations. */
	slug: string;
	/** Path shown in findings, e.g. `content/articles/nl/gmail.mdx`. */
	file: string;
	/** Frontmatter `updated`; null when it is missing or not a date. */
	updated: Date | null;
	draft: boolean;
	/** The MDX after the frontmatter. */
	body: string;
	/** The file line the body starts on; omit when unknown (then findings carry no line). */
	bodyLine?: number;
}

/** Ids the links may point at besides articles. */
export interface HealthSite {
	/** Provider ids: `<ProviderSettings>` renders a table with id `settings-<provider>` for each. */
	providers: readonly string[];
	/** Category ids: `/{lang}/{category}/` is a category page. */
	categories: readonly string[];
}

/** What is wrong. */
export type FindingKind =
	| 'missing-translation'
	| 'stale-translation'
	| 'draft-translation'
	| 'broken-link'
	| 'broken-anchor'
	| 'image-alt'
	| 'no-date'
	| 'outdated';

/** One problem in one article. */
export interface Finding {
	/** Errors fail `npm run content:check`; warnings are only printed. */
	severity: 'error' | 'warning';
	kind: FindingKind;
	lang: Locale;
	slug: string;
	file: string;
	line?: number;
	/** English sentence for the CLI. */
	message: string;
	/** The facts in the message, for the dashboard's translated text. */
	params: Record<string, string | number>;
}

/** Translations whose `updated` dates are further apart than this are an error. */
export const staleTranslationDays = 90;

/** An article not updated for this many months gets a warning. */
export const outdatedMonths = 12;

const dayMs = 86_400_000;

/** Where a link points, as far as the check can tell. */
type Target =
	| { kind: 'skip' }
	| { kind: 'bad'; reason: string }
	| { kind: 'page'; lang: Locale; id: string; anchor: string | undefined };

/** Resolves a link written in the article at `/{lang}/{slug}/` to a site page and anchor. */
function resolveLink(url: string, lang: Locale, slug: string): Target {
	if (url === '' || /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//'))
		return { kind: 'skip' };
	const base = `https://help.invalid/${lang}/${slug}/`;
	const resolved = new URL(url, base);
	if (resolved.origin !== 'https://help.invalid') return { kind: 'skip' };
	const anchor = resolved.hash ? decodeURIComponent(resolved.hash.slice(1)) : undefined;
	const path = resolved.pathname;
	// Files such as /favicon.svg come from public/, which this check does not read.
	if (/\.[a-z0-9]+$/i.test(path)) return { kind: 'skip' };
	const parts = path.split('/').slice(1);
	if (parts.at(-1) !== '') {
		return { kind: 'bad', reason: 'must end with a slash (the site uses trailing slashes)' };
	}
	const [pageLang, id = '', ...rest] = parts.slice(0, -1);
	if (!pageLang || !(locales as readonly string[]).includes(pageLang) || rest.length > 0) {
		return {
			kind: 'bad',
			reason: `does not point into a site language (${locales.map((l) => `/${l}/`).join(', ')})`,
		};
	}
	return { kind: 'page', lang: pageLang as Locale, id, anchor };
}

/** The ids a rendered article page has: its headings and the elements it writes or renders. */
function pageIds(scan: ScannedMdx, site: HealthSite): Set<string> {
	const ids = new Set([...scan.headings.map((h) => h.slug), ...scan.elementIds]);
	for (const list of scan.providerSettings) {
		for (const provider of list ?? site.providers) ids.add(`settings-${provider}`);
	}
	return ids;
}

/** A finding about `article`, with its line when the body's first line is known. */
function finding(
	article: HealthArticle,
	severity: Finding['severity'],
	kind: FindingKind,
	message: string,
	params: Finding['params'],
	line?: number,
): Finding {
	return {
		severity,
		kind,
		lang: article.lang,
		slug: article.slug,
		file: article.file,
		...(line !== undefined && article.bodyLine !== undefined && { line }),
		message,
		params,
	};
}

/** Missing, draft-only and stale translations of each published article. */
function translationFindings(published: HealthArticle[], all: HealthArticle[]): Finding[] {
	const findings: Finding[] = [];
	for (const article of published) {
		for (const other of locales.filter((l) => l !== article.lang)) {
			const counterpart = all.find((a) => a.lang === other && a.slug === article.slug);
			const expected = article.file.replace(`/${article.lang}/`, `/${other}/`);
			if (!counterpart) {
				findings.push(
					finding(
						article,
						'error',
						'missing-translation',
						`has no ${other} translation (${expected})`,
						{
							other,
							expected,
						},
					),
				);
			} else if (counterpart.draft) {
				findings.push(
					finding(
						article,
						'warning',
						'draft-translation',
						`its ${other} translation is still a draft`,
						{
							other,
						},
					),
				);
			} else if (article.updated && counterpart.updated) {
				// Reported on the older of the two: that is the one to bring up to date.
				const days = Math.round(
					(counterpart.updated.getTime() - article.updated.getTime()) / dayMs,
				);
				if (days > staleTranslationDays) {
					findings.push(
						finding(
							article,
							'error',
							'stale-translation',
							`updated ${isoDate(article.updated)}, ${days} days before its ${other} translation (${isoDate(counterpart.updated)}); more than ${staleTranslationDays} days apart`,
							{
								other,
								days,
								updated: isoDate(article.updated),
								otherUpdated: isoDate(counterpart.updated),
							},
						),
					);
				}
			}
		}
	}
	return findings;
}

/** Links that lead nowhere and anchors that are not on the page they point at. */
function linkFindings(
	article: HealthArticle,
	scan: ScannedMdx,
	ids: ReadonlyMap<string, Set<string>>,
	site: HealthSite,
): Finding[] {
	const findings: Finding[] = [];
	for (const { url, line } of scan.links) {
		const target = resolveLink(url, article.lang, article.slug);
		if (target.kind === 'skip') continue;
		if (target.kind === 'bad') {
			findings.push(
				finding(article, 'error', 'broken-link', `link ${url} ${target.reason}`, { url }, line),
			);
			continue;
		}
		const pageIdSet = ids.get(`${target.lang}/${target.id}`);
		const isCategory = site.categories.includes(target.id);
		if (target.id !== '' && !pageIdSet && !isCategory) {
			findings.push(
				finding(
					article,
					'error',
					'broken-link',
					`link ${url} points to /${target.lang}/${target.id}/, which is not a published article or category`,
					{ url },
					line,
				),
			);
		} else if (target.anchor && target.id !== '' && !pageIdSet?.has(target.anchor)) {
			findings.push(
				finding(
					article,
					'error',
					'broken-anchor',
					`link ${url}: /${target.lang}/${target.id}/ has no heading or element with id "${target.anchor}"`,
					{ url, anchor: target.anchor },
					line,
				),
			);
		}
	}
	return findings;
}

/** Images without a text alternative (an empty alt counts: help images are never decoration). */
function imageFindings(article: HealthArticle, scan: ScannedMdx): Finding[] {
	return scan.images
		.filter(
			(image) => image.alt === null || (typeof image.alt === 'string' && image.alt.trim() === ''),
		)
		.map((image) =>
			finding(
				article,
				'error',
				'image-alt',
				`image ${image.src || '(reference)'} has no alt text`,
				{ src: image.src },
				image.line,
			),
		);
}

/**
 * Checks the articles. Drafts are not published, so they are neither checked nor link targets;
 * a published article whose translation is a draft gets a warning.
 * @param now the day "not updated in 12 months" is measured from.
 */
export function checkContent(
	articles: readonly HealthArticle[],
	site: HealthSite,
	now: Date,
): Finding[] {
	const published = articles.filter((a) => !a.draft);
	const scans = new Map(published.map((a) => [a, scanMdx(a.body, a.bodyLine ?? 1)]));
	const ids = new Map(published.map((a) => [`${a.lang}/${a.slug}`, pageIds(scans.get(a)!, site)]));
	const cutoff = new Date(now);
	cutoff.setUTCMonth(cutoff.getUTCMonth() - outdatedMonths);
	const findings = translationFindings(published, [...articles]);
	for (const article of published) {
		const scan = scans.get(article)!;
		findings.push(...linkFindings(article, scan, ids, site), ...imageFindings(article, scan));
		if (!article.updated) {
			findings.push(
				finding(article, 'error', 'no-date', 'has no valid `updated` date in its frontmatter', {}),
			);
		} else if (article.updated < cutoff) {
			findings.push(
				finding(
					article,
					'warning',
					'outdated',
					`not updated in ${outdatedMonths} months (last ${isoDate(article.updated)})`,
					{ months: outdatedMonths, updated: isoDate(article.updated) },
				),
			);
		}
	}
	return findings.sort(
		(a, b) =>
			a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || a.kind.localeCompare(b.kind),
	);
}
