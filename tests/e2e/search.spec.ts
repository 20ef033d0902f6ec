import { expect as baseExpect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { searchFor, target } from './search-helpers.ts';

/** Searching waits for Pagefind's first download; a busy CI machine needs more than 5 s. */
const expect = baseExpect.configure({ timeout: 15_000 });

const header = (page: Page) => page.getByRole('search', { name: /helpcentrum|help center/i });
const headerBox = (page: Page) => header(page).getByRole('searchbox');
const pageBox = (page: Page) =>
	page.locator('hc-search[data-variant="page"]').getByRole('searchbox');
const status = (page: Page, variant = 'page') =>
	page.locator(`hc-search[data-variant="${variant}"]`).getByRole('status');
const results = (page: Page, variant = 'header') =>
	page.locator(`hc-search[data-variant="${variant}"]`).getByRole('list', {
		name: /zoekresultaten|search results/i,
	});

test.describe('header search', () => {
	test('shows rows of title and section while typing, without excerpts', async ({ page }) => {
		await page.goto('/nl/icloud-mail/');
		await headerBox(page).pressSequentially('icloud wachtwoord intrekken', { delay: 20 });
		const first = results(page).getByRole('listitem').first();
		await expect(first.getByRole('link').first()).toContainText('iCloud Mail');
		await expect(first.getByRole('link').first()).toContainText(
			'Een app-specifiek wachtwoord intrekken',
		);
		await expect(first.getByRole('link').first()).toHaveAttribute(
			'href',
			/#een-app-specifiek-wachtwoord-intrekken$/,
		);
		// Rows of title and section, at most six; excerpts are the results page's.
		await expect(first.locator('.hc-hit__excerpt, .hc-hit__category, mark')).toHaveCount(0);
		await expect(status(page, 'header')).toHaveText(
			/^\d+ resultaten voor ‘icloud wachtwoord intrekken’$/,
		);
		const total = parseInt((await status(page, 'header').textContent()) ?? '', 10);
		await expect(results(page).getByRole('listitem')).toHaveCount(Math.min(6, total));
	});

	test('downloads nothing of search before the first focus', async ({ page }) => {
		const requests: string[] = [];
		page.on('request', (r) => requests.push(new URL(r.url()).pathname));
		await page.goto('/en/');
		await page.mouse.wheel(0, 600);
		await page.waitForTimeout(500);
		expect(requests.filter((p) => p.startsWith('/pagefind/'))).toEqual([]);
		expect(requests.filter((p) => /controller/.test(p))).toEqual([]);
		await headerBox(page).focus();
		await expect
			.poll(() => requests.filter((p) => p.startsWith('/pagefind/')).length)
			.toBeGreaterThan(0);
	});

	test('works with the keyboard: / to focus, arrows to move, Enter to open, Esc to close', async ({
		page,
	}) => {
		await page.goto('/en/what-is-an-app-password/');
		await page.keyboard.press('/');
		await expect(headerBox(page)).toBeFocused();
		await page.keyboard.type('gmail');
		const links = results(page).getByRole('link');
		await expect(links.first()).toBeVisible();
		await page.keyboard.press('ArrowDown');
		await expect(links.first()).toBeFocused();
		await page.keyboard.press('ArrowDown');
		await expect(links.nth(1)).toBeFocused();
		await page.keyboard.press('ArrowUp');
		await page.keyboard.press('ArrowUp');
		await expect(headerBox(page)).toBeFocused();
		await page.keyboard.press('Escape');
		await expect(results(page)).toBeHidden();
		await expect(headerBox(page)).toHaveValue('gmail');
		await page.keyboard.press('ArrowDown'); // reopening is a matter of typing or focusing again
		await headerBox(page).blur();
		await headerBox(page).focus();
		await expect(links.first()).toBeVisible();
		await page.keyboard.press('ArrowDown');
		const href = await links.first().getAttribute('href');
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(new URL(href!, page.url()).href);
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Gmail');
	});

	test('Ctrl+K focuses the search from anywhere, even from another field', async ({ page }) => {
		await page.goto('/nl/');
		// The home page's hero holds the e-mail address finder; its one search box is the header's.
		await expect(page.locator('hc-search[data-variant="hero"]')).toHaveCount(0);
		await page.getByRole('textbox', { name: 'Welk e-mailadres wil je koppelen?' }).focus();
		await page.keyboard.press('Control+k');
		await expect(headerBox(page)).toBeFocused();
		await page.goto('/nl/zoeken/');
		await headerBox(page).focus();
		await page.keyboard.press('Control+k');
		// The results page's own box comes first there.
		await expect(
			page.locator('hc-search[data-variant="page"]').getByRole('searchbox'),
		).toBeFocused();
	});

	test('a Dutch query on an English page finds English articles only', async ({ page }) => {
		await page.goto('/en/search/');
		const hits = await searchFor(page, 'wachtwoord intrekken');
		for (const hit of hits) expect(target(hit.href).path).toMatch(/^\/en\//);
		const english = await searchFor(page, 'revoke');
		expect(english.length).toBeGreaterThan(0);
		for (const hit of english) expect(target(hit.href).path).toMatch(/^\/en\//);
	});

	test('Enter in the header box opens the results page for the query', async ({ page }) => {
		await page.goto('/nl/gmail/');
		await headerBox(page).fill('hotmail');
		await headerBox(page).press('Enter');
		await expect(page).toHaveURL(/\/nl\/zoeken\/\?q=hotmail$/);
		await expect(results(page, 'page').getByRole('link').first()).toContainText('Outlook.com');
	});
});

test.describe('results page', () => {
	test('restores a shared URL and keeps the query in the URL while typing', async ({ page }) => {
		await page.goto('/en/search/?q=yahoo');
		await expect(pageBox(page)).toHaveValue('yahoo');
		await expect(results(page, 'page').getByRole('link').first()).toContainText('Yahoo');
		await expect(page).toHaveTitle(/Search results for ‘yahoo’/);
		await pageBox(page).fill('outlook');
		await expect(page).toHaveURL(/\?q=outlook$/);
		await expect(page.getByRole('link', { name: 'Nederlands' })).toHaveAttribute(
			'href',
			'/nl/zoeken/?q=outlook',
		);
	});

	test('back and forward restore earlier searches', async ({ page }) => {
		await page.goto('/nl/zoeken/');
		await pageBox(page).fill('icloud');
		await pageBox(page).press('Enter');
		await expect(page).toHaveURL(/\?q=icloud$/);
		await pageBox(page).fill('gmail');
		await pageBox(page).press('Enter');
		await expect(page).toHaveURL(/\?q=gmail$/);
		await page.goBack();
		await expect(page).toHaveURL(/\?q=icloud$/);
		await expect(pageBox(page)).toHaveValue('icloud');
		await expect(results(page, 'page').getByRole('link').first()).toContainText('iCloud');
		await page.goForward();
		await expect(pageBox(page)).toHaveValue('gmail');
		await expect(results(page, 'page').getByRole('link').first()).toContainText('Gmail');
	});

	test('a form sent before its script ran is tidied in place, without a step for Back', async ({
		page,
	}) => {
		// What the browser sends when Enter beats the script (or there is none): empty filters too.
		await page.goto('/nl/');
		await page.goto('/nl/zoeken/?q=icloud&category=&provider=');
		await expect(page).toHaveURL(/\/nl\/zoeken\/\?q=icloud$/);
		await expect(results(page, 'page').getByRole('link').first()).toContainText('iCloud');
		await pageBox(page).fill('gmail');
		await pageBox(page).press('Enter');
		await expect(page).toHaveURL(/\?q=gmail$/);
		await page.goBack();
		await expect(page).toHaveURL(/\/nl\/zoeken\/\?q=icloud$/);
		await expect(pageBox(page)).toHaveValue('icloud');
		await page.goBack();
		await expect(page).toHaveURL(/\/nl\/$/);
	});

	test('comes back with the query after opening a result', async ({ page }) => {
		await page.goto('/en/search/?q=kpn');
		await results(page, 'page').getByRole('link').first().click();
		await expect(page).toHaveURL(/\/en\/kpn-mail\//);
		await page.goBack();
		await expect(pageBox(page)).toHaveValue('kpn');
		await expect(results(page, 'page').getByRole('link').first()).toBeVisible();
	});

	test('corrects a misspelled word, says so, and searches the words as typed on request', async ({
		page,
	}) => {
		await page.goto('/nl/zoeken/?q=gmial');
		await expect(results(page, 'page').getByRole('link').first()).toContainText('Gmail');
		await expect(page.locator('.hc-search__corrected')).toHaveText(
			'Resultaten voor ‘gmail’ Zoek in plaats daarvan op ‘gmial’',
		);
		await expect(status(page)).toContainText('resultaten voor ‘gmail’');
		await page.getByRole('link', { name: 'Zoek in plaats daarvan op ‘gmial’' }).click();
		await expect(page).toHaveURL(/\/nl\/zoeken\/\?q=gmial&exact=1$/);
		await expect(status(page)).toContainText('‘gmial’');
		await expect(page.locator('.hc-search__corrected')).toHaveCount(0);
		// Typing again corrects again, and the URL forgets the request.
		await pageBox(page).fill('yhaoo');
		await expect(page.locator('.hc-search__corrected')).toContainText('yahoo');
		await expect(page).toHaveURL(/\/nl\/zoeken\/\?q=yhaoo$/);
	});

	test('offers popular guides, the other language and support when nothing matches', async ({
		page,
	}) => {
		await page.goto('/nl/zoeken/?q=xylofoonles');
		await expect(status(page)).toHaveText('Geen resultaten voor ‘xylofoonles’');
		const popular = page.getByRole('list', { name: 'Veelgelezen handleidingen' });
		await expect(popular.getByRole('link')).toHaveCount(5);
		await expect(
			page.getByRole('link', { name: 'Zoek ‘xylofoonles’ in de Engelse artikelen' }),
		).toHaveAttribute('href', '/en/search/?q=xylofoonles');
		await expect(
			page.getByRole('link', { name: 'Neem contact op met support' }).first(),
		).toHaveAttribute('href', /^https?:\/\//);
	});

	test('lists every matching article, with no button for more', async ({ page }) => {
		await page.goto('/nl/zoeken/?q=blacklisted');
		await expect(results(page, 'page').locator('.hc-hit__link')).toHaveCount(2);
		await expect(page.getByRole('button', { name: 'Meer resultaten' })).toHaveCount(0);
	});
});

test('says so, and keeps the topic cards, when the index cannot be loaded', async ({ page }) => {
	await page.route('**/pagefind/**', (route) => route.abort());
	await page.goto('/en/search/?q=gmail');
	await expect(status(page)).toHaveText(/Search is not available right now/);
	await expect(page.getByRole('region', { name: 'Articles by topic' })).toBeVisible();
});

test('shows a query with markup as text and copes with a pasted essay', async ({ page }) => {
	const dialogs: string[] = [];
	page.on('dialog', (d) => void d.dismiss().then(() => dialogs.push(d.message())));
	await page.goto(`/en/search/?q=${encodeURIComponent('<img src=x onerror=alert(1)>')}`);
	await expect(status(page)).toContainText('for ‘<img src=x onerror=alert(1)>’');
	await expect(page.locator('main img')).toHaveCount(0);
	const essay = Array.from({ length: 400 }, (_, i) => `qx${i}zzy`).join(' ');
	await page.goto(`/en/search/?q=${encodeURIComponent(essay)}`);
	await expect(status(page)).toHaveText(/^No results for/);
	expect(dialogs).toEqual([]);
});

test('the destination page highlights the searched words', async ({ page }) => {
	const requests: string[] = [];
	page.on('request', (r) => requests.push(new URL(r.url()).pathname));
	await page.goto('/nl/zoeken/?q=icloud%20intrekken');
	await results(page, 'page').getByRole('link').first().click();
	await expect(page).toHaveURL(/pagefind-highlight=intrekken/);
	await expect(page.locator('article mark.hc-highlight').first()).toBeVisible();
	expect(requests).toContain('/pagefind/pagefind-highlight.js');
});

test('an article opened normally loads no highlighter', async ({ page }) => {
	const requests: string[] = [];
	page.on('request', (r) => requests.push(new URL(r.url()).pathname));
	await page.goto('/nl/icloud-mail/');
	await page.waitForLoadState('networkidle');
	expect(requests.filter((p) => p.startsWith('/pagefind/'))).toEqual([]);
	await expect(page.locator('mark.hc-highlight')).toHaveCount(0);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the search box is a GET form to the results page, which shows the topics with their first articles and a link to all', async ({
		page,
	}) => {
		await page.goto('/en/gmail/');
		await headerBox(page).fill('icloud');
		await headerBox(page).press('Enter');
		await expect(page).toHaveURL(/\/en\/search\/\?q=icloud$/);
		await expect(page.getByText('Search needs JavaScript.')).toBeVisible();
		const browse = page.getByRole('region', { name: 'Articles by topic' });
		await expect(browse.getByRole('heading', { level: 3 })).toHaveText([
			'Business mail and your own domain',
			'By mail provider',
			'App passwords: the basics',
			'Troubleshooting',
		]);
		// At most five articles a topic (the 11 provider guides: five), and a real link to the rest.
		const providers = browse.getByRole('region', { name: 'By mail provider' });
		await expect(providers.getByRole('listitem')).toHaveCount(5);
		const all = providers.getByRole('link', { name: 'All 11 articles (By mail provider)' });
		await expect(all).toHaveAttribute('href', '/en/providers/');
		await all.click();
		await expect(page).toHaveURL('/en/providers/');
		await expect(page.locator('.hc-article-list li')).toHaveCount(11);
	});
});

// axe over the results page and the header results: a11y.spec.ts.

test.describe('index', () => {
	test('has category and provider filters, counted per article, in the page language', async ({
		page,
	}) => {
		await page.goto('/en/search/');
		const filters = await page.evaluate(async () => {
			const path = '/pagefind/pagefind.js';
			const pagefind = await import(/* @vite-ignore */ path);
			await pagefind.options({ noWorker: true });
			return (await pagefind.filters()) as Record<string, Record<string, number>>;
		});
		expect(filters['category']).toEqual({
			'App passwords: the basics': 3,
			'Business mail and your own domain': 3,
			'By mail provider': 11,
			Troubleshooting: 2,
		});
		expect(filters['provider']).toMatchObject({ Gmail: 5, 'iCloud Mail': 5, 'KPN Mail': 2 });
	});

	test('gives every section heading of an article an id to link to', async ({ request }) => {
		const fixture = JSON.parse(
			readFileSync(new URL('../fixtures/search-queries.json', import.meta.url), 'utf8'),
		) as Record<'nl' | 'en', { slug: string }[]>;
		for (const lang of ['nl', 'en'] as const) {
			for (const slug of new Set(fixture[lang].map((q) => q.slug))) {
				const html = await (await request.get(`/${lang}/${slug}/`)).text();
				const article = /<article\b[^>]*data-pagefind-body[^>]*>([\s\S]*?)<\/article>/.exec(
					html,
				)?.[1];
				const headings = [...(article ?? '').matchAll(/<h[23]\b([^>]*)>/g)].map((m) => m[1]!);
				expect(headings.length, `${lang}/${slug}`).toBeGreaterThan(0);
				// An error reference entry's anchor is on its box, around the heading.
				expect(
					headings.filter(
						(attributes) =>
							!/\bid="[^"]+"/.test(attributes) && !attributes.includes('hc-error__title'),
					),
					`${lang}/${slug}`,
				).toEqual([]);
				const entries = [...(article ?? '').matchAll(/<div class="hc-error"([^>]*)>/g)];
				expect(
					entries.filter((m) => !/\bid="[^"]+"/.test(m[1]!)),
					`${lang}/${slug}`,
				).toEqual([]);
			}
		}
	});

	test('leaves the results pages out of the sitemap', async ({ request }) => {
		const sitemap = await (await request.get('/sitemap-0.xml')).text();
		expect(sitemap).toContain('/nl/icloud-mail/');
		expect(sitemap).not.toMatch(/\/(zoeken|search)\//);
	});
});
