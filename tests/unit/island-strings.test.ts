import { describe, expect, test } from 'vitest';
import { interpolate, translate } from '../../src/components/islands/strings.ts';
import { pluralForms } from '../../src/i18n/island-strings.ts';
import { localeTags, locales } from '../../src/i18n/locales.ts';
import { useTranslations } from '../../src/i18n/translations.ts';

describe('interpolate()', () => {
	test('returns the template with its placeholders filled, unknown ones left as written', () => {
		expect(interpolate('{{count}} voor ‘{{query}}’ {{x}}', { count: 2, query: 'a' })).toBe(
			'2 voor ‘a’ {{x}}',
		);
	});

	test('returns values as text, never read as placeholders or markup', () => {
		expect(interpolate('{{a}} {{b}}', { a: '{{b}}', b: '<b>' })).toBe('{{b}} <b>');
	});

	test('returns a placeholder named after an Object property as written', () => {
		expect(interpolate('{{constructor}} {{toString}}', {})).toBe('{{constructor}} {{toString}}');
	});
});

describe('translate()', () => {
	const forms = { one: '{{count}} lezer', other: '{{count}} lezers' };

	test('returns a plain template filled in', () => {
		expect(translate('nl-NL', 'Zoek ‘{{query}}’', { query: 'kpn' })).toBe('Zoek ‘kpn’');
	});

	test.each([
		['nl-NL', 1, '1 lezer'],
		['nl-NL', 0, '0 lezers'],
		['nl-NL', 5, '5 lezers'],
		['en-GB', 1, '1 lezer'],
		['en-GB', 2, '2 lezers'],
		['nl', 1, '1 lezer'],
		['en', 0, '0 lezers'],
	])('returns the %s form for %i', (locale, count, text) => {
		expect(translate(locale, forms, { count })).toBe(text);
	});

	test('returns the other form when the language has no string for its category', () => {
		// Polish: 2 is "few"; these forms have none, so "other" is used, as i18next falls back.
		expect(translate('pl', forms, { count: 2 })).toBe('2 lezers');
	});

	test('throws when plural forms get no numeric count', () => {
		expect(() => translate('nl-NL', forms, { yes: 1 })).toThrow(/count/);
	});
});

describe('pluralForms()', () => {
	test('returns the forms of a key from the language files', () => {
		expect(pluralForms('nl', 'feedback.summary')).toEqual({
			one: '{{yes}} van {{count}} lezer vond dit nuttig',
			other: '{{yes}} van {{count}} lezers vonden dit nuttig',
		});
	});

	test.each(
		locales.flatMap((lang) =>
			[0, 1, 2, 5, 21].flatMap((count) => [
				[lang, 'feedback.summary', count],
				[lang, 'search.resultCount', count],
			]),
		) as [(typeof locales)[number], 'feedback.summary' | 'search.resultCount', number][],
	)('makes the island say what i18next says: %s %s %i', (lang, key, count) => {
		const values = { count, yes: 1, query: 'kpn' };
		expect(translate(localeTags[lang], pluralForms(lang, key), values)).toBe(
			useTranslations(lang)(key, values),
		);
	});
});
