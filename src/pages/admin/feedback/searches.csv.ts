import type { APIRoute } from 'astro';
import { serveAdminSearchesCsv } from '../../../lib/admin/runtime.ts';

export const prerender = false;

/**
 * `GET /admin/feedback/searches.csv`: the dashboard's Searches section (same `since` and
 * `searchLang` filters), one row per query and language, for a spreadsheet. Same session as the
 * dashboard; 404 when it is off.
 */
export const ALL: APIRoute = (context) => serveAdminSearchesCsv(context);
