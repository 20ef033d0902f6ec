import type { APIRoute } from 'astro';
import { serveSearchLog } from '../../lib/search-log/runtime.ts';

export const prerender = false;

/** `POST /api/search-log`: a settled search or a result opened (src/lib/search-log/). */
export const ALL: APIRoute = (context) => serveSearchLog(context);
