import { test } from '@playwright/test';

/**
 * Full-page screenshots of every page type, both languages, desktop and phone width, in
 * test-results/screenshots/ — for people to look at, not for pixel comparison.
 */
const pages = [
	['root', '/'],
	['home', '/{lang}/'],
	['category', '/{lang}/providers/'],
	['article', '/{lang}/icloud-mail/'],
	['settings', '/{lang}/enter-app-password/'],
	['404', '/{lang}/does-not-exist/'],
] as const;
const viewports = { desktop: { width: 1280, height: 900 }, phone: { width: 320, height: 640 } };

for (const lang of ['nl', 'en']) {
	for (const [name, path] of pages) {
		for (const [device, viewport] of Object.entries(viewports)) {
			test(`screenshot ${name} ${lang} ${device}`, async ({ page }) => {
				await page.setViewportSize(viewport);
				await page.goto(path.replace('{lang}', lang));
				await page.screenshot({
					path: `test-results/screenshots/${name}-${lang}-${device}.png`,
					fullPage: true,
				});
			});
		}
	}
}

test('screenshot article nl dark', async ({ page }) => {
	await page.emulateMedia({ colorScheme: 'dark' });
	await page.goto('/nl/icloud-mail/');
	await page.screenshot({ path: 'test-results/screenshots/article-nl-dark.png', fullPage: true });
});

test('screenshot home en dark', async ({ page }) => {
	await page.emulateMedia({ colorScheme: 'dark' });
	await page.goto('/en/');
	await page.screenshot({ path: 'test-results/screenshots/home-en-dark.png', fullPage: true });
});

test('screenshot article print', async ({ page }) => {
	await page.emulateMedia({ media: 'print' });
	await page.goto('/en/icloud-mail/');
	await page.screenshot({ path: 'test-results/screenshots/article-en-print.png', fullPage: true });
});

for (const [lang, no] of [
	['nl', 'Nee'],
	['en', 'No'],
] as const) {
	test(`screenshot feedback form ${lang}`, async ({ page }) => {
		await page.goto(`/${lang}/revoke-app-passwords/`);
		await page.getByRole('button', { name: no, exact: true }).click();
		await page.locator('#feedback button[type="submit"]').last().click();
		await page
			.locator('#feedback')
			.screenshot({ path: `test-results/screenshots/feedback-no-${lang}.png` });
	});
}
