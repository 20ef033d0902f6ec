import { test } from '@playwright/test';
import { adminBaseURL, seedE2eVotes, signIn } from '../fixtures/insights-e2e.ts';

/**
 * The dashboard in both languages, desktop and 320 px phone, light and dark, plus print, in
 * test-results/screenshots/ — for people to look at, not for pixel comparison.
 */
test.use({ baseURL: adminBaseURL });
test.beforeAll(seedE2eVotes);

/** SCREENSHOT_DIR moves them elsewhere: parallel Playwright runs empty test-results/ on start. */
const dir = process.env['SCREENSHOT_DIR'] ?? 'test-results/screenshots';

const viewports = { desktop: { width: 1280, height: 900 }, phone: { width: 320, height: 640 } };

for (const lang of ['nl', 'en'] as const) {
	for (const [device, viewport] of Object.entries(viewports)) {
		for (const colorScheme of ['light', 'dark'] as const) {
			test(`screenshot admin ${lang} ${device} ${colorScheme}`, async ({ page }) => {
				await page.setViewportSize(viewport);
				await page.emulateMedia({ colorScheme });
				await signIn(page, lang);
				await page.screenshot({
					path: `${dir}/admin-${lang}-${device}-${colorScheme}.png`,
					fullPage: true,
				});
			});
		}
	}
}

test('screenshot admin login en', async ({ page }) => {
	await page.goto('/admin/feedback/?lang=en');
	await page.screenshot({ path: `${dir}/admin-login-en.png`, fullPage: true });
});

test('screenshot admin print', async ({ page }) => {
	await signIn(page, 'en', '&article=icloud-mail');
	await page.emulateMedia({ media: 'print' });
	await page.screenshot({ path: `${dir}/admin-en-print.png`, fullPage: true });
});
