/**
 * The single list of site languages. The config, the routes, the content schema and the tests
 * all import it, so adding a language starts here.
 */
export const locales = ['nl', 'en'] as const;

/** A language the help center is published in. */
export type Locale = (typeof locales)[number];

/** Dutch comes first: SpinOffice CRM is a Dutch product and most readers are Dutch. */
export const defaultLocale: Locale = 'nl';

/** BCP 47 tags used for `<html lang>`, `hreflang`, Open Graph and `Intl` formatting. */
export const localeTags: Record<Locale, string> = { nl: 'nl-NL', en: 'en-GB' };

/** Native names, shown in the language switch (never translated). */
export const localeNames: Record<Locale, string> = { nl: 'Nederlands', en: 'English' };

/** Type guard for route params and request input. */
export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/**
 * Picks the best site language from an `Accept-Language` header (RFC 9110 §12.5.4):
 * highest q-value wins, primary subtags match (`en-US` → `en`), ties keep header order.
 */
export function negotiateLocale(header: string | null | undefined): Locale {
	if (!header) return defaultLocale;
	const ranked = header
		.split(',')
		.map((part, index) => {
			const [range = '', ...params] = part.trim().split(';');
			const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
			const quality = q ? Number(q.slice(2)) : 1;
			return { tag: range.toLowerCase(), quality: Number.isFinite(quality) ? quality : 0, index };
		})
		.filter((r) => r.quality > 0)
		.sort((a, b) => b.quality - a.quality || a.index - b.index);
	for (const { tag } of ranked) {
		const primary = tag.split('-')[0];
		if (isLocale(primary)) return primary;
	}
	return defaultLocale;
}
