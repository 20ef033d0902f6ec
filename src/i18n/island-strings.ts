/**
 * Build time: the plural forms of a UI string for an island (src/components/islands/strings.ts),
 * from i18next's plural keys in the JSON files (`feedback.summary_one`, `feedback.summary_other`…),
 * which stay the one source.
 */
import type { PluralForms } from '../components/islands/strings.ts';
import type { Locale } from './locales.ts';
import { uiStrings, type UiStrings } from './translations.ts';

/** A key with plural forms, without its `_other` suffix: `feedback.summary`. */
export type PluralKey = keyof UiStrings extends infer K
	? K extends `${infer Base}_other`
		? Base
		: never
	: never;

const categories: readonly Intl.LDMLPluralRule[] = ['zero', 'one', 'two', 'few', 'many', 'other'];

/** The forms of `key` in `lang` that the JSON file has; `other` always. */
export function pluralForms(lang: Locale, key: PluralKey): PluralForms {
	const strings: Record<string, string> = uiStrings(lang);
	const forms: Partial<Record<Intl.LDMLPluralRule, string>> = {};
	for (const category of categories) {
		const text = strings[`${key}_${category}`];
		if (text !== undefined) forms[category] = text;
	}
	if (forms.other === undefined) throw new Error(`UI string ${key}_other is missing (${lang})`);
	return { ...forms, other: forms.other };
}
