/**
 * The dashboard's routes wired to this server: the admin handler with the store of this process
 * (shared with the feedback API) and the content from the site index the build made of the very
 * files it built (src/lib/site-index.ts): titles, h2 headings, and the content health findings
 * with their file lines. Only "not updated in 12 months" is worked out per request, from today
 * rather than from the build day. No article body or compiled MDX is part of the server bundle.
 */
import type { APIContext } from 'astro';
import { mergeFindings, outdatedFindings } from '../content-health/check.ts';
import type { ArticleInfo } from './dashboard.ts';
import { clientAddress } from '../security/client-address.ts';
import { siteIndex } from '../site.ts';
import { processStore } from '../store/process-store.ts';
import { createAdminHandler } from './handler.ts';
import type { AdminContent } from './load.ts';
import type { AdminView } from './views.ts';

/** The published articles (the content cannot change without a new build: made once). */
let articles: ArticleInfo[] | undefined;

const content: AdminContent = {
	articles: () =>
		(articles ??= siteIndex.summaries.map(({ lang, slug, title }) => ({
			lang,
			slug,
			title,
			sections: new Map(
				(siteIndex.sections[`${lang}/${slug}`] ?? []).map((s) => [s.slug, s.text] as const),
			),
		}))),
	findings: (now) => {
		const { articles: files, findings } = siteIndex.health;
		return mergeFindings(findings, outdatedFindings(files, now));
	},
};

/** What the routes pass in: an endpoint's context, or the page's `Astro`. */
type AdminRouteContext = Pick<APIContext, 'request' | 'clientAddress'>;

const handler = createAdminHandler({
	env: () => process.env,
	store: processStore,
	content,
});

/** `/admin/feedback/`: a response to send as it is, or the view for the page to render. */
export function serveAdminPage(context: AdminRouteContext): Promise<Response | AdminView> {
	return handler.page(context.request, { clientAddress: clientAddress(context) });
}

/** `/admin/feedback.csv`. */
export function serveAdminCsv(context: AdminRouteContext): Promise<Response> {
	return handler.csv(context.request, { clientAddress: clientAddress(context) });
}

/** `/admin/feedback/searches.csv`. */
export function serveAdminSearchesCsv(context: AdminRouteContext): Promise<Response> {
	return handler.searchesCsv(context.request, { clientAddress: clientAddress(context) });
}
