import type { APIRoute } from 'astro';
import { serveFeedback } from '../../../lib/feedback/runtime.ts';

export const prerender = false;

/** `POST /api/feedback` (every method lands here, so others get a 405 with `Allow`). */
export const ALL: APIRoute = (context) => serveFeedback('submit', context);
