import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './a11y-helpers.ts';

// A 390 × 844 phone (issue 14): the reader's path from the header to the steps.
test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

const header = (page: Page) => page.locator('header[data-site-header]');
const opener = (page: Page) => header(page).locator('.hc-header__open-search');

/** The top of every visible element in the header's row, and the header's height. */
async function headerRow(page: Page): Promise<{ height: number; tops: number[] }> {
	return header(page).evaluate((el) => ({
		height: el.getBoundingClientRect().height,
		tops: [...el.querySelectorAll<HTMLElement>('hc-site-header > *')]
			.filter((child) => child.checkVisibility())
			.map((child) => {
				const r = child.getBoundingClientRect();
				return Math.round(r.top + r.height / 2);
			}),
	}));
}

for (const path of [
	'/nl/',
	'/en/providers/',
	'/nl/icloud-mail/',
	'/en/search/?q=gmail',
	'/nl/404/',
]) {
	test(`the header is one row of at most 64 px on ${path}`, async ({ page }) => {
		await page.goto(path);
		await expect(opener(page)).toBeVisible();
		const { height, tops } = await headerRow(page);
		expect(height).toBeLessThanOrEqual(64);
		// Logo, search button and menu button, centred on one line.
		expect(tops.length).toBe(3);
		expect(Math.max(...tops) - Math.min(...tops)).toBeLessThanOrEqual(2);
	});
}

test('the search button opens the header search full screen, as a modal, and Esc closes it', async ({
	page,
}) => {
	await page.goto('/nl/icloud-mail/');
	await opener(page).focus();
	await page.keyboard.press('Enter');
	const dialog = page.getByRole('dialog', { name: 'Zoek in het helpcentrum' });
	await expect(dialog).toBeVisible();
	await expect(opener(page)).toHaveAttribute('aria-expanded', 'true');
	const box = dialog.getByRole('searchbox');
	await expect(box).toBeFocused();
	// Full screen: it covers the viewport.
	expect(await dialog.boundingBox()).toMatchObject({ x: 0, y: 0, width: 390, height: 844 });
	// The rest of the page is out of reach while it is open.
	await expect(page.locator('main')).toHaveJSProperty('inert', true);

	await page.keyboard.type('intrekken');
	const first = dialog.locator('.hc-hit a').first();
	await expect(first).toBeVisible();
	await expectNoAxeViolations(page, 'phone, search open');

	await page.keyboard.press('Escape');
	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();
	await expect(opener(page)).toBeFocused();
	await expect(opener(page)).toHaveAttribute('aria-expanded', 'false');
	await expect(page.locator('main')).toHaveJSProperty('inert', false);
});

test('widening past the phone layout closes the full-screen search and frees the page', async ({
	page,
}) => {
	await page.goto('/en/gmail/');
	await opener(page).click();
	await expect(page.getByRole('dialog')).toBeVisible();
	await page.setViewportSize({ width: 1024, height: 768 });
	await expect(page.getByRole('dialog')).toHaveCount(0);
	await expect(page.locator('main')).toHaveJSProperty('inert', false);
});

test('the close button leaves the search, and a result opens its article', async ({ page }) => {
	await page.goto('/en/');
	await opener(page).click();
	await page.getByRole('button', { name: 'Close search' }).click();
	await expect(page.getByRole('dialog')).toHaveCount(0);
	await opener(page).click();
	await page.getByRole('dialog').getByRole('searchbox').fill('gmail');
	await page.getByRole('dialog').locator('.hc-hit a').first().click();
	await expect(page).toHaveURL(/\/en\/gmail\//);
});

test('the menu holds language and theme', async ({ page }) => {
	await page.goto('/nl/gmail/');
	const menu = header(page).getByRole('button', { name: 'Taal en weergave' });
	await expect(page.getByRole('navigation', { name: /taal/i })).toBeHidden();
	await menu.click();
	await expect(menu).toHaveAttribute('aria-expanded', 'true');
	await expect(header(page).getByRole('combobox')).toBeVisible();
	await expectNoAxeViolations(page, 'phone, menu open');
	await header(page).getByRole('link', { name: 'English' }).click();
	await expect(page).toHaveURL('/en/gmail/');
	// Esc closes it and gives the focus back to the button.
	const enMenu = header(page).getByRole('button', { name: 'Language and theme' });
	await enMenu.click();
	await expect(enMenu).toHaveAttribute('aria-expanded', 'true');
	await page.keyboard.press('Tab');
	await page.keyboard.press('Escape');
	await expect(enMenu).toHaveAttribute('aria-expanded', 'false');
	await expect(enMenu).toBeFocused();
});

test('"Op deze pagina" under the title opens and jumps to a section', async ({ page }) => {
	await page.goto('/nl/icloud-mail/');
	const toc = page.locator('details.hc-toc--fold');
	// Under the title, on the first screen.
	const title = await page.getByRole('heading', { level: 1 }).boundingBox();
	const fold = await toc.boundingBox();
	expect(fold!.y).toBeGreaterThan(title!.y);
	expect(fold!.y + fold!.height).toBeLessThan(844);
	await toc.getByText('Op deze pagina').click();
	await expectNoAxeViolations(page, 'phone article, contents open');
	const link = toc.getByRole('link', { name: 'Een app-specifiek wachtwoord aanmaken' });
	await link.click();
	await expect(page).toHaveURL(/#een-app-specifiek-wachtwoord-aanmaken$/);
	await expect(page.locator('#een-app-specifiek-wachtwoord-aanmaken')).toBeInViewport();
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the header is still one row: logo, a link to the results page, the languages', async ({
		page,
	}) => {
		await page.goto('/nl/gmail/');
		const { height, tops } = await headerRow(page);
		expect(height).toBeLessThanOrEqual(64);
		expect(Math.max(...tops) - Math.min(...tops)).toBeLessThanOrEqual(2);
		await expect(header(page).getByRole('link', { name: 'English' })).toBeVisible();
		await header(page).getByRole('link', { name: 'Zoeken', exact: true }).click();
		await expect(page).toHaveURL('/nl/zoeken/');
	});
});
