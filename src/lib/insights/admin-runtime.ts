/**
 * What the dashboard reads on the server: the feedback store (the same FEEDBACK_* settings as
 * the API) and the content. The content health findings are computed here, at request time, from
 * the content collection's own entries (`entry.body`): the collection's data store is part of
 * the server build, so the findings always describe exactly the content that was built, with no
 * generated file to fall out of step, and "not updated in 12 months" is measured from today, not
 * from the build day. Checking 16 articles takes about a millisecond.
 */
import { getCollection } from 'astro:content';
import type { Locale } from '../../i18n/locales.ts';
import { parseArticleId } from '../articles.ts';
import { getSiteContent } from '../content.ts';
import { feedbackConfig } from '../feedback/config.ts';
import { openFeedbackStore } from '../feedback/open-store.ts';
import type { FeedbackStore } from '../feedback/store.ts';
import { checkContent, type Finding, type HealthArticle } from './content-health.ts';
import type { AdminFilters } from './admin-filters.ts';
import { buildDashboard, type ArticleInfo, type Dashboard } from './dashboard.ts';
import { scanMdx } from './mdx-scan.ts';

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

/** The content as the dashboard uses it. */
interface DashboardContent {
	/** Published articles in site order, with their h2 headings. */
	articles: ArticleInfo[];
	/** Every article file, drafts included, for the health check. */
	health: HealthArticle[];
	providers: string[];
	categories: string[];
}

let content: Promise<DashboardContent> | undefined;

async function loadContent(): Promise<DashboardContent> {
	const [site, entries, providers] = await Promise.all([
		getSiteContent(),
		getCollection('articles'),
		getCollection('providers'),
	]);
	return {
		articles: site.articles.map(({ entry, summary }) => ({
			lang: summary.lang,
			slug: summary.slug,
			title: summary.title,
			sections: new Map(
				scanMdx(entry.body ?? '')
					.headings.filter((h) => h.depth === 2)
					.map((h) => [h.slug, h.text]),
			),
		})),
		health: entries.map((entry) => ({
			...parseArticleId(entry.id),
			file: entry.filePath ?? `content/articles/${entry.id}.mdx`,
			updated: entry.data.updated,
			draft: entry.data.draft,
			body: entry.body ?? '',
		})),
		providers: providers.map((p) => p.data.id),
		categories: site.categories.map((c) => c.id),
	};
}

/** The published articles (memoised: the content cannot change without a new build). */
export async function dashboardArticles(): Promise<ArticleInfo[]> {
	content ??= loadContent();
	return (await content).articles;
}

/** The content health findings as of `now`. */
export async function contentFindings(now: Date): Promise<Finding[]> {
	content ??= loadContent();
	const { health, providers, categories } = await content;
	return checkContent(health, { providers, categories }, now);
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
	const [votes, articles, findings] = await Promise.all([
		store.listVotes({
			...(filters.since && { since: filters.since }),
			...(filters.article && { article: filters.article }),
			limit: dashboardVoteLimit,
		}),
		dashboardArticles(),
		contentFindings(now),
	]);
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
