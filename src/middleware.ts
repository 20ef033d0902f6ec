import { defineMiddleware } from 'astro:middleware';
import { isLocale, negotiateLocale } from './i18n/locales.ts';
import { useTranslations } from './i18n/translations.ts';
import { withSecurityHeaders } from './lib/security/response.ts';

/**
 * Puts the page language and its translation function on `Astro.locals`. The language comes from
 * the first path segment; outside `/{lang}/` (the root chooser, an unknown URL) from the
 * `Accept-Language` header when a server renders the page. Responses rendered on demand get the
 * security headers (prerendered pages get theirs from the server or the static host).
 */
export const onRequest = defineMiddleware(async (context, next) => {
	const segment = context.url.pathname.split('/')[1];
	const lang = isLocale(segment)
		? segment
		: negotiateLocale(
				context.isPrerendered ? null : context.request.headers.get('accept-language'),
			);
	context.locals.lang = lang;
	context.locals.t = useTranslations(lang);
	const response = await next();
	if (context.isPrerendered) return response;
	return withSecurityHeaders(response, context.url.protocol === 'https:');
});
