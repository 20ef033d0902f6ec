import { expect, test, type Page } from '@playwright/test';

/**
 * The e-mail address finder in the home page's hero, against the production server whose MX
 * lookups go to the fixture DNS server (tests/e2e/dns-setup.ts, tests/fixtures/dns-server.ts).
 */
const text = {
	nl: { label: 'Welk e-mailadres wil je koppelen?', submit: 'Zoek handleiding' },
	en: { label: 'Which email address do you want to connect?', submit: 'Find guide' },
} as const;

async function find(page: Page, lang: 'nl' | 'en', address: string) {
	await page.getByRole('textbox', { name: text[lang].label }).fill(address);
	await page.getByRole('button', { name: text[lang].submit }).click();
}

/** The finder's API requests the page makes, by URL. */
function apiRequests(page: Page): string[] {
	const urls: string[] = [];
	page.on('request', (r) => {
		if (r.url().includes('/api/mail-provider')) urls.push(r.url());
	});
	return urls;
}

test('a known address gets a button to its guide, and nothing is sent', async ({ page }) => {
	await page.goto('/nl/');
	const sent = apiRequests(page);
	await find(page, 'nl', 'jan@icloud.com');
	const button = page.getByRole('link', { name: 'Open de handleiding voor iCloud Mail →' });
	await expect(button).toBeVisible();
	await expect(page.locator('.hc-finder__result')).toContainText('Je mail loopt via iCloud Mail.');
	await button.click();
	await expect(page).toHaveURL('/nl/icloud-mail/');
	expect(sent).toEqual([]);
});

test('an own domain on Microsoft 365 is looked up by its domain alone', async ({ page }) => {
	await page.goto('/en/');
	const sent = apiRequests(page);
	await find(page, 'en', 'Jan.de.Vries@M365.example.test');
	const button = page.getByRole('link', { name: 'Open the guide for Microsoft 365 →' });
	await expect(button).toBeVisible();
	expect(sent).toHaveLength(1);
	const url = new URL(sent[0]!);
	expect([...url.searchParams]).toEqual([
		['domain', 'm365.example.test'],
		['lang', 'en'],
	]);
	expect(sent[0]).not.toMatch(/jan|vries|%40|@/i);
	await button.click();
	await expect(page).toHaveURL('/en/microsoft-365/');
});

test('an unknown own domain leads to the own-domain guide', async ({ page }) => {
	await page.goto('/nl/');
	await find(page, 'nl', 'info@hosted.example.test');
	await expect(page.locator('.hc-finder__result')).toContainText(
		'We kunnen niet zien bij welke provider de mail van hosted.example.test loopt.',
	);
	const button = page.getByRole('link', {
		name: 'Open de handleiding voor mail op je eigen domein →',
	});
	await button.click();
	await expect(page).toHaveURL('/nl/own-domain-mail/');
});

test('a domain that does not exist asks to check the spelling', async ({ page }) => {
	await page.goto('/en/');
	await find(page, 'en', 'info@bestaat-niet.example.test');
	await expect(page.locator('.hc-finder__result')).toContainText(
		"We can't find the domain bestaat-niet.example.test. Is it spelled right?",
	);
	await expect(page.locator('.hc-finder__go')).toHaveAttribute('href', '/en/own-domain-mail/');
});

test('on a static host without the server, the own-domain guide is offered', async ({ page }) => {
	await page.route('**/api/mail-provider?**', (route) =>
		route.fulfill({ status: 404, contentType: 'text/html', body: '<h1>Not found</h1>' }),
	);
	await page.goto('/en/');
	await find(page, 'en', 'info@m365.example.test');
	await expect(page.locator('.hc-finder__result')).toContainText(
		'We could not check where mail for m365.example.test goes.',
	);
	await expect(
		page.getByRole('link', { name: 'Open the guide for mail on your own domain →' }),
	).toHaveAttribute('href', '/en/own-domain-mail/');
});

test('something that is not an address gets a message, and no request', async ({ page }) => {
	await page.goto('/en/');
	const sent = apiRequests(page);
	await find(page, 'en', 'not an address');
	await expect(page.locator('.hc-finder__result')).toContainText('Enter an email address');
	await expect(page.getByRole('textbox', { name: text.en.label })).toHaveAttribute(
		'aria-invalid',
		'true',
	);
	await find(page, 'en', 'jan@192.168.1.1');
	await expect(page.locator('.hc-finder__result')).toContainText('not an IP address');
	expect(sent).toEqual([]);
});

test('on a 390 × 844 phone the finder and its answer show without scrolling', async ({ page }) => {
	await page.setViewportSize({ width: 390, height: 844 });
	await page.goto('/nl/');
	const input = page.getByRole('textbox', { name: text.nl.label });
	const button = page.getByRole('button', { name: text.nl.submit });
	for (const target of [input, button]) await expect(target).toBeInViewport({ ratio: 1 });
	await find(page, 'nl', 'piet@ziggo.nl');
	await expect(
		page.getByRole('link', { name: 'Open de handleiding voor Ziggo Mail →' }),
	).toBeInViewport({ ratio: 1 });
	expect(await page.evaluate(() => window.scrollY)).toBe(0);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	for (const [lang, address, guide] of [
		['nl', 'jan@me.com', '/nl/icloud-mail/'],
		['en', 'info@m365.example.test', '/en/microsoft-365/'],
		['nl', 'info@hosted.example.test', '/nl/own-domain-mail/'],
		['en', 'info@slow.example.test', '/en/own-domain-mail/'],
	] as const) {
		test(`the form takes ${address} to ${guide} (303)`, async ({ page }) => {
			await page.goto(`/${lang}/`);
			const redirect = page.waitForResponse((r) => r.status() === 303);
			await find(page, lang, address);
			expect((await redirect).headers()['location']).toBe(guide);
			await expect(page).toHaveURL(guide);
		});
	}

	test('bad input shows the form again with a message (400)', async ({ page }) => {
		await page.goto('/en/');
		const answer = page.waitForResponse((r) => r.url().includes('/en/find-guide/'));
		await find(page, 'en', 'piet');
		expect((await answer).status()).toBe(400);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'Find the guide for your email address',
		);
		await expect(page.locator('.hc-finder__result')).toContainText('Enter an email address');
		// A typing mistake needs correcting, not the own-domain guide.
		await expect(page.locator('.hc-finder__go')).toHaveCount(0);
		const input = page.getByRole('textbox', { name: text.en.label });
		await expect(input).toHaveValue('piet');
		await input.fill('piet@gmail.com');
		await page.getByRole('button', { name: text.en.submit }).click();
		await expect(page).toHaveURL('/en/gmail/');
	});
});
