/**
 * The one way islands turn the UI strings they are handed into text (browser code: islands get
 * no i18next). A string is an i18next template, `{{name}}` placeholders and all; a string that
 * depends on a number comes as its plural forms (i18next's `key_one`, `key_other`… collected at
 * build time by src/i18n/island-strings.ts) and is picked by the language's `Intl.PluralRules`,
 * as i18next itself picks them.
 */

/** The plural forms of one string, by `Intl.PluralRules` category; `other` is always there. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** A string handed to an island: a template, or the plural forms of one. */
export type IslandString = string | PluralForms;

/** What the placeholders are filled with. */
export type Values = Record<string, string | number>;

/** Fills `{{name}}` placeholders; one without a value stays as written, as in i18next. */
export function interpolate(template: string, values: Values): string {
	return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
		Object.hasOwn(values, name) ? String(values[name]) : whole,
	);
}

/**
 * The text of `message` in `locale` (a BCP 47 tag such as `nl-NL`): for plural forms, the form
 * `Intl.PluralRules` picks for `values.count` (`other` when that form is missing), then filled in.
 */
export function translate(locale: string, message: IslandString, values: Values = {}): string {
	if (typeof message === 'string') return interpolate(message, values);
	const count = values['count'];
	if (typeof count !== 'number')
		throw new TypeError('translate(): plural forms need a numeric count');
	const form = new Intl.PluralRules(locale).select(count);
	return interpolate(message[form] ?? message.other, values);
}
