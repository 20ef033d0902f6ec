import { describe, expect, test } from 'vitest';
import { locales } from '../../src/i18n/locales.ts';
import { uiStrings, useTranslations } from '../../src/i18n/translations.ts';

const variables = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('uiStrings()', () => {
	const [first, ...rest] = locales;
	test.each(rest)('has the same keys in %s as in nl', (lang) => {
		expect(Object.keys(uiStrings(lang)).sort()).toEqual(Object.keys(uiStrings(first)).sort());
	});

	test.each(rest)('uses the same {{variables}} per key in %s as in nl', (lang) => {
		const base = uiStrings(first) as Record<string, string>;
		const other = uiStrings(lang) as Record<string, string>;
		for (const key of Object.keys(base)) {
			expect(variables(other[key] ?? ''), key).toEqual(variables(base[key] ?? ''));
		}
	});

	test.each(locales)('has no empty string in %s', (lang) => {
		const empty = Object.entries(uiStrings(lang)).filter(([, v]) => v.trim() === '');
		expect(empty).toEqual([]);
	});
});

describe('useTranslations()', () => {
	test('returns the string of the requested language', () => {
		expect(useTranslations('nl')('home.title')).toBe('Hoe kunnen we je helpen?');
		expect(useTranslations('en')('home.title')).toBe('How can we help you?');
	});

	test('chooses the plural form by count', () => {
		const t = useTranslations('nl');
		expect(t('home.articleCount', { count: 1 })).toBe('1 artikel');
		expect(t('home.articleCount', { count: 3 })).toBe('3 artikelen');
	});

	test('interpolates without HTML escaping (Astro escapes on output)', () => {
		expect(useTranslations('en')('settings.copyLabel', { value: 'a&b' })).toBe('Copy a&b');
	});

	test('returns one function per language whose remembered strings stay per language and per call', () => {
		const nl = useTranslations('nl');
		expect(useTranslations('nl')).toBe(nl);
		for (let i = 0; i < 3; i++) {
			expect(nl('home.title')).toBe('Hoe kunnen we je helpen?');
			expect(useTranslations('en')('home.title')).toBe('How can we help you?');
			expect(nl('home.articleCount', { count: i })).toBe(i === 1 ? '1 artikel' : `${i} artikelen`);
		}
	});
});
