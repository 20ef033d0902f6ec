import type { APIRoute } from 'astro';
import { serveMailProvider } from '../../lib/mail-provider/runtime.ts';

export const prerender = false;

/** `GET /api/mail-provider?domain=…&lang=…`: the guide for a domain's mail (src/lib/mail-provider/). */
export const ALL: APIRoute = (context) => serveMailProvider(context);
