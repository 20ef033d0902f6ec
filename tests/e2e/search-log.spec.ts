/**
 * The search log as a reader produces it, against the production build and its server: one
 * report per settled search (not per keystroke), one per result opened with its rank, the
 * query stored masked, and a zero-result search in `npm run feedback:report -- --searches`.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { expect as baseExpect, test, type Page, type Request } from '@playwright/test';
import { e2eDataDir } from '../../playwright.config.ts';

/** Searching waits for Pagefind's first download; a busy CI machine needs more than 5 s. */
const expect = baseExpect.configure({ timeout: 20_000 });
/** Longer than the box's settle time (search-log.ts, 3 s). */
const settled = 4_000;

// Each test waits out the settle time at least once, on a machine that runs other stages too.
test.describe.configure({ timeout: 90_000 });

interface Report {
	type: 'search' | 'click';
	id: string;
	lang?: string;
	query?: string;
	results?: number;
	adjustment?: string;
	rank?: number;
}

/** Every report the page sends to the search log, as sent. */
function reports(page: Page): Report[] {
	const sent: Report[] = [];
	page.on('request', (request: Request) => {
		if (new URL(request.url()).pathname !== '/api/search-log') return;
		sent.push(request.postDataJSON() as Report);
	});
	return sent;
}

/** The row the server stored for a search id. */
function row(id: string): Record<string, unknown> | undefined {
	const db = new DatabaseSync(join(e2eDataDir, 'feedback.db'), { readOnly: true });
	try {
		return db.prepare('SELECT * FROM search_log WHERE id = ?').get(id);
	} finally {
		db.close();
	}
}

const headerBox = (page: Page) =>
	page.getByRole('search', { name: /helpcentrum|help center/i }).getByRole('searchbox');
const headerResults = (page: Page) =>
	page
		.locator('hc-search[data-variant="header"]')
		.getByRole('list', { name: /zoekresultaten|search results/i });

test('a search typed letter by letter is reported once, and the result opened with its rank', async ({
	page,
}) => {
	const sent = reports(page);
	await page.goto('/nl/wat-is-een-app-wachtwoord/');
	await headerBox(page).pressSequentially('gmail wachtwoord', { delay: 60 });
	await expect(headerResults(page).getByRole('listitem').first()).toBeVisible();
	await expect.poll(() => sent.length).toBe(1);
	// No second report for the same search however long the results stay on screen.
	await page.waitForTimeout(settled);
	expect(sent).toHaveLength(1);
	const { id, results, ...rest } = sent[0]!;
	expect(rest).toEqual({
		type: 'search',
		lang: 'nl',
		query: 'gmail wachtwoord',
		adjustment: 'none',
	});
	expect(id).toMatch(/^[0-9a-f-]{36}$/);
	expect(results).toBeGreaterThan(1);
	// The second result, by keyboard: down, down, Enter.
	await headerBox(page).press('ArrowDown');
	await page.keyboard.press('ArrowDown');
	const opened = page.waitForURL((url) => url.pathname !== '/nl/wat-is-een-app-wachtwoord/');
	await page.keyboard.press('Enter');
	await opened;
	await expect.poll(() => sent.length).toBe(2);
	expect(sent[1]).toEqual({ type: 'click', id, rank: 2 });
	await expect.poll(() => row(id)?.['clicked_rank']).toBe(2);
	expect(row(id)).toMatchObject({ kind: 'search', lang: 'nl', query: 'gmail wachtwoord' });
});

test('the results page reports its search once and the result clicked', async ({ page }) => {
	const sent = reports(page);
	await page.goto('/en/search/?q=icloud');
	const list = page
		.locator('hc-search[data-variant="page"]')
		.getByRole('list', { name: /search results/i });
	await expect(list.getByRole('listitem').first()).toBeVisible();
	// Clicking a result settles the search at once, then reports the click.
	await list.locator('.hc-hit__link').first().click();
	await page.waitForURL((url) => url.pathname !== '/en/search/');
	await expect.poll(() => sent.map((r) => r.type)).toEqual(['search', 'click']);
	expect(sent[0]).toMatchObject({ lang: 'en', query: 'icloud' });
	expect(sent[1]).toEqual({ type: 'click', id: sent[0]!.id, rank: 1 });
});

test('a header search handed to the results page is reported there, not twice', async ({
	page,
}) => {
	const sent = reports(page);
	await page.goto('/en/');
	await headerBox(page).fill('revoke');
	await expect(headerResults(page).getByRole('listitem').first()).toBeVisible();
	await headerBox(page).press('Enter');
	await page.waitForURL(/\/en\/search\/\?q=revoke/);
	await expect.poll(() => sent.length).toBe(1);
	await page.waitForTimeout(settled);
	expect(sent.filter((r) => r.type === 'search').map((r) => r.query)).toEqual(['revoke']);
});

test('a search without results is stored masked and shows in feedback:report --searches', async ({
	page,
}) => {
	const sent = reports(page);
	await page.goto('/nl/zoeken/');
	const box = page.locator('hc-search[data-variant="page"]').getByRole('searchbox');
	await box.fill('xylofoonles Jan.Puk@Xylofoon.xyz');
	await box.press('Enter');
	await expect(page.locator('hc-search[data-variant="page"]').getByRole('status')).toContainText(
		'Geen resultaten',
	);
	await expect.poll(() => sent.length).toBe(1);
	expect(sent[0]).toMatchObject({ type: 'search', results: 0 });
	const id = sent[0]!.id;
	await expect.poll(() => row(id)?.['query']).toBe('xylofoonles [e-mail]');
	const report = spawnSync(
		process.execPath,
		[
			'scripts/feedback-report.ts',
			'--searches',
			'--db',
			join(e2eDataDir, 'feedback.db'),
			'--format',
			'csv',
		],
		{ encoding: 'utf8' },
	);
	expect(report.status).toBe(0);
	expect(report.stdout).toMatch(/^xylofoonles \[e-mail\],nl,no_results,\d+,0,/m);
	expect(report.stdout).not.toContain('puk');
});
