import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { e2eDataDir } from '../../playwright.config.ts';

interface Row {
	vote: string;
	reasons: string;
	comment: string | null;
	section: string | null;
	article_updated: string;
	visitor_hash: string | null;
}

/** Rows the e2e server stored for an article since a moment (the server's own SQLite file). */
function rowsSince(article: string, lang: string, since: string): Row[] {
	const db = new DatabaseSync(join(e2eDataDir, 'feedback.db'), { readOnly: true });
	try {
		return db
			.prepare(
				'SELECT vote, reasons, comment, section, article_updated, visitor_hash FROM votes WHERE article = ? AND lang = ? AND updated_at >= ? ORDER BY updated_at',
			)
			.all(article, lang, since) as unknown as Row[];
	} finally {
		db.close();
	}
}

const text = {
	nl: {
		question: 'Was dit artikel nuttig?',
		yes: 'Ja',
		no: 'Nee',
		thanks: 'Fijn dat dit hielp!',
		sorry: 'Sorry dat we je niet konden helpen',
		legend: 'Wat ging er mis? Kies minstens één reden.',
		more: 'Meer vertellen (optioneel)',
		reason: 'Een stap werkte niet',
		stuck: 'Waar liep je vast? (optioneel)',
		comment: 'Wat kunnen we beter uitleggen? (optioneel)',
		send: 'Verstuur feedback',
		sent: 'Feedback verzonden',
		reasonsError: 'Kies minstens één reden.',
		change: 'Antwoord wijzigen',
	},
	en: {
		question: 'Was this article helpful?',
		yes: 'Yes',
		no: 'No',
		thanks: "That's great!",
		sorry: "Sorry we couldn't help you",
		legend: 'What went wrong? Choose at least one reason.',
		more: 'Tell us more (optional)',
		reason: "A step didn't work",
		stuck: 'Where did you get stuck? (optional)',
		comment: 'What could we explain better? (optional)',
		send: 'Send feedback',
		sent: 'Feedback sent',
		reasonsError: 'Choose at least one reason.',
		change: 'Change your answer',
	},
} as const;

const feedback = (page: Page) => page.locator('#feedback');

for (const lang of ['nl', 'en'] as const) {
	const s = text[lang];

	test(`Yes flow in ${lang}: thanks, stored, remembered after reload`, async ({ page }) => {
		const since = new Date().toISOString();
		await page.goto(`/${lang}/yahoo-mail/`);
		const group = page.getByRole('group', { name: s.question });
		await group.getByRole('button', { name: s.yes }).click();
		await expect(feedback(page).getByText(s.thanks)).toBeVisible();
		await expect(page.locator('#feedback-yes')).toBeFocused();
		await expect
			.poll(() => rowsSince('yahoo-mail', lang, since).map((r) => r.vote))
			.toEqual(['yes']);
		await page.reload();
		await expect(feedback(page).getByText(s.thanks)).toBeVisible();
		await expect(group).toBeHidden();
	});

	test(`No flow in ${lang}: reasons required, section, comment, captcha, sent`, async ({
		page,
	}) => {
		test.setTimeout(120_000); // includes ALTCHA's real proof of work, slow on a busy CI machine
		const since = new Date().toISOString();
		const requests: string[] = [];
		page.on('request', (r) => requests.push(new URL(r.url()).origin));
		await page.goto(`/${lang}/gmail/`);
		// The page does not carry the form: it is built when the reader answers No.
		await expect(page.locator('#feedback form.hc-feedback__details')).toHaveCount(0);
		await page.getByRole('button', { name: s.no, exact: true }).click();
		await expect(feedback(page).getByText(s.sorry)).toBeVisible();
		// One heading (the state's title); the reasons are the form's question.
		await expect(page.getByRole('group', { name: s.legend })).toBeVisible();
		await expect(feedback(page).getByRole('heading')).toHaveCount(0);

		await page.getByRole('button', { name: s.send }).click();
		const reasonsError = feedback(page).getByText(s.reasonsError, { exact: true });
		await expect(reasonsError).toBeVisible();
		await expect(page.getByRole('checkbox').first()).toBeFocused();

		await page.getByRole('checkbox', { name: s.reason }).check();
		// The error goes as soon as a reason is ticked, not at the next send.
		await expect(reasonsError).toBeHidden();
		// The optional fields wait in a disclosure.
		const stuck = page.getByLabel(s.stuck);
		await expect(stuck).toBeHidden();
		await feedback(page).getByText(s.more).click();
		const firstSection = await stuck.locator('option').nth(1).getAttribute('value');
		await stuck.selectOption(firstSection ?? '');
		await page.getByLabel(s.comment).fill('Stap 3 <script>alert(1)</script> klopt niet');
		await expect(feedback(page).getByText(/43 (van|of) 1000/)).toBeVisible();
		// Sent straight away: the widget waits for ALTCHA's proof of work if it is still running.
		await page.getByRole('button', { name: s.send }).click();
		await expect(feedback(page).getByText(s.sent)).toBeVisible({ timeout: 90_000 });
		await expect(page.locator('#feedback-sent')).toBeFocused();

		const rows = rowsSince('gmail', lang, since);
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({
			vote: 'no',
			section: firstSection,
			comment: 'Stap 3 <script>alert(1)</script> klopt niet',
		});
		expect(JSON.parse(rows[0]!.reasons)).toEqual(['step-failed']);
		expect(rows[0]!.article_updated).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		expect(new Set(requests)).toEqual(new Set([new URL(page.url()).origin]));

		await page.reload();
		await expect(feedback(page).getByText(s.sent)).toBeVisible();
	});
}

test('a reader can change a vote and the stored row changes with it', async ({ page }) => {
	const since = new Date().toISOString();
	await page.goto('/en/outlook-com/');
	await page.getByRole('button', { name: 'Yes', exact: true }).click();
	await expect(feedback(page).getByText("That's great!")).toBeVisible();
	await expect
		.poll(() => rowsSince('outlook-com', 'en', since).map((r) => r.vote))
		.toEqual(['yes']);

	await page.getByRole('button', { name: 'Change your answer' }).click();
	await expect(page.getByRole('button', { name: 'Yes', exact: true })).toHaveAttribute(
		'aria-pressed',
		'true',
	);
	await page.getByRole('button', { name: 'No', exact: true }).click();
	await expect(feedback(page).getByText("Sorry we couldn't help you")).toBeVisible();
	await expect.poll(() => rowsSince('outlook-com', 'en', since).map((r) => r.vote)).toEqual(['no']);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	for (const [lang, vote, shown] of [
		['nl', 'Ja', 'Fijn dat dit hielp!'],
		['en', 'No', "Sorry we couldn't help you"],
	] as const) {
		test(`${lang}: "${vote}" is a real form post and the page shows the answer`, async ({
			page,
		}) => {
			const since = new Date().toISOString();
			await page.goto(`/${lang}/what-is-an-app-password/`);
			await page.getByRole('button', { name: vote, exact: true }).click();
			await expect(page).toHaveURL(
				new RegExp(`/${lang}/what-is-an-app-password/#feedback-(yes|no)$`),
			);
			await expect(feedback(page).getByText(shown)).toBeVisible();
			await expect(page.getByRole('group', { name: /nuttig|helpful/ })).toBeHidden();
			const rows = rowsSince('what-is-an-app-password', lang, since);
			expect(rows.map((r) => r.vote)).toEqual([vote === 'Ja' ? 'yes' : 'no']);
			if (vote === 'No') {
				await expect(feedback(page).getByText(/needs JavaScript/)).toBeVisible();
			}
		});
	}
});

test('the summary appears once an article has five votes', async ({ page, request }) => {
	for (let i = 0; i < 5; i++) {
		const response = await request.post('/api/feedback', {
			data: {
				article: 'connection-problems',
				lang: 'en',
				vote: i < 4 ? 'yes' : 'no',
				visitor: crypto.randomUUID(),
			},
		});
		expect(response.ok()).toBe(true);
	}
	await page.goto('/en/connection-problems/');
	await expect(feedback(page).getByText(/\d+ of \d+ readers found this helpful/)).toBeVisible();
});

test.describe('the bot trap (the hidden website field)', () => {
	const spam = 'https://spam.example/';

	test('is out of sight, out of the tab order and hidden from assistive technology', async ({
		page,
	}) => {
		await page.goto('/nl/outlook-com/');
		const trap = page.locator('#feedback input[name="website"]');
		await expect(trap).toHaveAttribute('tabindex', '-1');
		await expect(trap).toHaveAttribute('autocomplete', 'off');
		await expect(
			page.locator('#feedback [aria-hidden="true"]:has(input[name="website"])'),
		).toHaveCount(1);
		// Drawn in a 1 px box that shows none of it (clip-path), not display: none, which bots skip.
		const box = await page.locator('#feedback .hc-feedback__trap').boundingBox();
		expect((box?.width ?? 0) * (box?.height ?? 0)).toBeLessThanOrEqual(1);
		await expect(trap).toHaveCSS('display', 'inline-block');
		await expect(page.getByRole('textbox', { name: 'Laat dit veld leeg' })).toHaveCount(0);
	});

	test('a bot filling in every field, with JavaScript, is thanked and nothing is stored', async ({
		page,
	}) => {
		test.setTimeout(120_000); // ALTCHA's real proof of work
		const since = new Date().toISOString();
		await page.goto('/nl/outlook-com/');
		await page.locator('#feedback input[name="website"]').fill(spam, { force: true });
		const vote = page.waitForResponse((r) => r.url().endsWith('/api/feedback'));
		await page.getByRole('button', { name: 'Nee', exact: true }).click();
		expect((await vote).status()).toBe(201);
		await expect(feedback(page).getByText('Sorry dat we je niet konden helpen')).toBeVisible();

		await expect(page.getByRole('checkbox').first()).toBeVisible();
		for (const box of await page.getByRole('checkbox').all()) await box.check();
		await feedback(page).getByText('Meer vertellen (optioneel)').click();
		const stuck = page.getByLabel('Waar liep je vast? (optioneel)');
		await stuck.selectOption({ index: 1 });
		await page.getByLabel('Wat kunnen we beter uitleggen? (optioneel)').fill('Koop nu!');
		const details = page.waitForResponse(
			(r) =>
				r.url().endsWith('/api/feedback') && r.request().postData()?.includes('reasons') === true,
		);
		await page.getByRole('button', { name: 'Verstuur feedback' }).click();
		const answer = await details;
		expect(answer.status()).toBe(201);
		expect(answer.request().postDataJSON()).toMatchObject({ website: spam, vote: 'no' });
		await expect(feedback(page).getByText('Feedback verzonden')).toBeVisible({ timeout: 90_000 });
		expect(rowsSince('outlook-com', 'nl', since)).toEqual([]);
	});

	test.describe('without JavaScript', () => {
		test.use({ javaScriptEnabled: false });

		test('a bot posting the form with every field filled in is thanked and nothing is stored', async ({
			page,
		}) => {
			const since = new Date().toISOString();
			await page.goto('/en/enter-app-password/');
			await page.locator('#feedback input[name="website"]').fill(spam, { force: true });
			await page.getByRole('button', { name: 'Yes', exact: true }).click();
			await expect(page).toHaveURL(/\/en\/enter-app-password\/#feedback-yes$/);
			await expect(feedback(page).getByText("That's great!")).toBeVisible();
			expect(rowsSince('enter-app-password', 'en', since)).toEqual([]);
		});
	});
});
