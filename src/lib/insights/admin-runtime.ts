/**
 * What the dashboard reads on the server: the feedback store (the same FEEDBACK_* settings as
 * the API) and the content, from the site index the build made of the very files it built
 * (src/lib/site-index.ts): titles, h2 headings, and the content health findings with their file
 * lines. Only "not updated in 12 months" is worked out per request, from today rather than from
 * the build day. No article body or compiled MDX is part of the server bundle.
 */
import type { Locale } from '../../i18n/locales.ts';
import { feedbackConfig } from '../feedback/config.ts';
import { openFeedbackStore } from '../feedback/open-store.ts';
import type { FeedbackStore } from '../feedback/store.ts';
import { siteIndex } from '../site.ts';
import { mergeFindings, outdatedFindings, type Finding } from './content-health.ts';
import type { AdminFilters } from './admin-filters.ts';
import { buildDashboard, type ArticleInfo, type Dashboard } from './dashboard.ts';

let opening: Promise<FeedbackStore> | undefined;

/** The feedback store, opened once per process; a failed open is retried by the next request. */
export function adminStore(): Promise<FeedbackStore> {
	opening ??= openFeedbackStore(feedbackConfig(process.env, process.cwd()).database).catch(
		(error: unknown) => {
			opening = undefined;
			throw error;
		},
	);
	return opening;
}

/** The published articles with their h2 headings, in site order (made once per process). */
let articles: ArticleInfo[] | undefined;

/** The published articles (the content cannot change without a new build). */
export function dashboardArticles(): ArticleInfo[] {
	articles ??= siteIndex.summaries.map(({ lang, slug, title }) => ({
		lang,
		slug,
		title,
		sections: new Map(
			(siteIndex.sections[`${lang}/${slug}`] ?? []).map((s) => [s.slug, s.text] as const),
		),
	}));
	return articles;
}

/**
 * The content health findings as of `now`: what the build found in the files, and the
 * "not updated in 12 months" warnings, measured from today rather than from the build day.
 */
export function contentFindings(now: Date): Finding[] {
	const { articles: files, findings } = siteIndex.health;
	return mergeFindings(findings, outdatedFindings(files, now));
}

/** Most votes the dashboard reads at once; narrow with `since` beyond that. */
export const dashboardVoteLimit = 100_000;

/** The dashboard's figures and the article list for its filter. */
export async function loadDashboard(
	filters: AdminFilters,
	lang: Locale,
	now: Date,
): Promise<{ dashboard: Dashboard; choices: { slug: string; title: string }[] }> {
	const store = await adminStore();
	const votes = await store.listVotes({
		...(filters.since && { since: filters.since }),
		...(filters.article && { article: filters.article }),
		limit: dashboardVoteLimit,
	});
	const articles = dashboardArticles();
	const findings = contentFindings(now);
	const dashboard = buildDashboard({
		votes,
		articles,
		findings,
		lang,
		now,
		...(filters.since && { since: filters.since }),
		...(filters.article && { article: filters.article }),
	});
	const choices = new Map<string, string>();
	for (const a of articles) {
		if (a.lang === lang || !choices.has(a.slug)) choices.set(a.slug, a.title);
	}
	return { dashboard, choices: [...choices].map(([slug, title]) => ({ slug, title })) };
}
