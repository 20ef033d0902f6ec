import { expect as baseExpect, test, type Page } from '@playwright/test';

/** Searching waits for Pagefind's first download; a busy CI machine needs more than 5 s. */
const expect = baseExpect.configure({ timeout: 15_000 });

const pageSearch = (page: Page) => page.locator('hc-search[data-variant="page"]');
const hits = (page: Page) => pageSearch(page).locator('.hc-hit');
const hitPaths = async (page: Page) =>
	(await hits(page)
		.locator('.hc-hit__link')
		.evaluateAll((links) =>
			links.map((a) => new URL((a as HTMLAnchorElement).href).pathname),
		)) as string[];

test.describe('results page filters', () => {
	test('narrow a query to one provider, and a shared URL restores them', async ({ page }) => {
		await page.goto('/nl/zoeken/?q=app-wachtwoord');
		await expect(hits(page).first()).toBeVisible();
		const unfiltered = await hitPaths(page);
		expect(unfiltered).toContain('/nl/icloud-mail/');

		await page.getByRole('combobox', { name: 'E-mailprovider' }).selectOption({ label: 'Gmail' });
		await expect(page).toHaveURL(/[?&]provider=gmail(&|$)/);
		await expect.poll(() => hitPaths(page)).not.toContain('/nl/icloud-mail/');
		const filtered = await hitPaths(page);
		expect(filtered).toContain('/nl/gmail/');
		// Every article about Gmail, and only those (frontmatter `providers`).
		expect(filtered.toSorted()).toEqual(
			[
				'/nl/connection-problems/',
				'/nl/enter-app-password/',
				'/nl/error-messages/',
				'/nl/gmail/',
				'/nl/revoke-app-passwords/',
			].sort(),
		);

		await page.reload();
		await expect(page.getByRole('combobox', { name: 'E-mailprovider' })).toHaveValue('gmail');
		await expect.poll(() => hitPaths(page)).toEqual(filtered);

		// The filter was a committed step: back shows the unfiltered results again.
		await page.goBack();
		await expect(page).not.toHaveURL(/provider=/);
		await expect(page.getByRole('combobox', { name: 'E-mailprovider' })).toHaveValue('');
		await expect.poll(() => hitPaths(page)).toEqual(unfiltered);
	});

	test('a topic without words lists its articles and hides the topic cards', async ({ page }) => {
		await page.goto('/en/search/');
		await expect(page.getByRole('heading', { name: 'Articles by topic' })).toBeVisible();
		await page.getByRole('combobox', { name: 'Topic' }).selectOption({ label: 'Troubleshooting' });
		await expect(page).toHaveURL(/\/en\/search\/\?category=troubleshooting$/);
		await expect
			.poll(async () => (await hitPaths(page)).toSorted())
			.toEqual(['/en/connection-problems/', '/en/error-messages/']);
		await expect(pageSearch(page).getByRole('status')).toHaveText(
			'2 results for ‘Troubleshooting’',
		);
		await expect(page.getByRole('heading', { name: 'Articles by topic' })).toBeHidden();
		// The language switch keeps the filter: ids are the same in both languages.
		await expect(page.locator('a[data-lang-link]').first()).toHaveAttribute(
			'href',
			'/nl/zoeken/?category=troubleshooting',
		);
	});

	test('filters that match nothing offer to search without them', async ({ page }) => {
		// Microsoft 365's guide is in the business category: no provider guide is about it.
		await page.goto('/nl/zoeken/?q=wachtwoord&category=providers&provider=microsoft-365');
		await expect(page.getByRole('combobox', { name: 'Onderwerp' })).toHaveValue('providers');
		await expect(pageSearch(page).getByRole('status')).toHaveText(
			'Geen resultaten voor ‘wachtwoord’',
		);
		await pageSearch(page).getByRole('button', { name: 'Zoek zonder filters' }).click();
		await expect(page).toHaveURL(/\/nl\/zoeken\/\?q=wachtwoord$/);
		await expect(page.getByRole('combobox', { name: 'Onderwerp' })).toHaveValue('');
		await expect(page.getByRole('combobox', { name: 'E-mailprovider' })).toHaveValue('');
		await expect(hits(page).first()).toBeVisible();
		await expect(page.getByRole('searchbox', { name: /zoek/i }).last()).toBeFocused();
	});

	test('an unknown filter id in a link is ignored', async ({ page }) => {
		await page.goto('/en/search/?q=gmail&provider=nope');
		await expect(page.getByRole('combobox', { name: 'Mail provider' })).toHaveValue('');
		await expect.poll(() => hitPaths(page)).toContain('/en/gmail/');
	});
});

/**
 * A stand-in for Pagefind's bundle with 25 matching pages: the real help center has 8 articles
 * per language, fewer than one page of results, so "more results" can only be seen this way.
 */
const stubPagefind = `
const pages = Array.from({ length: 25 }, (_, i) => ({
	id: 'p' + i,
	score: 1 - i / 100,
	data: async () => ({
		url: '/en/what-is-an-app-password/?stub=' + i,
		content: 'Stub result ' + (i + 1) + ' about passwords',
		excerpt: '',
		meta: { title: 'Stub result ' + (i + 1), category: 'Basics' },
		filters: {},
		anchors: [{ element: 'h1', id: '', text: 'Stub result ' + (i + 1), location: 0 }],
		weighted_locations: [{ weight: 1, balanced_score: 1, location: 4 }],
		locations: [4],
	}),
}));
export async function options() {}
export async function init() {}
export async function search() {
	return { results: pages, unfilteredResultCount: pages.length };
}
`;

test('"more results" loads the next ten and keeps the keyboard where they start', async ({
	page,
}) => {
	await page.route('**/pagefind/pagefind.js', (route) =>
		route.fulfill({ contentType: 'text/javascript', body: stubPagefind }),
	);
	await page.goto('/en/search/?q=passwords');
	await expect(pageSearch(page).getByRole('status')).toHaveText('25 results for ‘passwords’');
	await expect(hits(page)).toHaveCount(10);
	const more = pageSearch(page).getByRole('button', { name: 'More results' });
	await more.click();
	await expect(hits(page)).toHaveCount(20);
	await expect(hits(page).nth(10).locator('.hc-hit__link')).toBeFocused();
	await expect(hits(page).nth(10)).toContainText('Stub result 11');
	await more.click();
	await expect(hits(page)).toHaveCount(25);
	await expect(more).toBeHidden();
});

test.describe('results page downloads', () => {
	test('fetch nothing of search without a search in the URL', async ({ page }) => {
		const requests: string[] = [];
		page.on('request', (r) => requests.push(new URL(r.url()).pathname));
		await page.goto('/nl/zoeken/');
		await page.waitForLoadState('networkidle');
		expect(requests.filter((p) => p.startsWith('/pagefind/'))).toEqual([]);
	});

	test('fetch Pagefind’s code at once with one, and the wasm only once', async ({ page }) => {
		const wasm: string[] = [];
		page.on('request', (r) => {
			const path = new URL(r.url()).pathname;
			if (path.startsWith('/pagefind/wasm.')) wasm.push(path);
		});
		await page.goto('/en/search/?q=gmail');
		await expect(
			page.locator('link[rel="modulepreload"][href="/pagefind/pagefind.js"]'),
		).toHaveCount(1);
		await expect(hits(page).first()).toBeVisible();
		// One download of the English wasm (by Pagefind's worker), no other language's.
		expect(wasm).toEqual(['/pagefind/wasm.en-gb.pagefind']);
	});
});
