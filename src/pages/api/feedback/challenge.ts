import type { APIRoute } from 'astro';
import { serveFeedback } from '../../../lib/feedback/runtime.ts';

export const prerender = false;

/** `GET /api/feedback/challenge`: an ALTCHA challenge for the widget. */
export const ALL: APIRoute = (context) => serveFeedback('challenge', context);
