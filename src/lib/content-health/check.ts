/**
 * The content health check: what makes an article wrong (errors) or suspect (warnings) for its
 * readers, found in the article files alone. Pure: it gets the files as the content reader
 * (src/lib/content/) parsed them. Runs at build time (the site index keeps the findings for the
 * dashboard) and in CI (`npm run content:check`); the server only adds {@link outdatedFindings},
 * which depend on the day.
 */
import { locales, type Locale } from '../../i18n/locales.ts';
import { isoDate } from '../dates.ts';
import type { ParsedMdx } from '../content/parse.ts';
import { linkProblems, pageIds } from './links.ts';

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
	/** What the article's MDX holds, with lines in the file. */
	mdx: ParsedMdx;
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

/** What is wrong, before it is tied to its article. */
type Problem = Pick<Finding, 'severity' | 'kind' | 'message' | 'params'> & { line?: number };

/** A finding about `article`, with the line when the problem has one. */
function finding(article: DatedArticle, { line, ...problem }: Problem): Finding {
	return {
		...problem,
		lang: article.lang,
		slug: article.slug,
		file: article.file,
		...(line !== undefined && { line }),
	};
}

/** Missing, draft-only and stale translations of a published article. */
function translationProblems(article: HealthArticle, all: readonly HealthArticle[]): Problem[] {
	const problems: Problem[] = [];
	for (const other of locales.filter((l) => l !== article.lang)) {
		const counterpart = all.find((a) => a.lang === other && a.slug === article.slug);
		const expected = article.file.replace(`/${article.lang}/`, `/${other}/`);
		if (!counterpart) {
			problems.push({
				severity: 'error',
				kind: 'missing-translation',
				message: `has no ${other} translation (${expected})`,
				params: { other, expected },
			});
		} else if (counterpart.draft) {
			problems.push({
				severity: 'warning',
				kind: 'draft-translation',
				message: `its ${other} translation is still a draft`,
				params: { other },
			});
		} else if (article.updated && counterpart.updated) {
			// Reported on the older of the two: that is the one to bring up to date.
			const days = Math.round((counterpart.updated.getTime() - article.updated.getTime()) / dayMs);
			if (days <= staleTranslationDays) continue;
			const [updated, otherUpdated] = [isoDate(article.updated), isoDate(counterpart.updated)];
			problems.push({
				severity: 'error',
				kind: 'stale-translation',
				message: `updated ${updated}, ${days} days before its ${other} translation (${otherUpdated}); more than ${staleTranslationDays} days apart`,
				params: { other, days, updated, otherUpdated },
			});
		}
	}
	return problems;
}

/** Images without a text alternative (an empty alt counts: help images are never decoration). */
function imageProblems(mdx: ParsedMdx): Problem[] {
	return mdx.images
		.filter((image) => image.alt === null || image.alt?.trim() === '')
		.map((image) => ({
			severity: 'error',
			kind: 'image-alt',
			message: `image ${image.src || '(reference)'} has no alt text`,
			params: { src: image.src },
			line: image.line,
		}));
}

/** A missing `updated` date. */
function noDateProblems(article: HealthArticle): Problem[] {
	if (article.updated) return [];
	return [
		{
			severity: 'error',
			kind: 'no-date',
			message: 'has no valid `updated` date in its frontmatter',
			params: {},
		},
	];
}

/** An `updated` date more than `outdatedMonths` before `cutoff`. */
function outdatedProblems(article: DatedArticle, cutoff: Date): Problem[] {
	if (!article.updated || article.updated >= cutoff) return [];
	const updated = isoDate(article.updated);
	return [
		{
			severity: 'warning',
			kind: 'outdated',
			message: `not updated in ${outdatedMonths} months (last ${updated})`,
			params: { months: outdatedMonths, updated },
		},
	];
}

/** Findings in file order, then line, then kind. */
function sorted(findings: Finding[]): Finding[] {
	return findings.sort(
		(a, b) =>
			a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || a.kind.localeCompare(b.kind),
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
	return sorted([...checkContentFiles(articles, site), ...outdatedFindings(articles, now)]);
}

/**
 * Everything {@link checkContent} finds that does not depend on the day: what the files say.
 * The build runs it once (src/lib/site-index.ts); the dashboard adds {@link outdatedFindings}.
 */
export function checkContentFiles(articles: readonly HealthArticle[], site: HealthSite): Finding[] {
	const published = articles.filter((a) => !a.draft);
	const ids = new Map(published.map((a) => [`${a.lang}/${a.slug}`, pageIds(a.mdx, site)]));
	const findings = published.flatMap((article) =>
		[
			...translationProblems(article, articles),
			...linkProblems(article, article.mdx, ids, site).map((p) => ({
				severity: 'error' as const,
				...p,
			})),
			...imageProblems(article.mdx),
			...noDateProblems(article),
		].map((problem) => finding(article, problem)),
	);
	return sorted(findings);
}

/** An article file as the date check needs it (no body). */
export type DatedArticle = Pick<HealthArticle, 'lang' | 'slug' | 'file' | 'updated' | 'draft'>;

/**
 * "Not updated in 12 months" warnings for the published articles, as of `now`.
 * @param now the day the 12 months are measured from.
 */
export function outdatedFindings(articles: readonly DatedArticle[], now: Date): Finding[] {
	const cutoff = new Date(now);
	cutoff.setUTCMonth(cutoff.getUTCMonth() - outdatedMonths);
	return sorted(
		articles
			.filter((a) => !a.draft)
			.flatMap((article) =>
				outdatedProblems(article, cutoff).map((problem) => finding(article, problem)),
			),
	);
}

/** Both kinds of findings, in one order. */
export function mergeFindings(...lists: readonly Finding[][]): Finding[] {
	return sorted(lists.flat());
}
