/**
 * The dashboard's data for one request: the votes its filters select, from the store, and what
 * the content says of the articles (titles, h2 headings, health findings).
 */
import type { Locale } from '../../i18n/locales.ts';
import type { Finding } from '../content-health/check.ts';
import { buildDashboard, type ArticleInfo, type Dashboard } from './dashboard.ts';
import type { FeedbackStore, StoredVote } from '../store/store.ts';
import type { AdminFilters } from './filters.ts';

/** What the dashboard knows of the content (made at build time: the site index). */
export interface AdminContent {
	/** The published articles with their h2 headings, in site order. */
	articles: () => readonly ArticleInfo[];
	/** The content health findings as of `now`. */
	findings: (now: Date) => Finding[];
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

/** Every article once for the filter list, titled in `lang` where it has that language. */
export function articleChoices(
	articles: readonly ArticleInfo[],
	lang: Locale,
): { slug: string; title: string }[] {
	const choices = new Map<string, string>();
	for (const a of articles) {
		if (a.lang === lang || !choices.has(a.slug)) choices.set(a.slug, a.title);
	}
	return [...choices].map(([slug, title]) => ({ slug, title }));
}

/** The dashboard's figures for the filters, in `lang`, as of `now`. */
export async function loadDashboard(
	store: FeedbackStore,
	content: AdminContent,
	filters: AdminFilters,
	lang: Locale,
	now: Date,
): Promise<Dashboard> {
	const votes = await dashboardVotes(store, filters);
	return buildDashboard({
		votes,
		articles: content.articles(),
		findings: content.findings(now),
		lang,
		now,
		...(filters.since && { since: filters.since }),
		...(filters.article && { article: filters.article }),
	});
}
