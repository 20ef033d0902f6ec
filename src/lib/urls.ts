import type { Locale } from '../i18n/locales.ts';

/** Home page of a language. */
export function homeUrl(lang: Locale): string {
	return `/${lang}/`;
}

/** Article and category pages share one flat namespace per language: `/{lang}/{id}/`. */
export function pageUrl(lang: Locale, id: string): string {
	return `/${lang}/${id}/`;
}
