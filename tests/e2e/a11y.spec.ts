import { expect, test, type Page } from '@playwright/test';
import { searchPageUrl } from '../../src/components/search/paths.ts';
import { finderFormPaths } from '../../src/lib/mail-provider/paths.ts';
import { adminBaseURL, seedE2eVotes, signIn } from '../fixtures/insights-e2e.ts';
import {
	applyTheme,
	expectNoAxeViolations,
	expectNoAxeViolationsInThemes,
	themes,
} from './a11y-helpers.ts';

/** Scans take a while on a busy two-core machine; each test scans one page in four themes. */
test.describe.configure({ timeout: 120_000 });

const searchStatus = (page: Page) =>
	page.locator('hc-search[data-variant="page"]').getByRole('status');

/** Every page type, by the path in a language, and what shows the page has finished its work. */
const pageTypes: {
	name: string;
	path: (lang: 'nl' | 'en') => string;
	ready?: (page: Page) => Promise<void>;
}[] = [
	{ name: 'home', path: (lang) => `/${lang}/` },
	{ name: 'category page', path: (lang) => `/${lang}/providers/` },
	{ name: 'article with provider settings', path: (lang) => `/${lang}/icloud-mail/` },
	{ name: 'article with steps', path: (lang) => `/${lang}/enter-app-password/` },
	{ name: 'error reference', path: (lang) => `/${lang}/error-messages/` },
	{ name: 'guide with a summary box', path: (lang) => `/${lang}/microsoft-365/` },
	{
		name: 'search page with results',
		path: (lang) => searchPageUrl(lang, 'icloud'),
		ready: (page) => expect(searchStatus(page)).toHaveText(/\d/, { timeout: 15_000 }),
	},
	{
		name: 'search page without results',
		path: (lang) => searchPageUrl(lang, 'qwxyzzy'),
		ready: (page) => expect(searchStatus(page)).toContainText('qwxyzzy', { timeout: 15_000 }),
	},
	{ name: '404 page', path: (lang) => `/${lang}/no-such-page/` },
	{
		name: 'home with an answer of the e-mail address finder',
		path: (lang) => `/${lang}/`,
		ready: async (page) => {
			await page.locator('#finder-email').fill('info@m365.example.test');
			await page.locator('#finder-email').press('Enter');
			await expect(page.locator('.hc-finder__go')).toBeVisible({ timeout: 15_000 });
		},
	},
	{
		name: "finder's no-JS page with a message",
		path: (lang) => `${finderFormPaths[lang]}?email=piet`,
	},
];

for (const lang of ['nl', 'en'] as const) {
	for (const { name, path, ready } of pageTypes) {
		test(`axe finds nothing on the ${lang} ${name} in every theme`, async ({ page }) => {
			await page.goto(path(lang));
			await ready?.(page);
			await expectNoAxeViolationsInThemes(page, path(lang));
		});
	}

	test(`axe finds nothing in the ${lang} header search results in every theme`, async ({
		page,
	}) => {
		await page.goto(`/${lang}/`);
		const header = page.locator('hc-search[data-variant="header"]');
		await header.getByRole('searchbox').fill('gmail');
		await expect(header.getByRole('link').first()).toBeVisible({ timeout: 15_000 });
		for (const theme of themes) {
			await applyTheme(page, theme);
			await header.getByRole('searchbox').focus(); // the panel may close when focus leaves
			await expect(header.getByRole('link').first()).toBeVisible();
			await expectNoAxeViolations(page, `header results (${theme.name})`, {
				include: 'header',
				colourOnly: theme.choice !== undefined,
			});
		}
	});
}

test('axe finds nothing on the root language chooser in either theme', async ({ page }) => {
	// The Node server redirects `/`; static hosts serve this file there.
	await page.goto('/index.html');
	await expectNoAxeViolationsInThemes(page, 'language chooser', { only: themes.slice(0, 2) });
});

const feedbackText = {
	nl: { no: 'Nee', yes: 'Ja', change: 'Antwoord wijzigen', send: 'Verstuur feedback' },
	en: { no: 'No', yes: 'Yes', change: 'Change your answer', send: 'Send feedback' },
} as const;

/** Scans the feedback widget alone (the rest of the article is scanned above) in every theme. */
async function scanFeedback(page: Page, state: string) {
	await expectNoAxeViolationsInThemes(page, `feedback: ${state}`, { include: '#feedback' });
}

for (const lang of ['nl', 'en'] as const) {
	const s = feedbackText[lang];
	test(`axe finds nothing in any state of the ${lang} feedback widget`, async ({ page }) => {
		test.setTimeout(240_000); // many scans, and ALTCHA's real proof of work
		const widget = page.locator('#feedback');
		await page.goto(`/${lang}/revoke-app-passwords/`);
		await scanFeedback(page, 'question');

		await widget.getByRole('button', { name: s.yes, exact: true }).click();
		await expect(page.locator('#feedback-yes')).toBeVisible();
		await scanFeedback(page, 'thanks after Yes');

		// The proof of work cannot start: ALTCHA shows its own error state.
		await page.route('**/api/feedback/challenge', (route) => route.fulfill({ status: 503 }));
		await widget.getByRole('button', { name: s.change }).click();
		await widget.getByRole('button', { name: s.no, exact: true }).click();
		await expect(widget.locator('form.hc-feedback__details')).toBeVisible();
		await expect(widget.locator('altcha-widget')).toBeAttached({ timeout: 15_000 });
		await scanFeedback(page, 'form open, captcha failed');

		await widget.getByRole('button', { name: s.send }).click();
		await expect(widget.locator('#feedback-reasons-error')).toBeVisible();
		await scanFeedback(page, 'no reason chosen');

		await widget.getByRole('checkbox').first().check();
		await widget.getByRole('button', { name: s.send }).click();
		await expect(widget.locator('#feedback-captcha-error')).toBeVisible({ timeout: 30_000 });
		await scanFeedback(page, 'captcha error');

		// The captcha works again, but the server fails.
		await page.unroute('**/api/feedback/challenge');
		await page.route('**/api/feedback', (route) =>
			route.request().method() === 'POST'
				? route.fulfill({ status: 500, contentType: 'application/problem+json', body: '{}' })
				: route.fallback(),
		);
		await widget.getByRole('button', { name: s.send }).click();
		await expect(widget.getByRole('alert')).not.toBeEmpty({ timeout: 90_000 });
		await scanFeedback(page, 'server error');

		await page.unroute('**/api/feedback');
		await widget.getByRole('button', { name: s.send }).click();
		await expect(page.locator('#feedback-sent')).toBeVisible({ timeout: 90_000 });
		await scanFeedback(page, 'sent');
	});
}

test.describe('dashboard', () => {
	test.use({ baseURL: adminBaseURL });
	test.beforeAll(seedE2eVotes);

	for (const lang of ['nl', 'en'] as const) {
		test(`axe finds nothing on the ${lang} login form, dashboard and article details in every theme`, async ({
			page,
		}) => {
			test.setTimeout(300_000); // the dashboard is a long page: each scan takes a while
			await page.goto(`/admin/feedback/?lang=${lang}`);
			await expectNoAxeViolationsInThemes(page, 'login');
			await signIn(page, lang);
			await expectNoAxeViolationsInThemes(page, 'dashboard');
			// The charts, comments and versions are in an article's details.
			await page.goto(`/admin/feedback/?lang=${lang}&article=icloud-mail`);
			await expectNoAxeViolationsInThemes(page, 'article details');
		});
	}
});
