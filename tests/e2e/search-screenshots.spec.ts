import { expect as baseExpect, test } from '@playwright/test';
import { searchPagePaths } from '../../src/components/search/paths.ts';

/** Searching waits for Pagefind's first download; a busy CI machine needs more than 5 s. */
const expect = baseExpect.configure({ timeout: 15_000 });

/**
 * Screenshots of search for people to look at (not compared): the header panel with results,
 * the results page and its empty state, in both languages, at desktop and 320 px phone width.
 */
const viewports = { desktop: { width: 1280, height: 900 }, phone: { width: 320, height: 640 } };
const queries = { nl: 'icloud intrekken', en: 'revoke icloud' };

for (const lang of ['nl', 'en'] as const) {
	for (const [device, viewport] of Object.entries(viewports)) {
		test(`screenshot search panel ${lang} ${device}`, async ({ page }) => {
			await page.setViewportSize(viewport);
			await page.goto(`/${lang}/gmail/`);
			const box = page.locator('hc-search[data-variant="header"]').getByRole('searchbox');
			await box.fill(queries[lang]);
			await expect(page.locator('hc-search[data-variant="header"] .hc-hit').first()).toBeVisible();
			await page.screenshot({
				path: `test-results/screenshots/search-panel-${lang}-${device}.png`,
			});
		});

		test(`screenshot search results ${lang} ${device}`, async ({ page }) => {
			await page.setViewportSize(viewport);
			await page.goto(`${searchPagePaths[lang]}?q=${encodeURIComponent(queries[lang])}`);
			await expect(page.locator('hc-search[data-variant="page"] .hc-hit').first()).toBeVisible();
			await page.screenshot({
				path: `test-results/screenshots/search-results-${lang}-${device}.png`,
				fullPage: true,
			});
		});

		test(`screenshot search empty ${lang} ${device}`, async ({ page }) => {
			await page.setViewportSize(viewport);
			await page.goto(`${searchPagePaths[lang]}?q=xylofoon`);
			await expect(page.locator('.hc-search-empty')).toBeVisible();
			await page.screenshot({
				path: `test-results/screenshots/search-empty-${lang}-${device}.png`,
				fullPage: true,
			});
		});
	}
}

test('screenshot search hero nl phone', async ({ page }) => {
	await page.setViewportSize(viewports.phone);
	await page.goto('/nl/');
	await page.locator('hc-search[data-variant="hero"]').getByRole('searchbox').fill('hotmail');
	await expect(page.locator('hc-search[data-variant="hero"] .hc-hit').first()).toBeVisible();
	await page.screenshot({ path: 'test-results/screenshots/search-hero-nl-phone.png' });
});

test('screenshot search results nl dark', async ({ page }) => {
	await page.emulateMedia({ colorScheme: 'dark' });
	await page.goto('/nl/zoeken/?q=wachtwoord');
	await expect(page.locator('hc-search[data-variant="page"] .hc-hit').first()).toBeVisible();
	await page.screenshot({ path: 'test-results/screenshots/search-results-nl-dark.png' });
});

test('screenshot highlighted article nl', async ({ page }) => {
	await page.goto(
		'/nl/icloud-mail/?pagefind-highlight=intrekken#een-app-specifiek-wachtwoord-intrekken',
	);
	await expect(page.locator('mark.hc-highlight').first()).toBeVisible();
	await page.screenshot({ path: 'test-results/screenshots/search-highlight-nl.png' });
});
