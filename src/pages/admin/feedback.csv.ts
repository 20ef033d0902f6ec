import type { APIRoute } from 'astro';
import { sessionCookieName } from '../../lib/insights/admin-auth.ts';
import { adminHeaders, parseFilters } from '../../lib/insights/admin-filters.ts';
import { adminAccess } from '../../lib/insights/admin-gate.ts';
import { dashboardArticles, dashboardVotes } from '../../lib/insights/admin-runtime.ts';
import { processStore } from '../../lib/store/process-store.ts';
import { votesCsv, votesCsvName } from '../../lib/insights/votes-csv.ts';

export const prerender = false;

const text = (status: number, body: string, headers: Record<string, string> = {}) =>
	new Response(`${body}\n`, {
		status,
		headers: { ...adminHeaders, 'Content-Type': 'text/plain; charset=utf-8', ...headers },
	});

/**
 * `GET /admin/feedback.csv`: the votes the dashboard shows (same `since` and `article` filters),
 * one row per vote, for a spreadsheet. Same session as the dashboard; 404 when it is off.
 */
export const GET: APIRoute = async ({ request, cookies, url }) => {
	const now = new Date();
	const access = adminAccess(process.env, cookies.get(sessionCookieName)?.value, now);
	if (access.kind === 'off') return text(404, 'Not found.');
	if (access.kind === 'misconfigured') {
		console.error('admin: the dashboard is misconfigured', access.error);
		return text(503, 'The dashboard is not available.', { 'Retry-After': '30' });
	}
	if (access.kind === 'signed-out') {
		return text(401, 'Sign in at /admin/feedback/ first.');
	}
	const { filters, errors } = parseFilters(url.searchParams);
	if (errors.length > 0) {
		return text(
			400,
			errors
				.map(
					(e) =>
						`${e.field}: "${e.value}" is not ${e.field === 'since' ? 'a date (YYYY-MM-DD)' : 'an article id'}.`,
				)
				.join('\n'),
		);
	}
	try {
		const votes = await dashboardVotes(await processStore(), filters);
		return new Response(request.method === 'HEAD' ? null : votesCsv(votes, dashboardArticles()), {
			headers: {
				...adminHeaders,
				'Content-Type': 'text/csv; charset=utf-8; header=present',
				'Content-Disposition': `attachment; filename="${votesCsvName(now)}"`,
			},
		});
	} catch (error) {
		console.error('admin: cannot read the feedback store', error);
		return text(503, 'The feedback data cannot be read right now.', { 'Retry-After': '30' });
	}
};
