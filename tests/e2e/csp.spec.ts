import { expect, test, type Page } from '@playwright/test';
import { adminBaseURL, signIn } from '../fixtures/insights-e2e.ts';

/**
 * The Content-Security-Policy blocks nothing the site itself does: search (typing, results,
 * highlighting on the article), feedback (the form, ALTCHA's worker and stylesheet, the post),
 * the theme switch and the dashboard report no violation, and the browser logs no CSP or
 * Permissions-Policy error.
 */

/** Collects violations from every document the page loads, and matching console messages. */
async function watchPolicies(page: Page): Promise<string[]> {
	const problems: string[] = [];
	await page.exposeFunction('__hcReportViolation', (text: string) => problems.push(text));
	await page.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (event) => {
			const report = (window as unknown as { __hcReportViolation: (t: string) => void })
				.__hcReportViolation;
			void report(
				`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber}) ${event.sample}`,
			);
		});
	});
	page.on('console', (message) => {
		if (/Content.Security.Policy|Permissions.Policy/i.test(message.text())) {
			problems.push(`console ${message.type()}: ${message.text()}`);
		}
	});
	page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
	return problems;
}

test('the detector sees a violation (an injected inline script is blocked)', async ({ page }) => {
	const problems = await watchPolicies(page);
	await page.goto('/en/');
	await page.evaluate(() => {
		const script = document.createElement('script');
		script.textContent = 'window.__hcInjected = true';
		document.body.append(script);
	});
	await expect.poll(() => problems.join('\n')).toContain('script-src');
	expect(await page.evaluate(() => 'hcInjected' in window)).toBe(false);
});

test('search: typing, the results page and highlighting on the article', async ({ page }) => {
	const problems = await watchPolicies(page);
	await page.goto('/nl/');
	await page.getByRole('searchbox').first().pressSequentially('icloud intrekken', { delay: 20 });
	await expect(page.locator('.hc-hit').first()).toBeVisible();
	await page.goto('/nl/zoeken/?q=icloud%20intrekken');
	await page.locator('hc-search[data-variant="page"] .hc-hit__link').first().click();
	await expect(page).toHaveURL(/pagefind-highlight=/);
	await expect(page.locator('article mark.hc-highlight').first()).toBeVisible();
	expect(problems).toEqual([]);
});

test('e-mail address finder: a lookup, and its page without JavaScript', async ({ page }) => {
	const problems = await watchPolicies(page);
	await page.goto('/en/');
	await page.locator('#finder-email').fill('info@m365.example.test');
	await page.locator('#finder-email').press('Enter');
	await expect(
		page.getByRole('link', { name: 'Open the guide for Microsoft 365 →' }),
	).toBeVisible();
	await page.goto('/nl/zoek-handleiding/?email=piet');
	await page.locator('#finder-email').fill('jan@me.com');
	await page.locator('#finder-email').press('Enter');
	await expect(page.locator('.hc-finder__go')).toHaveAttribute('href', '/nl/icloud-mail/');
	expect(problems).toEqual([]);
});

test('feedback: No, the form, ALTCHA solved, sent', async ({ page }) => {
	test.setTimeout(120_000); // ALTCHA's real proof of work, slow on a busy machine
	const problems = await watchPolicies(page);
	await page.goto('/en/outlook-com/');
	await page.getByRole('button', { name: 'No', exact: true }).click();
	await page.getByRole('checkbox', { name: 'The screen looks different' }).check();
	await page.getByText('Tell us more (optional)').click();
	await page.getByLabel('What could we explain better? (optional)').fill('CSP test');
	// ALTCHA's stylesheet arrived (a <link>, not an inline <style> the policy would block).
	await expect(page.locator('altcha-widget')).toBeVisible();
	await page.getByRole('button', { name: 'Send feedback' }).click();
	await expect(page.locator('#feedback').getByText('Feedback sent')).toBeVisible({
		timeout: 90_000,
	});
	expect(await page.locator('style#altcha-css').count()).toBe(0);
	expect(problems).toEqual([]);
});

test('theme switch and a page load in the chosen theme', async ({ page }) => {
	const problems = await watchPolicies(page);
	await page.goto('/en/gmail/');
	await page.getByLabel('Theme').selectOption('dark');
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
	await page.goto('/en/');
	// Set by the inline theme script before first paint: it ran, so its hash is in the policy.
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
	await page.goto('/nl/bestaat-niet/');
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
	expect(problems).toEqual([]);
});

test.describe('dashboard', () => {
	test.use({ baseURL: adminBaseURL });
	test('sign-in and the dashboard with its charts', async ({ page }) => {
		const problems = await watchPolicies(page);
		await signIn(page, 'en', '&article=icloud-mail');
		await expect(page.locator('svg.hc-weekly__svg')).toBeVisible();
		expect(problems).toEqual([]);
	});
});
