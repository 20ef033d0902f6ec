import { expect as baseExpect, test, type Locator, type Page } from '@playwright/test';

/** Search waits for Pagefind's first download, and the captcha for its proof of work. */
const expect = baseExpect.configure({ timeout: 15_000 });

/**
 * Presses Tab (or Shift+Tab) until `target` has focus, as a keyboard user would; fails after
 * `max` presses. Returns how many presses it took.
 */
async function tabTo(page: Page, target: Locator, max = 80, key = 'Tab'): Promise<number> {
	for (let presses = 1; presses <= max; presses++) {
		await page.keyboard.press(key);
		if (await target.evaluate((node) => node === document.activeElement)) return presses;
	}
	throw new Error(`${key} never reached ${target.toString()} in ${max} presses`);
}

/** The focused element, as `tag#id` with its accessible text, for readable failures. */
const focused = (page: Page) =>
	page.evaluate(() => {
		const node = document.activeElement;
		return node ? `${node.tagName.toLowerCase()}${node.id ? `#${node.id}` : ''}` : 'nothing';
	});

/** Whether the heading with `id` is in view and not under the sticky header. */
async function expectSectionShown(page: Page, id: string) {
	const heading = page.locator(`[id="${id}"]`);
	await expect(heading).toBeInViewport();
	await expect
		.poll(() =>
			page.evaluate((headingId) => {
				const header = document.querySelector('[data-site-header]')!.getBoundingClientRect();
				const top = document.getElementById(headingId)!.getBoundingClientRect().top;
				return top >= header.bottom - 1;
			}, id),
		)
		.toBe(true);
}

const text = {
	nl: {
		skip: 'Naar de inhoud',
		home: /helpcentrum/i,
		search: 'Zoek in het helpcentrum',
		query: 'icloud intrekken',
		question: 'Was dit artikel nuttig?',
		yes: 'Ja',
		no: 'Nee',
		sorry: 'Sorry dat we je niet konden helpen',
		reason: 'Een stap werkte niet',
		reasonsError: 'Kies minstens één reden.',
		comment: 'Wat kunnen we beter uitleggen? (optioneel)',
		more: 'Meer vertellen (optioneel)',
		send: 'Verstuur feedback',
		sent: 'Feedback verzonden',
	},
	en: {
		skip: 'Skip to content',
		home: /help center/i,
		search: 'Search the help center',
		query: 'icloud revoke',
		question: 'Was this article helpful?',
		yes: 'Yes',
		no: 'No',
		sorry: "Sorry we couldn't help you",
		reason: "A step didn't work",
		reasonsError: 'Choose at least one reason.',
		comment: 'What could we explain better? (optional)',
		more: 'Tell us more (optional)',
		send: 'Send feedback',
		sent: 'Feedback sent',
	},
} as const;

for (const lang of ['nl', 'en'] as const) {
	const s = text[lang];

	test(`${lang}: from the home page to an article section by keyboard only`, async ({ page }) => {
		await page.goto(`/${lang}/`);
		const headerBox = page.getByRole('search', { name: s.search }).getByRole('searchbox');

		await page.keyboard.press('Tab');
		await expect(page.getByRole('link', { name: s.skip })).toBeFocused();
		await page.keyboard.press('Tab');
		await expect(page.getByRole('link', { name: s.home }).first()).toBeFocused();
		await page.keyboard.press('Tab');
		await expect(headerBox).toBeFocused();

		// Away from the box (to its submit button), then "/" brings the reader back to it: the home
		// page's one search box (its hero holds the e-mail address finder).
		await page.keyboard.press('Tab');
		expect(await focused(page)).toBe('button');
		await page.keyboard.press('/');
		await expect(headerBox).toBeFocused();
		await expect(headerBox).toHaveValue('');

		await page.keyboard.type(s.query);
		const box = page.locator('hc-search[data-variant="header"]');
		// The reader waits for the results of the whole query (the count is announced).
		await expect(box.getByRole('status')).toContainText(s.query);
		await expect(box.getByRole('link').first()).toBeVisible();
		// Down the results to the first link that opens a section of an article.
		let href = '';
		for (let i = 0; i < 8 && !href.includes('#'); i++) {
			await page.keyboard.press('ArrowDown');
			const link = page.locator('hc-search[data-variant="header"] a:focus');
			await expect(link).toHaveCount(1);
			href = (await link.getAttribute('href')) ?? '';
		}
		expect(href).toContain('#');
		await page.keyboard.press('Enter');
		const target = new URL(href, page.url());
		await expect(page).toHaveURL(target.href);
		await expectSectionShown(page, decodeURIComponent(target.hash.slice(1)));
	});
}

test('Arrow Down straight after typing goes to the results of everything typed', async ({
	page,
}) => {
	await page.goto('/nl/');
	const box = page.locator('hc-search[data-variant="header"]');
	await page.keyboard.press('/');
	await page.keyboard.type('icloud');
	await expect(box.getByRole('status')).toContainText('icloud');
	// More words, and down before the search (which waits for a pause in typing) has run.
	await page.keyboard.type(' intrekken');
	await page.keyboard.press('ArrowDown');
	await expect(box.getByRole('status')).toContainText('icloud intrekken');
	const first = box.getByRole('link').first();
	await expect(first).toBeFocused();
	await expect(first).toHaveAttribute('href', /#een-app-specifiek-wachtwoord-intrekken$/);
	await expect(box.getByRole('list', { name: 'Zoekresultaten' })).toBeVisible();
});

test('en: skip link, table of contents and language switch by keyboard only', async ({ page }) => {
	await page.goto('/en/icloud-mail/');
	const main = page.locator('main#main-content');

	await page.keyboard.press('Tab');
	const skip = page.getByRole('link', { name: 'Skip to content' });
	await expect(skip).toBeFocused();
	await expect(skip).toBeInViewport();
	await page.keyboard.press('Enter');
	await expect(main).toBeFocused();
	// Tab continues in the content: the breadcrumbs, not the header.
	await page.keyboard.press('Tab');
	await expect(
		page
			.getByRole('navigation', { name: /breadcrumb/i })
			.getByRole('link')
			.first(),
	).toBeFocused();

	const toc = page.getByRole('navigation', { name: 'On this page' });
	const tocLink = toc.getByRole('link', { name: 'Revoke an app-specific password' });
	await tabTo(page, tocLink, 20);
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/#revoke-an-app-specific-password$/);
	await expectSectionShown(page, 'revoke-an-app-specific-password');
	// The next Tab starts from the section, not from the table of contents.
	await page.keyboard.press('Tab');
	expect(
		await page.evaluate(() => {
			const section = document.getElementById('revoke-an-app-specific-password')!;
			const active = document.activeElement!;
			return Boolean(section.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING);
		}),
		`focus after the section: ${await focused(page)}`,
	).toBe(true);

	// Back up to the language switch and change the language.
	const dutch = page.getByRole('navigation', { name: 'Language' }).getByRole('link', {
		name: 'Nederlands',
	});
	await tabTo(page, dutch, 60, 'Shift+Tab');
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/nl\/icloud-mail\/$/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'nl-NL');
	await page.keyboard.press('Tab');
	await expect(page.getByRole('link', { name: 'Naar de inhoud' })).toBeFocused();
	await tabTo(
		page,
		page.getByRole('navigation', { name: 'Taal' }).getByRole('link', { name: 'Nederlands' }),
		10,
	);
	await expect(page.locator(':focus')).toHaveAttribute('aria-current', 'true');
});

for (const lang of ['nl', 'en'] as const) {
	const s = text[lang];
	test(`${lang}: answering "No" in the feedback widget by keyboard only`, async ({ page }) => {
		test.setTimeout(120_000); // includes ALTCHA's real proof of work, slow on a busy machine
		await page.goto(`/${lang}/revoke-app-passwords/`);
		const widget = page.locator('#feedback');
		const question = widget.getByRole('group', { name: s.question });

		await tabTo(page, question.getByRole('button', { name: s.yes, exact: true }));
		await page.keyboard.press('Tab');
		await expect(question.getByRole('button', { name: s.no, exact: true })).toBeFocused();
		await page.keyboard.press('Enter');
		// Focus moves to the answer, whose name is what a screen reader announces.
		await expect(widget.getByRole('group', { name: s.sorry })).toBeFocused();

		// Sending without a reason: the error shows and focus goes to the first reason.
		const send = widget.getByRole('button', { name: s.send });
		await tabTo(page, send, 20);
		await page.keyboard.press('Enter');
		await expect(widget.getByText(s.reasonsError, { exact: true })).toBeVisible();
		await expect(widget.getByRole('checkbox').first()).toBeFocused();
		await expect(widget.getByRole('checkbox').first()).toHaveAttribute('aria-invalid', 'true');

		const reason = widget.getByRole('checkbox', { name: s.reason });
		await tabTo(page, reason, 10);
		await page.keyboard.press('Space');
		await expect(reason).toBeChecked();

		// The optional fields open from their disclosure with the keyboard.
		await tabTo(page, widget.getByText(s.more), 10);
		await page.keyboard.press('Enter');
		const comment = widget.getByLabel(s.comment);
		await tabTo(page, comment, 10);
		await page.keyboard.type('Stap 2 ging mis');
		await expect(comment).toHaveValue('Stap 2 ging mis');

		// ALTCHA solves itself as soon as the form opens; its checkbox is in the Tab order.
		const captcha = widget.locator('altcha-widget input[type="checkbox"]');
		await page.keyboard.press('Tab');
		await expect(captcha).toBeFocused();
		await expect(widget.locator('altcha-widget [data-state="verified"]')).toBeAttached({
			timeout: 90_000,
		});
		await expect(captcha).toBeChecked();

		await page.keyboard.press('Tab');
		await expect(send).toBeFocused();
		await page.keyboard.press('Enter');
		const sent = widget.getByRole('group', { name: s.sent });
		await expect(sent).toBeVisible({ timeout: 90_000 });
		await expect(sent).toBeFocused();
		await expect(sent).toHaveAccessibleDescription(/./);
	});
}

test('en: when the captcha could not start, Space on its checkbox tries again', async ({
	page,
}) => {
	test.setTimeout(120_000); // ALTCHA's real proof of work, slow on a busy machine
	await page.route('**/api/feedback/challenge', (route) => route.fulfill({ status: 503 }));
	await page.goto('/en/revoke-app-passwords/');
	const widget = page.locator('#feedback');
	await tabTo(page, widget.getByRole('button', { name: 'No', exact: true }));
	await page.keyboard.press('Enter');
	const altcha = widget.locator('altcha-widget .altcha');
	await expect(altcha).toHaveAttribute('data-state', 'error');

	await page.unroute('**/api/feedback/challenge');
	const checkbox = widget.getByRole('checkbox', { name: "I'm not a robot" });
	await tabTo(page, checkbox, 20);
	await page.keyboard.press('Space');
	await expect(altcha).toHaveAttribute('data-state', 'verified', { timeout: 90_000 });
	await expect(widget.locator('altcha-widget input[type="checkbox"]')).toBeChecked();
});

test('en: the theme switch works by keyboard only and the choice is kept', async ({ page }) => {
	await page.emulateMedia({ colorScheme: 'light' });
	await page.goto('/en/');
	const theme = page.getByRole('combobox', { name: 'Theme' });
	await tabTo(page, theme, 10);
	await expect(theme).toHaveValue('auto');

	// Options: System, Light, Dark. Arrow keys change a closed select's value straight away.
	await page.keyboard.press('ArrowDown');
	await page.keyboard.press('ArrowDown');
	await expect(theme).toHaveValue('dark');
	await expect(theme).toBeFocused();
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
	await expect
		.poll(() => page.evaluate(() => getComputedStyle(document.body).backgroundColor))
		.toBe('rgb(15, 23, 32)');

	await page.reload();
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
	await tabTo(page, theme, 10);
	await expect(theme).toHaveValue('dark');
	await page.keyboard.press('ArrowUp');
	await page.keyboard.press('ArrowUp');
	await expect(theme).toHaveValue('auto');
	await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./);
	expect(await page.evaluate(() => localStorage.getItem('hc-theme'))).toBeNull();
});
