/**
 * The dashboard's overview table: one row per article and language, the same rows in the same
 * order as `npm run feedback:report` (both take them from `summarizeVotes`), so "attention" is
 * one figure with one meaning wherever the support team reads it.
 */
import type { Locale } from '../../i18n/locales.ts';
import type { Finding } from '../content-health/check.ts';
import type { ArticleStats } from '../votes/summary.ts';
import type { ArticleInfo } from './dashboard.ts';

/** One article in one language with votes. */
export interface OverviewRow {
	slug: string;
	lang: Locale;
	/** In the reader's language (as everywhere on the dashboard), else the slug. */
	title: string;
	/** The report's figures for this article and language, its attention score included. */
	stats: ArticleStats;
	/** Content health findings of this article in this language. */
	findings: number;
}

/** A published article in one language that has no votes (under the current filters). */
export interface UnvotedArticle {
	slug: string;
	lang: Locale;
	title: string;
	findings: number;
}

/** The title of `slug` in `lang`, else in any language, else the slug (an article now gone). */
export function titleOf(articles: readonly ArticleInfo[], slug: string, lang: Locale): string {
	const infos = articles.filter((a) => a.slug === slug);
	return infos.find((a) => a.lang === lang)?.title ?? infos[0]?.title ?? slug;
}

/**
 * The overview's rows (`stats` as `summarizeVotes` sorted them: most in need of attention
 * first) and, in site order, the published article languages that got no votes.
 */
export function overviewOf(
	stats: readonly ArticleStats[],
	articles: readonly ArticleInfo[],
	findings: readonly Finding[],
	lang: Locale,
): { rows: OverviewRow[]; unvoted: UnvotedArticle[] } {
	const count = (slug: string, l: Locale) =>
		findings.filter((f) => f.slug === slug && f.lang === l).length;
	const rows = stats.map((s) => ({
		slug: s.article,
		lang: s.lang,
		title: titleOf(articles, s.article, lang),
		stats: s,
		findings: count(s.article, s.lang),
	}));
	const voted = new Set(stats.map((s) => `${s.lang}/${s.article}`));
	const unvoted = articles
		.filter((a) => !voted.has(`${a.lang}/${a.slug}`))
		.map((a) => ({
			slug: a.slug,
			lang: a.lang,
			title: titleOf(articles, a.slug, lang),
			findings: count(a.slug, a.lang),
		}));
	return { rows, unvoted };
}
