import { localeTags, type Locale } from '../i18n/locales.ts';

const formatters = new Map<Locale, Intl.DateTimeFormat>();

/**
 * Long date in the reader's language: "11 februari 2025" / "11 February 2025".
 * Frontmatter dates are calendar days, so they are formatted in UTC to never shift a day.
 */
export function formatDate(date: Date, lang: Locale): string {
	let formatter = formatters.get(lang);
	if (!formatter) {
		formatter = new Intl.DateTimeFormat(localeTags[lang], { dateStyle: 'long', timeZone: 'UTC' });
		formatters.set(lang, formatter);
	}
	return formatter.format(date);
}

/** `YYYY-MM-DD`, for `<time datetime>` and machine-readable output. */
export function isoDate(date: Date): string {
	return date.toISOString().slice(0, 10);
}
