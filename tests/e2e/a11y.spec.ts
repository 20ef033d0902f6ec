import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

const pages = [
	'/{lang}/',
	'/{lang}/providers/',
	'/{lang}/icloud-mail/',
	'/{lang}/enter-app-password/',
	'/{lang}/x/',
];

for (const lang of ['nl', 'en']) {
	for (const template of pages) {
		const path = template.replace('{lang}', lang);
		for (const colorScheme of ['light', 'dark'] as const) {
			test(`axe finds nothing on ${path} (${colorScheme})`, async ({ page }) => {
				await page.emulateMedia({ colorScheme });
				await page.goto(path);
				const results = await new AxeBuilder({ page }).analyze();
				expect(
					results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' | ')}`),
				).toEqual([]);
			});
		}
	}
}

test('axe finds nothing on the root language chooser', async ({ page }) => {
	await page.route('**/*', (route) =>
		route.continue({ headers: { ...route.request().headers() } }),
	);
	await page.goto('/index.html');
	const results = await new AxeBuilder({ page }).analyze();
	expect(results.violations.map((v) => v.id)).toEqual([]);
});
