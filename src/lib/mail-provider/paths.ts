import type { Locale } from '../../i18n/locales.ts';

/**
 * The finder's no-JS route per language (localised, as the search pages' are): its form is a GET
 * here with the address as `email`; the route answers 303 to the guide. On demand, so the
 * sitemap leaves it out (astro.config.mjs).
 */
export const finderFormPaths: Record<Locale, string> = {
	nl: '/nl/zoek-handleiding/',
	en: '/en/find-guide/',
};
