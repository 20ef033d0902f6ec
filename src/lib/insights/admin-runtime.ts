/**
 * What the dashboard reads on the server: the store of this process (shared with the feedback
 * API) and the content, from the site index the build made of the very files it built
 * (src/lib/site-index.ts): titles, h2 headings, and the content health findings with their file
 * lines. Only "not updated in 12 months" is worked out per request, from today rather than from
 * the build day. No article body or compiled MDX is part of the server bundle.
 */
import type { Locale } from '../../i18n/locales.ts';
import { siteIndex } from '../site.ts';
import { processStore } from '../store/process-store.ts';
import type { FeedbackStore, StoredVote } from '../store/store.ts';
import { mergeFindings, outdatedFindings, type Finding } from './content-health.ts';
import type { AdminFilters } from './admin-filters.ts';
import { buildDashboard, type ArticleInfo, type Dashboard } from './dashboard.ts';

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

/** The votes the dashboard's filters select: what it charts and what its CSV holds. */
export function dashboardVotes(store: FeedbackStore, filters: AdminFilters): Promise<StoredVote[]> {
	return store.listVotes({
		...(filters.since && { since: filters.since }),
		...(filters.article && { article: filters.article }),
		limit: dashboardVoteLimit,
	});
}

/** The dashboard's figures and the article list for its filter. */
export async function loadDashboard(
	filters: AdminFilters,
	lang: Locale,
	now: Date,
): Promise<{ dashboard: Dashboard; choices: { slug: string; title: string }[] }> {
	const votes = await dashboardVotes(await processStore(), filters);
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
