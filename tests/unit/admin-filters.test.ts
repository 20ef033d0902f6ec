import { describe, expect, test } from 'vitest';
import { adminLang, dashboardUrl, parseFilters } from '../../src/lib/admin/filters.ts';

describe('parseFilters()', () => {
	test('returns the since day and the article', () => {
		expect(parseFilters(new URLSearchParams('since=2026-11-01&article=icloud-mail'))).toEqual({
			filters: { since: new Date('2026-11-01T00:00:00Z'), article: 'icloud-mail' },
			errors: [],
		});
	});

	test.each(['2026-13-01', '2026-02-30', '01-11-2026', '2026-11', 'yesterday'])(
		'returns an error naming since for %j',
		(since) => {
			expect(parseFilters(new URLSearchParams({ since })).errors).toEqual([
				{ field: 'since', value: since },
			]);
		},
	);

	test('returns the language of the searches, and an error naming searchLang for another', () => {
		expect(parseFilters(new URLSearchParams('searchLang=en'))).toEqual({
			filters: { searchLang: 'en' },
			errors: [],
		});
		expect(parseFilters(new URLSearchParams('searchLang=fr')).errors).toEqual([
			{ field: 'searchLang', value: 'fr' },
		]);
	});

	test('returns an error naming article for a value that is not an id', () => {
		expect(parseFilters(new URLSearchParams({ article: '<script>' })).errors).toEqual([
			{ field: 'article', value: '<script>' },
		]);
	});

	test('returns no filters for empty values', () => {
		expect(parseFilters(new URLSearchParams('since=&article='))).toEqual({
			filters: {},
			errors: [],
		});
	});
});

describe('adminLang()', () => {
	test('returns ?lang= when it is a site language, else the Accept-Language choice', () => {
		expect(adminLang(new URL('http://x/admin/feedback/?lang=en'), 'nl')).toBe('en');
		expect(adminLang(new URL('http://x/admin/feedback/?lang=de'), 'en-GB,en;q=0.9')).toBe('en');
		expect(adminLang(new URL('http://x/admin/feedback/'), null)).toBe('nl');
	});
});

describe('dashboardUrl()', () => {
	test('returns the path with the language and the filters', () => {
		expect(
			dashboardUrl('/admin/feedback.csv', 'nl', {
				since: new Date('2026-11-01T00:00:00Z'),
				article: 'gmail',
			}),
		).toBe('/admin/feedback.csv?lang=nl&since=2026-11-01&article=gmail');
		expect(dashboardUrl('/admin/feedback/searches.csv', 'en', { searchLang: 'nl' })).toBe(
			'/admin/feedback/searches.csv?lang=en&searchLang=nl',
		);
	});
});
