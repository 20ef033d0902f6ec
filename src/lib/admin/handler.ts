/**
 * The dashboard's request handling, without Astro around it, as the feedback API is: given a
 * request and its dependencies (settings, store, content), it answers. The routes in
 * `src/pages/admin/` only wire it up (`runtime.ts`); unit tests call it with plain `Request`s.
 *
 * - Off (no `FEEDBACK_ADMIN_TOKEN`): 404 everywhere.
 * - The page (`/admin/feedback/`): the login form until the session cookie is valid (401 or 429
 *   after a failed attempt), a 303 after signing in or out, then the dashboard (400 when a
 *   filter is bad, 503 when the store fails).
 * - The CSVs (`/admin/feedback.csv`, `/admin/feedback/searches.csv`): the votes or the searches
 *   shown, for a signed-in session; 401 otherwise.
 */
import { locales } from '../../i18n/locales.ts';
import { isCrossSite } from '../feedback/origin.ts';
import type { FeedbackStore } from '../store/store.ts';
import { adminAccess } from './access.ts';
import { sessionCookie, sessionOf } from './cookies.ts';
import { adminLang, dashboardUrl, parseFilters, type ParsedFilters } from './filters.ts';
import { articleChoices, dashboardVotes, loadDashboard, type AdminContent } from './load.ts';
import { postLogin } from './login.ts';
import { adminHeaders, reasonPhrase, redirectResponse, textResponse } from './responses.ts';
import type { AdminPage, AdminView } from './views.ts';
import { votesCsv, votesCsvName } from './votes-csv.ts';
import { dashboardSearchRows, loadSearchSection } from './searches.ts';
import { searchesCsv, searchesCsvName } from './searches-csv.ts';
import { summariseSearches } from '../search-log/summary.ts';

/** What the handler works with; everything it reads or writes comes through here. */
export interface AdminDependencies {
	/** The environment, read on every request (a token set or removed needs no restart). */
	env: () => Record<string, string | undefined>;
	/** The store of this process (rate-limited logins, votes). */
	store: () => Promise<FeedbackStore>;
	content: AdminContent;
	/** The clock (tests pass a fixed one). */
	now?: () => Date;
	log?: (message: string, error: unknown) => void;
}

/** Per-request facts the runtime knows and the request does not say. */
export interface AdminRequestContext {
	/** For the login rate limit (only a keyed hash of it is stored). */
	clientAddress?: string | undefined;
}

/** The dashboard's routes. */
export interface AdminHandler {
	/** `/admin/feedback/`: a response to send as it is, or the view for the page to render. */
	page(request: Request, context?: AdminRequestContext): Promise<Response | AdminView>;
	/** `/admin/feedback.csv`. */
	csv(request: Request, context?: AdminRequestContext): Promise<Response>;
	/** `/admin/feedback/searches.csv`. */
	searchesCsv(request: Request, context?: AdminRequestContext): Promise<Response>;
}

const retryLater = { 'Retry-After': '30' };

/** Creates the handler. */
export function createAdminHandler(deps: AdminDependencies): AdminHandler {
	const log = deps.log ?? ((message, error) => console.error(message, error));
	const clock = deps.now ?? (() => new Date());

	async function page(request: Request, context: AdminRequestContext = {}) {
		const now = clock();
		const url = new URL(request.url);
		const lang = adminLang(url, request.headers.get('accept-language'));
		const { filters, errors }: ParsedFilters = parseFilters(url.searchParams);
		const self = dashboardUrl('/admin/feedback/', lang, filters);
		const view = (status: number, shown: AdminPage, headers = {}): AdminView => ({
			status,
			statusText: reasonPhrase(status),
			headers: { ...adminHeaders, ...headers },
			lang,
			alternates: Object.fromEntries(
				locales.map((l) => [l, dashboardUrl('/admin/feedback/', l, filters)]),
			) as AdminView['alternates'],
			page: shown,
		});
		const unavailable = () => view(503, { kind: 'unavailable' }, retryLater);

		const access = adminAccess(deps.env(), sessionOf(request), now);
		if (access.kind === 'off') return view(404, { kind: 'not-found' });
		if (access.kind === 'misconfigured') {
			log('admin: the dashboard is misconfigured', access.error);
			return unavailable();
		}
		if (request.method === 'GET' || request.method === 'HEAD') {
			if (access.kind === 'signed-out') return view(200, { kind: 'login', action: self });
			try {
				const store = await deps.store();
				const dashboard = await loadDashboard(store, deps.content, filters, lang, now);
				// Searches belong to no article: the view of one article leaves them out.
				const searches = filters.article
					? null
					: await loadSearchSection(store, filters, dashboard.weeksFrom, now);
				const choices = articleChoices(deps.content.articles(), lang);
				const shown: AdminPage = {
					kind: 'dashboard',
					dashboard,
					searches,
					choices,
					filters,
					errors,
				};
				return view(errors.length > 0 ? 400 : 200, shown);
			} catch (error) {
				log('admin: cannot read the feedback store', error);
				return unavailable();
			}
		}
		if (request.method !== 'POST') {
			return new Response(null, {
				status: 405,
				statusText: reasonPhrase(405),
				headers: { ...adminHeaders, Allow: 'GET, HEAD, POST' },
			});
		}
		// Astro's own origin check is off for the site (the feedback API answers problem+json).
		if (isCrossSite(request)) return textResponse(403, 'Cross-site request refused.');
		const outcome = await postLogin(request, {
			config: access.config,
			store: deps.store,
			clientAddress: context.clientAddress,
			now,
		});
		switch (outcome.kind) {
			case 'signed-in':
				return redirectResponse(self, sessionCookie(outcome.session, url));
			case 'signed-out':
				return redirectResponse(self, sessionCookie(null, url));
			case 'unavailable':
				log('admin: cannot count the login attempt', outcome.error);
				return unavailable();
			case 'refused':
				return view(
					outcome.status,
					{ kind: 'login', action: self, error: outcome.error },
					outcome.retryAfterSeconds ? { 'Retry-After': String(outcome.retryAfterSeconds) } : {},
				);
		}
	}

	/** A CSV download of what the dashboard shows, for a signed-in session. */
	async function download(
		request: Request,
		name: (now: Date) => string,
		body: (store: FeedbackStore, filters: ParsedFilters['filters']) => Promise<string>,
	): Promise<Response> {
		const now = clock();
		const access = adminAccess(deps.env(), sessionOf(request), now);
		if (access.kind === 'off') return textResponse(404, 'Not found.');
		if (access.kind === 'misconfigured') {
			log('admin: the dashboard is misconfigured', access.error);
			return textResponse(503, 'The dashboard is not available.', retryLater);
		}
		if (request.method !== 'GET' && request.method !== 'HEAD') {
			return textResponse(405, 'Use GET.', { Allow: 'GET, HEAD' });
		}
		if (access.kind === 'signed-out')
			return textResponse(401, 'Sign in at /admin/feedback/ first.');
		const { filters, errors } = parseFilters(new URL(request.url).searchParams);
		if (errors.length > 0) {
			const what = {
				since: 'a date (YYYY-MM-DD)',
				article: 'an article id',
				searchLang: `a site language (${locales.join(', ')})`,
			};
			const lines = errors.map((e) => `${e.field}: "${e.value}" is not ${what[e.field]}.`);
			return textResponse(400, lines.join('\n'));
		}
		try {
			const text = await body(await deps.store(), filters);
			return new Response(request.method === 'HEAD' ? null : text, {
				headers: {
					...adminHeaders,
					'Content-Type': 'text/csv; charset=utf-8; header=present',
					'Content-Disposition': `attachment; filename="${name(now)}"`,
				},
			});
		} catch (error) {
			log('admin: cannot read the feedback store', error);
			return textResponse(503, 'The feedback data cannot be read right now.', retryLater);
		}
	}

	const csv = (request: Request) =>
		download(request, votesCsvName, async (store, filters) =>
			votesCsv(await dashboardVotes(store, filters), deps.content.articles()),
		);

	/** The searches the filters select (`article` does not apply: searches belong to none). */
	const searchesCsvDownload = (request: Request) =>
		download(request, searchesCsvName, async (store, filters) =>
			searchesCsv(summariseSearches(await dashboardSearchRows(store, filters))),
		);

	return { page, csv, searchesCsv: searchesCsvDownload };
}
