import type { APIRoute } from 'astro';

/** Allows everything except the API, and points crawlers at the sitemap. */
export const GET: APIRoute = ({ site }) =>
	new Response(
		`User-agent: *\nDisallow: /api/\nAllow: /\n\nSitemap: ${new URL('sitemap-index.xml', site).href}\n`,
		{ headers: { 'Content-Type': 'text/plain; charset=utf-8' } },
	);
