import type { APIRoute } from 'astro';

/** Allows everything except the API and the support dashboard, and points crawlers at the sitemap. */
export const GET: APIRoute = ({ site }) =>
	new Response(
		`User-agent: *\nDisallow: /api/\nDisallow: /admin/\nAllow: /\n\nSitemap: ${new URL('sitemap-index.xml', site).href}\n`,
		{ headers: { 'Content-Type': 'text/plain; charset=utf-8' } },
	);
