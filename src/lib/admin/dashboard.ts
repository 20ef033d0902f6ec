/**
 * The dashboard's figures: the overview's rows per article and language (as the report has
 * them), and per article the details with both languages side by side. Pure: the page loads the
 * votes, the published articles and the content findings, and renders what this returns.
 */
import { locales, type Locale } from '../../i18n/locales.ts';
import type { Reason } from '../feedback/contract.ts';
import type { Finding } from '../content-health/check.ts';
import {
	summarizeVotes,
	type ArticleStats,
	type Count,
	type ReportComment,
	type RevisionTally,
	type Tally,
	type VoteRecord,
} from '../votes/summary.ts';
import { overviewOf, titleOf, type OverviewRow, type UnvotedArticle } from './overview.ts';
import { weekStart, weeklyTallies, type WeekTally } from './weeks.ts';

/** A published article in one language, as the dashboard names it. */
export interface ArticleInfo {
	lang: Locale;
	slug: string;
	title: string;
	/** h2 ids and their heading text: what the "where did you get stuck" answers point at. */
	sections: ReadonlyMap<string, string>;
}

/** One language of an article. */
export interface LanguageColumn {
	lang: Locale;
	/** Undefined when the article is not published in this language. */
	title: string | undefined;
	/** Undefined when there are no votes in this language. */
	stats: ArticleStats | undefined;
}

/** A "where did you get stuck" answer, with the heading it names. */
export interface StuckAt {
	lang: Locale;
	id: string;
	/** The heading's text; undefined when the article no longer has that section. */
	heading: string | undefined;
	count: number;
}

/** A revision's tally in one language. */
export interface LanguageRevision extends RevisionTally {
	lang: Locale;
}

/** Everything the dashboard shows about one article. */
export interface DashboardArticle {
	slug: string;
	/** In the reader's language, else the other; the slug when the article is gone. */
	title: string;
	languages: LanguageColumn[];
	/** Both languages together. The attention score is per language: `languages[].stats`. */
	total: Tally;
	weeks: WeekTally[];
	reasons: Count<Reason>[];
	stuckAt: StuckAt[];
	/** Both languages, newest first. */
	comments: ReportComment[];
	revisions: LanguageRevision[];
	findings: Finding[];
}

/** The whole dashboard. */
export interface Dashboard {
	total: Tally;
	/** One row per article and language with votes, most in need of attention first. */
	rows: OverviewRow[];
	/** Published article languages without votes, in site order. */
	unvoted: UnvotedArticle[];
	/** In the order of their first row; articles without votes last, in site order. */
	articles: DashboardArticle[];
	/** The Monday of the chart's first and last week. */
	weeksFrom: Date;
	weeksTo: Date;
}

/** What {@link buildDashboard} works from. */
export interface DashboardInput {
	votes: readonly VoteRecord[];
	/** Published articles, in site order. */
	articles: readonly ArticleInfo[];
	findings: readonly Finding[];
	/** The reader's language, for titles. */
	lang: Locale;
	now: Date;
	/** The chart starts here when given, else `weeks` weeks back. */
	since?: Date;
	/** Only this article. */
	article?: string;
	/** Weeks in the chart without `since` (default 12); also the most it shows with it (52). */
	weeks?: number;
	/** Newest comments per article (default 10). */
	commentLimit?: number;
}

const weekMs = 7 * 86_400_000;

function add(total: Tally, tally: Tally): void {
	total.votes += tally.votes;
	total.yes += tally.yes;
	total.no += tally.no;
}

/** Builds the dashboard from votes, the published articles and the content findings. */
export function buildDashboard(input: DashboardInput): Dashboard {
	const weeksTo = weekStart(input.now);
	const span = input.since ? 52 : (input.weeks ?? 12);
	const earliest = new Date(weeksTo.getTime() - (span - 1) * weekMs);
	const weeksFrom = input.since && input.since > earliest ? weekStart(input.since) : earliest;
	const votes = input.article
		? input.votes.filter((v) => v.article === input.article)
		: input.votes;
	const stats = summarizeVotes(votes, { commentLimit: input.commentLimit ?? 10 });

	const slugs = [
		...new Set([...input.articles.map((a) => a.slug), ...votes.map((v) => v.article)]),
	];
	const articles = slugs
		.filter((slug) => !input.article || slug === input.article)
		.map((slug) => {
			const infos = input.articles.filter((a) => a.slug === slug);
			const languages = locales.map((lang) => ({
				lang,
				title: infos.find((a) => a.lang === lang)?.title,
				stats: stats.find((s) => s.article === slug && s.lang === lang),
			}));
			const total: Tally = { votes: 0, yes: 0, no: 0 };
			const reasons = new Map<Reason, number>();
			for (const { stats: s } of languages) {
				if (!s) continue;
				add(total, s);
				for (const r of s.reasons) reasons.set(r.value, (reasons.get(r.value) ?? 0) + r.count);
			}
			return {
				slug,
				title: titleOf(input.articles, slug, input.lang),
				languages,
				total,
				weeks: weeklyTallies(
					votes.filter((v) => v.article === slug),
					weeksFrom,
					weeksTo,
				),
				reasons: [...reasons]
					.map(([value, count]) => ({ value, count }))
					.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)),
				stuckAt: languages.flatMap(({ lang, stats: s }) =>
					(s?.sections ?? []).map((c) => ({
						lang,
						id: c.value,
						heading: infos.find((a) => a.lang === lang)?.sections.get(c.value),
						count: c.count,
					})),
				),
				comments: languages
					.flatMap((l) => l.stats?.comments ?? [])
					.sort((a, b) => b.at.getTime() - a.at.getTime())
					.slice(0, input.commentLimit ?? 10),
				revisions: languages.flatMap(({ lang, stats: s }) =>
					(s?.revisions ?? []).map((r) => ({ lang, ...r })),
				),
				findings: input.findings.filter((f) => f.slug === slug),
			};
		});
	const { rows, unvoted } = overviewOf(
		stats,
		input.articles.filter((a) => !input.article || a.slug === input.article),
		input.findings,
		input.lang,
	);
	// Stable sort: articles without votes keep the site order they came in.
	const rank = (slug: string) => {
		const i = rows.findIndex((r) => r.slug === slug);
		return i < 0 ? rows.length : i;
	};
	articles.sort((a, b) => rank(a.slug) - rank(b.slug));
	const total: Tally = { votes: 0, yes: 0, no: 0 };
	for (const article of articles) add(total, article.total);
	return { total, rows, unvoted, articles, weeksFrom, weeksTo };
}
