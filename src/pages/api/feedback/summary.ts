import type { APIRoute } from 'astro';
import { serveFeedback } from '../../../lib/feedback/runtime.ts';

export const prerender = false;

/** `GET /api/feedback/summary?article=…&lang=…`: yes/no counts. */
export const ALL: APIRoute = (context) => serveFeedback('summary', context);
