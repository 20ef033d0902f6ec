import { expect, test } from '@playwright/test';

test.describe('browsing', () => {
	for (const [lang, category, article, updated] of [
		['nl', 'Per e-mailprovider', /iCloud Mail/, 'Gewijzigd op'],
		['en', 'By mail provider', /iCloud Mail/, 'Modified on'],
	] as const) {
		test(`home → category → article in ${lang}`, async ({ page }) => {
			await page.goto(`/${lang}/`);
			await expect(page.locator('html')).toHaveAttribute('lang', lang === 'nl' ? 'nl-NL' : 'en-GB');
			await page.getByRole('link', { name: category, exact: true }).click();
			await expect(page).toHaveURL(`/${lang}/providers/`);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(category);
			await page.getByRole('main').getByRole('link', { name: article }).click();
			await expect(page).toHaveURL(`/${lang}/icloud-mail/`);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(article);
			const crumbs = page.getByRole('navigation', {
				name: lang === 'nl' ? 'Kruimelpad' : 'Breadcrumbs',
			});
			await expect(crumbs.getByRole('link', { name: category })).toHaveAttribute(
				'href',
				`/${lang}/providers/`,
			);
			// The article's own date; a guide's summary box has its 'checked on' date too.
			await expect(page.locator('main header time')).toContainText(updated);
			const toc = page.getByRole('navigation', {
				name: lang === 'nl' ? 'Op deze pagina' : 'On this page',
			});
			await expect(toc.getByRole('link')).not.toHaveCount(0);
			await expect(page.locator('a[rel="next"]')).toHaveAttribute('href', `/${lang}/gmail/`);
		});
	}

	for (const [lang, all, name] of [
		['nl', 'Alle 11 artikelen', 'Per e-mailprovider'],
		['en', 'All 11 articles', 'By mail provider'],
	] as const) {
		test(`the home's topic cards show a category's first five articles and link to all in ${lang}`, async ({
			page,
		}) => {
			await page.setViewportSize({ width: 1280, height: 800 });
			await page.goto(`/${lang}/`);
			const cards = page.locator('.hc-category-card');
			await expect(cards).toHaveCount(4);
			// Equal weight: side by side, every card is as tall as the tallest, whatever its count.
			const heights = await cards.evaluateAll((list) =>
				list.map((c) => Math.round(c.getBoundingClientRect().height)),
			);
			expect(new Set(heights).size, heights.join(', ')).toBe(1);
			const card = page.getByRole('region', { name, exact: true });
			await expect(card.getByRole('listitem')).toHaveCount(5);
			const link = card.getByRole('link', { name: `${all} (${name})` });
			await expect(link).toHaveAttribute('href', `/${lang}/providers/`);
			await expect(link).toContainText(all);
			await expect(link.locator('[aria-hidden="true"]')).toHaveText('→');
			await link.click();
			await expect(page).toHaveURL(`/${lang}/providers/`);
			await expect(page.getByRole('main').locator('.hc-article-list li')).toHaveCount(11);
			// One page: no pagination.
			await expect(page.locator('.hc-pagination')).toHaveCount(0);
		});
	}

	test('the provider overview names each provider, its mark hidden from assistive technology', async ({
		page,
	}) => {
		await page.goto('/nl/');
		const overview = page.getByRole('region', { name: 'Handleidingen per e-mailprovider' });
		const gmail = overview.getByRole('link', { name: 'Gmail', exact: true });
		await expect(gmail).toHaveAttribute('href', '/nl/gmail/');
		await expect(gmail.locator('.hc-mark')).toHaveText('G');
		await expect(gmail.locator('.hc-mark')).toHaveAttribute('aria-hidden', 'true');
		// Brands that share an initial are told apart by their tone.
		const tone = (link: string) =>
			overview
				.getByRole('link', { name: link, exact: true })
				.locator('.hc-mark')
				.evaluate((m) => getComputedStyle(m).backgroundColor);
		expect(
			new Set([await tone('Gmail'), await tone('GMX'), await tone('Google Workspace')]).size,
		).toBe(3);
	});

	test('the language switch on an article lands on its translation', async ({ page }) => {
		await page.goto('/nl/revoke-app-passwords/');
		await page
			.getByRole('navigation', { name: 'Taal' })
			.getByRole('link', { name: 'English' })
			.click();
		await expect(page).toHaveURL('/en/revoke-app-passwords/');
		await expect(page.locator('html')).toHaveAttribute('lang', 'en-GB');
		await page
			.getByRole('navigation', { name: 'Language' })
			.getByRole('link', { name: 'Nederlands' })
			.click();
		await expect(page).toHaveURL('/nl/revoke-app-passwords/');
	});

	test('the language switch on a category goes to the same category', async ({ page }) => {
		await page.goto('/en/troubleshooting/');
		await page.getByRole('link', { name: 'Nederlands' }).click();
		await expect(page).toHaveURL('/nl/troubleshooting/');
	});
});

test.describe('e-mail address finder', () => {
	for (const [lang, email, guide, name] of [
		['nl', 'jan@me.com', '/nl/icloud-mail/', 'iCloud Mail'],
		['nl', 'x@GMAIL.com', '/nl/gmail/', 'Gmail'],
		['en', 'jan@me.com', '/en/icloud-mail/', 'iCloud Mail'],
		['en', 'x@GMAIL.com', '/en/gmail/', 'Gmail'],
		['en', 'piet@live.nl', '/en/outlook-com/', 'Outlook.com'],
		['nl', 'info@ziggo.nl', '/nl/ziggo-mail/', 'Ziggo Mail'],
	] as const) {
		test(`finds ${guide} for ${email}`, async ({ page }) => {
			await page.goto(`/${lang}/`);
			const label =
				lang === 'nl'
					? 'Welk e-mailadres wil je koppelen?'
					: 'Which email address do you want to connect?';
			const input = page.getByRole('textbox', { name: label });
			await input.fill(email);
			await input.press('Enter');
			// A recognised address gets a button-styled link to its guide.
			const open = lang === 'nl' ? 'Open de handleiding voor' : 'Open the guide for';
			const link = page.getByRole('link', { name: `${open} ${name} →` });
			await expect(link).toHaveAttribute('href', guide);
			await expect(link).toHaveClass(/hc-button/);
			await link.click();
			await expect(page).toHaveURL(guide);
		});
	}

	test('looks up an unknown domain and says so for something that is not an address', async ({
		page,
	}) => {
		await page.goto('/en/');
		const input = page.getByRole('textbox', {
			name: 'Which email address do you want to connect?',
		});
		// example.org is not in the e2e servers' fixture DNS zone: NXDOMAIN.
		await input.fill('someone@example.org');
		await page.getByRole('button', { name: 'Find guide' }).click();
		await expect(page.locator('.hc-finder__result')).toContainText(
			"We can't find the domain example.org",
		);
		await expect(page.locator('.hc-finder__go')).toHaveAttribute('href', '/en/own-domain-mail/');
		await input.fill('not-an-address');
		await page.getByRole('button', { name: 'Find guide' }).click();
		await expect(page.locator('.hc-finder__result')).toContainText('Enter an email address');
		await expect(input).toHaveAttribute('aria-invalid', 'true');
	});

	test('sends nothing over the network for a known domain', async ({ page }) => {
		await page.goto('/nl/');
		await page.waitForLoadState('networkidle'); // the favicon may still be on its way
		const requests: string[] = [];
		// The browser may fetch the favicon late on a busy machine; that is not the finder's doing.
		page.on('request', (r) => {
			if (!r.url().endsWith('/favicon.svg')) requests.push(r.url());
		});
		await page
			.getByRole('textbox', { name: 'Welk e-mailadres wil je koppelen?' })
			.fill('jan@me.com');
		await page.getByRole('button', { name: 'Zoek handleiding' }).click();
		await expect(page.locator('.hc-finder__result a')).toBeVisible();
		expect(requests).toEqual([]);
	});
});

test.describe('server behaviour', () => {
	test('/ redirects by Accept-Language, Dutch by default', async ({ request }) => {
		const en = await request.get('/', {
			headers: { 'Accept-Language': 'en-US,en;q=0.9' },
			maxRedirects: 0,
		});
		expect(en.status()).toBe(302);
		expect(en.headers()['location']).toBe('/en/');
		expect(en.headers()['vary']).toContain('Accept-Language');
		const none = await request.get('/', { headers: { 'Accept-Language': '' }, maxRedirects: 0 });
		expect(none.headers()['location']).toBe('/nl/');
	});

	for (const [path, title] of [
		['/nl/bestaat-niet/', 'Deze pagina bestaat niet (meer)'],
		['/en/does-not-exist/', "This page doesn't exist (any more)"],
	] as const) {
		test(`${path} is a localized 404`, async ({ page }) => {
			const response = await page.goto(path);
			expect(response?.status()).toBe(404);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
			await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
		});
	}
});

test.describe('metadata', () => {
	test('an article has canonical, hreflang alternates and Open Graph tags', async ({ page }) => {
		await page.goto('/en/gmail/');
		const href = (sel: string) => page.locator(sel).getAttribute('href');
		expect(await href('link[rel="canonical"]')).toMatch(/\/en\/gmail\/$/);
		expect(await href('link[hreflang="nl"]')).toMatch(/\/nl\/gmail\/$/);
		expect(await href('link[hreflang="en"]')).toMatch(/\/en\/gmail\/$/);
		expect(await href('link[hreflang="x-default"]')).toMatch(/\/$/);
		await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', /Gmail/);
		await expect(page.locator('meta[property="og:locale"]')).toHaveAttribute('content', 'en_GB');
		await expect(page.locator('meta[property="og:type"]')).toHaveAttribute('content', 'article');
	});

	test('sitemap lists every article in both languages with alternates; robots.txt points to it', async ({
		request,
	}) => {
		const robots = await (await request.get('/robots.txt')).text();
		expect(robots).toContain('Sitemap: ');
		const index = await (await request.get('/sitemap-index.xml')).text();
		const sitemapUrl = /<loc>([^<]+)<\/loc>/.exec(index)?.[1] ?? '';
		const sitemap = await (await request.get(new URL(sitemapUrl).pathname)).text();
		for (const path of ['/nl/icloud-mail/', '/en/icloud-mail/', '/nl/providers/', '/en/']) {
			expect(sitemap).toContain(path);
		}
		expect(sitemap).toContain('hreflang="en-GB"');
		expect(sitemap).not.toContain('/404/');
	});
});

test.describe('theme', () => {
	test('follows the system and remembers a choice', async ({ page }) => {
		await page.emulateMedia({ colorScheme: 'dark' });
		await page.goto('/en/');
		const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
		const darkBg = await bg();
		await page.getByLabel('Theme').selectOption('light');
		await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
		expect(await bg()).not.toBe(darkBg);
		await page.goto('/en/gmail/');
		await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
		await expect(page.getByLabel('Theme')).toHaveValue('light');
		await page.getByLabel('Theme').selectOption('auto');
		await page.reload();
		await expect(page.locator('html')).not.toHaveAttribute('data-theme');
		expect(await bg()).toBe(darkBg);
	});
});

test.describe('article components', () => {
	test('the settings table copies a host name', async ({ page, context }) => {
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
		await page.goto('/en/icloud-mail/');
		const table = page.getByRole('table', { name: 'Server settings for iCloud Mail' });
		await expect(table.getByRole('cell', { name: /imap\.mail\.me\.com/ })).toBeVisible();
		await table.getByRole('button', { name: 'Copy imap.mail.me.com' }).click();
		await expect(table.getByRole('button', { name: 'Copy imap.mail.me.com' })).toContainText(
			'Copied',
		);
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('imap.mail.me.com');
	});

	test('a menu path reads as a sequence for screen readers', async ({ page }) => {
		await page.goto('/en/icloud-mail/');
		const path = page.locator('.hc-uipath').first();
		await expect(path).toContainText('Menu path:');
		await expect(path.locator('.hc-uipath__item')).not.toHaveCount(0);
	});

	test('printing an article leaves out the site chrome', async ({ page }) => {
		await page.emulateMedia({ media: 'print' });
		await page.goto('/nl/icloud-mail/');
		await expect(page.locator('header[data-site-header]')).toBeHidden();
		await expect(page.locator('footer[data-site-footer]')).toBeHidden();
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	});
});

test.describe('keyboard', () => {
	for (const path of ['/nl/', '/en/icloud-mail/', '/en/providers/']) {
		test(`Tab reaches every link and control on ${path}`, async ({ page }) => {
			await page.goto(path);
			const targets = await page.evaluate(() =>
				[...document.querySelectorAll<HTMLElement>('a[href], button, input, select')]
					// tabindex=-1 takes an element out of the Tab order on purpose (the feedback honeypot).
					.filter(
						(el) =>
							el.tabIndex >= 0 &&
							el.checkVisibility({ visibilityProperty: true }) &&
							el.getClientRects().length > 0,
					)
					.map((el) => el.outerHTML),
			);
			const reached = new Set<string>();
			for (let i = 0; i < targets.length + 5; i++) {
				await page.keyboard.press('Tab');
				const html = await page.evaluate(() => document.activeElement?.outerHTML ?? '');
				reached.add(html);
			}
			const missed = targets.filter((t) => !reached.has(t));
			expect(missed).toEqual([]);
		});
	}

	test('the skip link moves focus to the main content', async ({ page }) => {
		await page.goto('/en/gmail/');
		await page.keyboard.press('Tab');
		await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
		await page.keyboard.press('Enter');
		await expect(page.locator('main')).toBeFocused();
	});
});
