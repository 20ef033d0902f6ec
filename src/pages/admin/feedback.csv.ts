import type { APIRoute } from 'astro';
import { serveAdminCsv } from '../../lib/admin/runtime.ts';

export const prerender = false;

/**
 * `GET /admin/feedback.csv`: the votes the dashboard shows (same `since` and `article` filters),
 * one row per vote, for a spreadsheet. Same session as the dashboard; 404 when it is off.
 */
export const ALL: APIRoute = (context) => serveAdminCsv(context);
