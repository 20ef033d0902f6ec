import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import SearchesSection from '../../src/components/admin/SearchesSection.astro';
import { useTranslations } from '../../src/i18n/translations.ts';
import { createSession, sessionCookieName } from '../../src/lib/admin/auth.ts';
import { createAdminHandler } from '../../src/lib/admin/handler.ts';
import { searchesCsv, searchesCsvHeader } from '../../src/lib/admin/searches-csv.ts';
import { loadSearchSection, searchSection } from '../../src/lib/admin/searches.ts';
import type { AdminView } from '../../src/lib/admin/views.ts';
import { summariseSearches } from '../../src/lib/search-log/summary.ts';
import { SqliteFeedbackStore } from '../../src/lib/store/sqlite.ts';
import type { SearchLogEntry, StoredSearch } from '../../src/lib/store/store.ts';

const now = new Date('2026-11-28T12:00:00Z');
const day = 86_400_000;
const ago = (days: number) => new Date(now.getTime() - days * day);

let seq = 0;
function row(fields: Partial<StoredSearch> = {}): StoredSearch {
	return {
		id: `row-${++seq}`,
		kind: 'search',
		lang: 'nl',
		query: 'gmail',
		results: 3,
		detail: 'none',
		clickedRank: null,
		createdAt: ago(1),
		...fields,
	};
}

/** 3 × "outlook" (clicked at ranks 1 and 2), 2 × "[e-mail] wachtwoord" without results, 1 × "agenda" not clicked, 1 finder domain. */
const rows: StoredSearch[] = [
	row({ query: 'outlook', clickedRank: 1, createdAt: ago(2) }),
	row({ query: 'outlook', clickedRank: 2, createdAt: ago(9) }),
	row({ query: 'outlook', createdAt: ago(3) }),
	row({ query: '[e-mail] wachtwoord', results: 0, createdAt: ago(1) }),
	row({ query: '[e-mail] wachtwoord', results: 0, createdAt: ago(8) }),
	row({ query: 'agenda', lang: 'en', results: 4, createdAt: ago(4) }),
	row({ kind: 'finder', query: 'firma.nl', results: null, detail: 'unknown', createdAt: ago(2) }),
];

describe('searchSection()', () => {
	const section = searchSection(summariseSearches(rows, { from: ago(14), to: now }));

	test('returns the totals as the summary has them, in whole percent and one decimal', () => {
		expect(section).toMatchObject({
			searches: 6,
			withoutResults: 2,
			percentWithoutResults: 33,
			// 2 clicked of the 4 searches with results.
			clickThroughPercent: 50,
			averageRank: 1.5,
		});
	});

	test('returns the queries without results first, then results without a click, then all', () => {
		expect(section.noResults.rows.map((q) => [q.query, q.searches])).toEqual([
			['[e-mail] wachtwoord', 2],
		]);
		expect(section.noClick.rows.map((q) => [q.query, q.lang])).toEqual([['agenda', 'en']]);
		expect(section.top.rows.map((q) => q.query)).toEqual([
			'outlook',
			'[e-mail] wachtwoord',
			'agenda',
		]);
		expect(section.finderDomains.rows).toMatchObject([
			{ domain: 'firma.nl', lookups: 1, reason: 'unknown' },
		]);
	});

	test('returns the share without results per week, null in a week without searches', () => {
		expect(section.weeks).toEqual([
			{ week: '2026-11-09', searches: 0, withoutResults: 0, percentWithoutResults: null },
			{ week: '2026-11-16', searches: 2, withoutResults: 1, percentWithoutResults: 50 },
			{ week: '2026-11-23', searches: 4, withoutResults: 1, percentWithoutResults: 25 },
		]);
	});

	test('keeps the first rows of each table and counts the rest', () => {
		const many = Array.from({ length: 25 }, (_, i) => row({ query: `q${i}`, results: 0 }));
		const short = searchSection(summariseSearches(many), 20);
		expect([short.noResults.rows.length, short.noResults.more]).toEqual([20, 5]);
		expect([short.top.rows.length, short.top.more]).toEqual([20, 5]);
		expect(short.noClick).toEqual({ rows: [], more: 0 });
	});

	test('returns nulls rather than 0% when nothing was searched', () => {
		expect(searchSection(summariseSearches([]))).toMatchObject({
			searches: 0,
			percentWithoutResults: null,
			clickThroughPercent: null,
			averageRank: null,
			weeks: [],
		});
	});
});

describe('searchesCsv()', () => {
	test('returns one row per query and language, without results first, with a BOM', () => {
		const csv = searchesCsv(summariseSearches(rows));
		expect(csv.startsWith('\uFEFF')).toBe(true);
		const lines = csv.slice(1).trimEnd().split('\r\n');
		expect(lines[0]).toBe(searchesCsvHeader.join(','));
		expect(lines.slice(1)).toEqual([
			`[e-mail] wachtwoord,nl,no_results,2,0,0,,0,${ago(1).toISOString()}`,
			`agenda,en,no_click,1,4,0,,0,${ago(4).toISOString()}`,
			`outlook,nl,clicked,3,3,2,1.5,0,${ago(2).toISOString()}`,
			// The same rows as feedback:report --searches --format csv: the finder's domains last.
			`firma.nl,nl,finder_unknown,1,,,,,${ago(2).toISOString()}`,
		]);
	});

	test('defuses a query a spreadsheet would run as a formula and quotes commas', () => {
		const csv = searchesCsv(
			summariseSearches([
				row({ query: '=HYPERLINK("x")', results: 0 }),
				row({ query: 'imap, smtp', results: 0 }),
			]),
		);
		expect(csv).toContain(`"'=HYPERLINK(""x"")",nl,no_results`);
		expect(csv).toContain('"imap, smtp",nl,no_results');
	});
});

describe('the Searches section in the dashboard and its CSV route', () => {
	const token = 'a-long-enough-admin-token';
	const origin = 'https://help.example.com';
	let store: SqliteFeedbackStore;
	const entry = (fields: Partial<SearchLogEntry>): SearchLogEntry => ({
		id: crypto.randomUUID(),
		kind: 'search',
		lang: 'nl',
		query: 'gmail',
		results: 3,
		detail: 'none',
		at: ago(1),
		...fields,
	});
	beforeEach(async () => {
		store = new SqliteFeedbackStore(':memory:');
		await store.migrate();
		for (const e of [
			entry({ query: '[e-mail] inloggen', results: 0, at: ago(1) }),
			entry({ query: 'outlook', lang: 'en', at: ago(2) }),
			entry({ query: 'oud', results: 0, at: ago(40) }),
		]) {
			await store.writeSearchLog({ kind: 'entry', entry: e }, []);
		}
	});
	afterEach(() => store.close());

	const handler = () =>
		createAdminHandler({
			env: () => ({ FEEDBACK_ADMIN_TOKEN: token }),
			store: async () => store,
			content: { articles: () => [], findings: () => [] },
			now: () => now,
			log: () => {},
		});
	const signedIn = (path: string) =>
		new Request(`${origin}${path}`, {
			headers: { cookie: `${sessionCookieName}=${createSession(token, now)}` },
		});
	const dashboard = async (query: string) => {
		const view = (await handler().page(signedIn(`/admin/feedback/?${query}`))) as AdminView;
		if (view.page.kind !== 'dashboard') throw new Error(view.page.kind);
		return view;
	};

	test('follows the since and searchLang filters', async () => {
		expect((await dashboard('lang=en')).page).toMatchObject({ searches: { searches: 3 } });
		const since = await dashboard(`lang=en&since=${ago(7).toISOString().slice(0, 10)}`);
		expect(since.page).toMatchObject({ searches: { searches: 2, withoutResults: 1 } });
		const english = await dashboard('lang=en&searchLang=en');
		expect(english.page).toMatchObject({
			filters: { searchLang: 'en' },
			searches: { searches: 1, withoutResults: 0 },
		});
	});

	test('leaves the searches out of the view of one article', async () => {
		expect((await dashboard('lang=en&article=gmail')).page).toMatchObject({ searches: null });
	});

	test('returns 400 naming a searchLang that is not a site language', async () => {
		const view = await dashboard('lang=en&searchLang=de');
		expect(view.status).toBe(400);
		expect(view.page).toMatchObject({ errors: [{ field: 'searchLang', value: 'de' }] });
		const response = await handler().searchesCsv(
			signedIn('/admin/feedback/searches.csv?searchLang=de'),
		);
		expect(response.status).toBe(400);
		expect(await response.text()).toBe('searchLang: "de" is not a site language (nl, en).\n');
	});

	test('returns the searches CSV for a session only, filtered, named by the day', async () => {
		const anonymous = await handler().searchesCsv(
			new Request(`${origin}/admin/feedback/searches.csv`),
		);
		expect(anonymous.status).toBe(401);
		const response = await handler().searchesCsv(
			signedIn(`/admin/feedback/searches.csv?lang=en&since=${ago(7).toISOString().slice(0, 10)}`),
		);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
		expect(response.headers.get('content-disposition')).toBe(
			'attachment; filename="searches-2026-11-28.csv"',
		);
		expect(response.headers.get('cache-control')).toBe('no-store');
		const lines = (await response.text()).trimEnd().split('\r\n');
		expect(lines).toHaveLength(3);
		expect(lines[1]).toMatch(/^\[e-mail\] inloggen,nl,no_results,1,0,/);
		expect(lines[2]).toMatch(/^outlook,en,no_click,1,3,/);
	});

	test('renders the queries without results before the others, in Dutch', async () => {
		const section = await loadSearchSection(store, {}, ago(84), now);
		const container = await AstroContainer.create();
		const html = await container.renderToString(SearchesSection, {
			props: { searches: section, filters: {} },
			locals: { lang: 'nl', t: useTranslations('nl') },
		});
		const text = html.replace(/<[^>]+>/g, '');
		expect(text).toContain('3 zoekopdrachten · 67% zonder resultaten · 0% doorgeklikt');
		const noResults = text.indexOf('Zoekopdrachten zonder resultaten');
		expect(noResults).toBeGreaterThan(0);
		expect(text.indexOf('[e-mail] inloggen')).toBeGreaterThan(noResults);
		expect(text.indexOf('[e-mail] inloggen')).toBeLessThan(text.indexOf('Meest gezocht'));
		expect(html).toContain('href="/admin/feedback/searches.csv?lang=nl"');
		expect(html).toMatch(/role="img"/);
	});

	test('renders an empty state when nothing was logged', async () => {
		const container = await AstroContainer.create();
		const html = await container.renderToString(SearchesSection, {
			props: { searches: searchSection(summariseSearches([])), filters: {} },
			locals: { lang: 'en', t: useTranslations('en') },
		});
		expect(html).toContain('No searches were logged for these filters.');
		expect(html).not.toContain('<table');
	});
});
