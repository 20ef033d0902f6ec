import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import {
	adminBaseURL,
	adminToken,
	seedE2eVotes,
	signIn,
	startServer,
} from '../fixtures/insights-e2e.ts';
import { formulaComment, scriptComment } from '../fixtures/insights-votes.ts';
import { e2eAdminDataDir } from '../../playwright.config.ts';
import { SqliteFeedbackStore } from '../../src/lib/store/sqlite.ts';
import { join } from 'node:path';

test.use({ baseURL: adminBaseURL });
test.beforeAll(seedE2eVotes);

const port = Number(process.env['E2E_PORT'] ?? 4399);

test('the dashboard does not exist when FEEDBACK_ADMIN_TOKEN is not set', async ({ request }) => {
	// Its own server (next port up), started without the token.
	const server = await startServer(port + 1, { FEEDBACK_ADMIN_TOKEN: '' });
	try {
		for (const path of ['/admin/feedback/', '/admin/feedback', '/admin/feedback.csv']) {
			const response = await request.get(`${server.url}${path}`);
			expect(response.status(), path).toBe(404);
			expect(response.headers()['x-robots-tag']).toBe('noindex, nofollow');
			expect(response.headers()['cache-control']).toBe('no-store');
		}
	} finally {
		await server.stop();
	}
});

test('asks for the token and refuses a wrong one', async ({ page }) => {
	const first = await page.goto('/admin/feedback/?lang=en');
	expect(first!.headers()['x-robots-tag']).toBe('noindex, nofollow');
	expect(first!.headers()['cache-control']).toBe('no-store');
	await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
	await expect(page.getByRole('heading', { name: 'Sign in to feedback insights' })).toBeVisible();

	await page.getByLabel('Admin token').fill('not-the-token-at-all');
	const [response] = await Promise.all([
		page.waitForResponse((r) => r.request().method() === 'POST'),
		page.getByRole('button', { name: 'Sign in' }).click(),
	]);
	expect([response.status(), response.statusText()]).toEqual([401, 'Unauthorized']);
	await expect(page.getByRole('alert')).toHaveText('That token is not right.');
	expect(await page.context().cookies()).toEqual([]);
});

test('signs in with the right token and keeps an HttpOnly, SameSite=Strict session cookie', async ({
	page,
}) => {
	await signIn(page, 'en');
	const [cookie] = await page.context().cookies();
	expect(cookie).toMatchObject({
		name: 'hc_admin_session',
		path: '/admin/',
		httpOnly: true,
		sameSite: 'Strict',
		secure: false, // http://localhost only; anywhere else the cookie is Secure
	});
	expect(cookie!.value).not.toContain(adminToken);

	await page.getByRole('button', { name: 'Sign out' }).click();
	await expect(page.getByRole('heading', { name: 'Sign in to feedback insights' })).toBeVisible();
	expect(await page.context().cookies()).toEqual([]);
});

test('frames the dashboard as an admin page: no public search box or support footer', async ({
	page,
}) => {
	await signIn(page, 'en');
	const header = page.getByRole('banner');
	await expect(header).toContainText('SpinOffice Help Center');
	await expect(header).toContainText('Dashboard');
	await expect(header.getByRole('link', { name: 'Back to the help center' })).toHaveAttribute(
		'href',
		'/en/',
	);
	await expect(page.getByRole('searchbox')).toHaveCount(0);
	await expect(page.getByRole('contentinfo')).toHaveCount(0);
	await page.keyboard.press('Tab');
	await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
});

test("lists one row per article and language first, with the report's attention score", async ({
	page,
}) => {
	await signIn(page, 'en');
	const overview = page.getByRole('table').first();
	const first = overview.getByRole('row').nth(1);
	await expect(first.getByRole('rowheader')).toContainText('iCloud Mail');
	await expect(first.getByRole('cell').nth(0)).toHaveText('English');
	await expect(first.getByRole('cell').nth(1)).toHaveText('8');
	await expect(first.getByRole('cell').nth(2)).toContainText('38% helpful (3 of 8)');
	// feedback:report prints 1.53 for icloud-mail/en from the same votes (report-aggregation.test.ts).
	await expect(first.getByRole('cell').nth(3)).toHaveText('1.53');
	// The details are on demand: no charts until an article is opened.
	await expect(page.getByRole('img', { name: /^Votes per week/ })).toHaveCount(0);
	// Every No part is filled with the hatching and wide enough to see.
	const noBars = overview.locator('rect.hc-chart-no');
	expect(await noBars.count()).toBeGreaterThan(2);
	for (const bar of await noBars.all()) {
		expect(await bar.evaluate((r) => getComputedStyle(r).fill)).toContain('#hc-hatch-no');
		expect((await bar.boundingBox())!.width).toBeGreaterThanOrEqual(4);
	}
});

test('charts the fixture votes per article, language, week, reason and version', async ({
	page,
}) => {
	await signIn(page, 'en');
	await page
		.getByRole('table')
		.first()
		.getByRole('link', { name: 'iCloud Mail: an app-specific password for SpinOffice CRM' })
		.first()
		.click();
	await expect(page).toHaveURL(/[?&]article=icloud-mail.*#article-icloud-mail$/);
	const icloud = page.getByRole('region', {
		name: 'iCloud Mail: an app-specific password for SpinOffice CRM',
	});
	// Dutch and English side by side.
	await expect(icloud.getByText('38% helpful (3 of 8)')).toBeVisible();
	await expect(icloud.getByText('75% helpful (3 of 4)').first()).toBeVisible();
	// Votes per week: an SVG chart described by its totals.
	const chart = icloud.getByRole('img', {
		name: /^Votes per week from .*: 6 helpful, 6 not helpful\.$/,
	});
	await expect(chart).toBeVisible();
	expect(await chart.locator('rect.hc-chart-yes').count()).toBeGreaterThan(2);
	expect(await chart.locator('rect.hc-chart-no').count()).toBeGreaterThan(2);
	// Reasons and "where did you get stuck", with the heading text of the section.
	const reasons = icloud.getByRole('list').filter({ hasText: "A step didn't work" });
	await expect(reasons.getByRole('listitem').first()).toHaveText(/A step didn't work\s*4/);
	await expect(icloud.getByText('Generate an app-specific password (English)')).toBeVisible();
	// The rewrite's effect: the old version got 0 of 4, the new one 3 of 4.
	const versions = icloud.getByRole('table').filter({ hasText: 'Version of' });
	await expect(versions.getByRole('row', { name: /1 October 2026/ })).toContainText(
		'0% helpful (0 of 4)',
	);
	await expect(versions.getByRole('row', { name: /28 November 2026 English/ })).toContainText(
		'75% helpful (3 of 4)',
	);
	// Each language's attention score, as the report has it.
	await expect(icloud.getByText('Attention 1.53')).toBeVisible();
	await expect(icloud.getByText('Attention 0.05')).toBeVisible();
	await page.getByRole('link', { name: '← All articles' }).first().click();
	await expect(page).not.toHaveURL(/article=/);
});

test('shows a comment with HTML and a script in it as plain text', async ({ page }) => {
	await signIn(page, 'en', '&article=icloud-mail');
	await expect(page.getByText(scriptComment, { exact: true })).toBeVisible();
	expect(await page.evaluate(() => 'insightsPwned' in window || '__insightsPwned' in window)).toBe(
		false,
	);
	await expect(page.locator('b', { hasText: 'not bold' })).toHaveCount(0);
});

test('downloads the votes shown as CSV, formulas defused', async ({ page, request }) => {
	await signIn(page, 'en', '&article=icloud-mail');
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: 'Download CSV' }).click(),
	]);
	expect(download.suggestedFilename()).toMatch(/^feedback-\d{4}-\d{2}-\d{2}\.csv$/);
	const csv = await readFile((await download.path())!, 'utf8');
	const lines = csv
		.replace(/^\uFEFF/, '')
		.trimEnd()
		.split('\r\n');
	expect(lines[0]).toBe('date,article,lang,title,vote,reasons,stuck_at,comment,article_version');
	expect(lines).toHaveLength(1 + 12);
	expect(lines.every((l, i) => i === 0 || l.includes(',icloud-mail,'))).toBe(true);
	expect(csv).toContain(`"'${formulaComment.replace(/"/g, '""')}"`);
	expect(csv).toContain(`,${scriptComment},`);

	const anonymous = await request.get('/admin/feedback.csv', {
		headers: { cookie: '' },
		maxRedirects: 0,
	});
	expect(anonymous.status()).toBe(401);
});

test('speaks Dutch with ?lang=nl and English for an English browser', async ({ page, browser }) => {
	await signIn(page, 'nl');
	await expect(
		page.getByRole('heading', { name: 'Artikelen, de meest dringende bovenaan' }),
	).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('lang', 'nl-NL');

	const english = await browser.newContext({ locale: 'en-GB' });
	const other = await english.newPage();
	await other.goto('/admin/feedback/');
	await expect(other.getByRole('heading', { name: 'Sign in to feedback insights' })).toBeVisible();
	await english.close();
});

test('reports a bad filter value by field instead of failing', async ({ page }) => {
	await signIn(page, 'en');
	const response = await page.goto('/admin/feedback/?lang=en&since=2026-13-45');
	expect(response!.status()).toBe(400);
	await expect(
		page.getByText('"2026-13-45" is not a date. Use the form YYYY-MM-DD.'),
	).toBeVisible();
});

test.describe('the Searches section', () => {
	// Its figures are checked exactly: the search log starts empty.
	test.beforeAll(async () => {
		const store = new SqliteFeedbackStore(join(e2eAdminDataDir, 'feedback.db'));
		try {
			await store.migrate();
			await store.purgeSearches(new Date(Date.now() + 86_400_000));
		} finally {
			await store.close();
		}
	});

	test('shows a zero-result search typed in the browser, masked, first; charts and exports it', async ({
		page,
		request,
	}) => {
		// A reader searches the Dutch results page and presses Enter: the search is reported then.
		await page.goto('/nl/zoeken/');
		const box = page.locator('hc-search[data-variant="page"]').getByRole('searchbox');
		await box.fill('xylofoonles jan.jansen@voorbeeld.nl');
		const [logged] = await Promise.all([
			page.waitForRequest((r) => r.url().endsWith('/api/search-log') && r.method() === 'POST'),
			box.press('Enter'),
		]);
		expect(logged.postDataJSON()).toMatchObject({ type: 'search', lang: 'nl', results: 0 });
		expect((await logged.response())!.status()).toBe(204);

		// More of the log, as the search box would send it.
		const log = async (body: Record<string, unknown>) => {
			const response = await request.post('/api/search-log', {
				headers: { Origin: adminBaseURL },
				data: body,
			});
			expect(response.status(), JSON.stringify(body)).toBe(204);
		};
		const search = async (lang: string, query: string, results: number) => {
			const id = crypto.randomUUID();
			await log({ type: 'search', id, lang, query, results, adjustment: 'none' });
			return id;
		};
		await search('nl', 'Xylofoonles   JAN.JANSEN@voorbeeld.nl', 0);
		await log({ type: 'click', id: await search('en', 'outlook password', 5), rank: 2 });
		await search('en', 'calendar sharing', 3);

		await signIn(page, 'en');
		const section = page.getByRole('region', { name: 'Searches' });
		await expect(section).toContainText(
			'4 searches · 50% without results · click-through rate 50% · average rank opened 2',
		);
		// Queries without results come first: the content team's to-do list.
		const headings = section.getByRole('heading', { level: 3 });
		await expect(headings.first()).toHaveText(
			"Searches without results: the content team's to-do list",
		);
		const noResults = section.getByRole('table', { name: /^Searches without results/ });
		await expect(noResults.getByRole('row').nth(1)).toContainText('xylofoonles [e-mail]');
		await expect(noResults.getByRole('row').nth(1).getByRole('cell').nth(1)).toHaveText('2');
		await expect(section).not.toContainText('jansen');
		await expect(section.getByRole('table', { name: 'Results, but nothing opened' })).toContainText(
			'calendar sharing',
		);
		// The chart, described by its totals, with the numbers as a table.
		await expect(
			section.getByRole('img', {
				name: /^Searches per week from .*: 4 searches, 2 without results\.$/,
			}),
		).toBeVisible();

		const [download] = await Promise.all([
			page.waitForEvent('download'),
			section.getByRole('link', { name: 'Download searches (CSV)' }).click(),
		]);
		expect(download.suggestedFilename()).toMatch(/^searches-\d{4}-\d{2}-\d{2}\.csv$/);
		const lines = (await readFile((await download.path())!, 'utf8'))
			.replace(/^\uFEFF/, '')
			.trimEnd()
			.split('\r\n');
		expect(lines[0]).toBe(
			'query,lang,status,searches,results,clicks,average_rank,adjusted,last_searched',
		);
		// (The browser's search tried a looser match too: `adjusted` may be 1.)
		expect(lines[1]).toMatch(/^xylofoonles \[e-mail\],nl,no_results,2,0,0,,[01],\d{4}-/);
		expect(lines).toHaveLength(1 + 3);

		// The language filter narrows the section; the view of one article leaves it out.
		await page.goto('/admin/feedback/?lang=en&searchLang=en');
		await expect(page.getByRole('region', { name: 'Searches' })).toContainText(
			'2 searches · 0% without results',
		);
		await page.goto('/admin/feedback/?lang=en&article=icloud-mail');
		await expect(page.getByRole('region', { name: 'Searches' })).toHaveCount(0);
		await expect(page.getByText('Searches belong to no article')).toBeVisible();
	});
});

// axe over the login form and the dashboard, both languages and themes: a11y.spec.ts.
