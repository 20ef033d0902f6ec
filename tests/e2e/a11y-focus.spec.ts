import { expect, test, type Page } from '@playwright/test';
import { searchPageUrl } from '../../src/components/search/paths.ts';
import { adminBaseURL, seedE2eVotes, signIn } from '../fixtures/insights-e2e.ts';
import { installColourTools, type ColourTools } from './a11y-colour.ts';
import { applyTheme, themes } from './a11y-helpers.ts';

/** What the page says about the element that has focus, measured in the browser. */
interface FocusReport {
	/** `tag#id.class "text"`, for failure messages. */
	name: string;
	/** True once Tab has come back to an element already checked. */
	seenBefore: boolean;
	/** Still the element of the previous press: Tab moved between the parts of a date field. */
	same: boolean;
	isBody: boolean;
	problems: string[];
}

/**
 * Checks the focused element (runs in the page): it shows a focus indicator (an outline, or a
 * box-shadow, border or background that differs from its unfocused look); an outline has at
 * least 3:1 contrast against what it covers (WCAG 1.4.11 and 2.4.13), also on a gradient; and the
 * element is not hidden under the sticky header or out of view (WCAG 2.4.11).
 */
function inspectFocus(): FocusReport {
	const node = document.activeElement as HTMLElement | null;
	const w = window as unknown as { hcSeen?: WeakSet<Element>; hcLast?: Element | null };
	w.hcSeen ??= new WeakSet();
	const same = node === w.hcLast;
	w.hcLast = node;
	if (!node || node === document.body) {
		return { name: 'body', seenBefore: false, same, isBody: true, problems: [] };
	}
	// Checked on arrival; checking again could blur and refocus it, restarting a date field.
	if (same) return { name: '', seenBefore: true, same, isBody: false, problems: [] };
	const seenBefore = w.hcSeen.has(node);
	w.hcSeen.add(node);
	const text = (node.getAttribute('aria-label') ?? node.textContent ?? '').trim().slice(0, 30);
	const name = `${node.tagName.toLowerCase()}${node.id ? `#${node.id}` : ''}${[...node.classList]
		.map((c) => `.${c}`)
		.join('')} "${text}"`;
	const problems: string[] = [];

	const { parse, contrast, backdrops } = (window as unknown as { hcColour: ColourTools }).hcColour;

	const focusedStyle = getComputedStyle(node);
	const outlineColour = parse(focusedStyle.outlineColor);
	const hasOutline =
		focusedStyle.outlineStyle !== 'none' &&
		parseFloat(focusedStyle.outlineWidth) > 0 &&
		(outlineColour?.[3] ?? 0) > 0;
	if (hasOutline) {
		// The ring's pixels must change by 3:1 from what they cover when unfocused (the measure of
		// WCAG 2.4.13), so sample what is painted under the middle of the ring on each side: not
		// the DOM parent, since a button may sit inside a text field.
		const box = node.getBoundingClientRect();
		const offset = parseFloat(focusedStyle.outlineOffset) || 0;
		const reach = offset + parseFloat(focusedStyle.outlineWidth) / 2;
		const [cx, cy] = [box.left + box.width / 2, box.top + box.height / 2];
		const around = [
			[box.left - reach, cy],
			[box.right + reach, cy],
			[cx, box.top - reach],
			[cx, box.bottom + reach],
		].filter(([px, py]) => px! >= 0 && py! >= 0 && px! < innerWidth && py! < innerHeight);
		const behind =
			reach < 0
				? [node]
				: around.map(
						([px, py]) =>
							document
								.elementsFromPoint(px!, py!)
								.find((el) => el !== node && !node.contains(el)) ?? node.parentElement,
					);
		const colours = new Map(behind.flatMap((el) => backdrops(el)).map((c) => [c.join(), c]));
		for (const backdrop of colours.values()) {
			const ratio = contrast(outlineColour!.slice(0, 3), backdrop);
			if (ratio < 3) {
				problems.push(
					`outline ${focusedStyle.outlineColor} has ${ratio.toFixed(2)}:1 against rgb(${backdrop.map(Math.round).join(', ')})`,
				);
			}
		}
	} else {
		const look = (style: CSSStyleDeclaration) =>
			[style.boxShadow, style.borderColor, style.borderWidth, style.backgroundColor].join(' / ');
		const focusedLook = look(focusedStyle);
		node.blur();
		const plainLook = look(getComputedStyle(node));
		node.focus();
		if (focusedLook === plainLook) problems.push('no outline and no other change when focused');
	}

	const rect = node.getBoundingClientRect();
	if (rect.width === 0 || rect.height === 0) problems.push('has no size');
	const x = Math.min(Math.max(rect.left + rect.width / 2, 0), innerWidth - 1);
	const y = Math.min(Math.max(rect.top + rect.height / 2, 0), innerHeight - 1);
	if (rect.bottom <= 0 || rect.top >= innerHeight) problems.push('is out of view');
	else {
		const hit = document.elementFromPoint(x, y);
		const ours =
			hit && (node.contains(hit) || hit.contains(node) || node.closest('label')?.contains(hit));
		// A checkmark drawn over a checkbox is part of it.
		const decoration = hit?.closest('[aria-hidden="true"]') && node.parentElement?.contains(hit);
		if (!ours && !decoration) {
			const cover = hit ? `${hit.tagName.toLowerCase()}.${[...hit.classList].join('.')}` : '?';
			problems.push(`is covered by ${cover}`);
		}
	}
	return { name, seenBefore, same, isBody: false, problems };
}

/**
 * Tabs (`key`: Tab or Shift+Tab) through the whole page once, until focus comes back to an
 * element it already saw, and returns every focused element with what is wrong with its focus.
 */
async function tabThrough(page: Page, key: string): Promise<FocusReport[]> {
	await installColourTools(page);
	await page.evaluate(() => {
		delete (window as unknown as { hcSeen?: unknown }).hcSeen;
		delete (window as unknown as { hcLast?: unknown }).hcLast;
		(document.activeElement as HTMLElement | null)?.blur();
	});
	const reports: FocusReport[] = [];
	let bodies = 0;
	for (let i = 0; i < 200; i++) {
		await page.keyboard.press(key);
		const report = await page.evaluate(inspectFocus);
		if (report.same && !report.isBody) continue;
		if (report.seenBefore) return reports;
		if (report.isBody && ++bodies > 1) return reports;
		if (!report.isBody) reports.push(report);
	}
	const last = reports.slice(-5).map((r) => r.name);
	throw new Error(`${key} never came back to the start: a keyboard trap? Last: ${last.join(', ')}`);
}

async function expectVisibleFocus(page: Page, label: string, atLeast: number, key = 'Tab') {
	const reports = await tabThrough(page, key);
	expect(reports.length, `${label}: focusable elements reached`).toBeGreaterThanOrEqual(atLeast);
	expect(
		reports.filter((r) => r.problems.length).map((r) => `${r.name}: ${r.problems.join('; ')}`),
		label,
	).toEqual([]);
}

/** Light and dark from the system, and dark picked in the switch. */
const focusThemes = themes.slice(0, 3);

test('every focusable element on the home page shows visible focus, in every theme', async ({
	page,
}) => {
	test.setTimeout(120_000);
	await page.goto('/nl/');
	for (const theme of focusThemes) {
		await applyTheme(page, theme);
		await expectVisibleFocus(page, `home (${theme.name})`, 25);
	}
});

test('every focusable element on an article and its feedback form shows visible focus', async ({
	page,
}) => {
	test.setTimeout(180_000);
	await page.goto('/en/icloud-mail/');
	for (const theme of focusThemes) {
		await applyTheme(page, theme);
		await expectVisibleFocus(page, `article (${theme.name})`, 25);
	}
	// Open the "No" form (keyboard), with its reasons, section, comment and captcha.
	await page.getByRole('button', { name: 'No', exact: true }).focus();
	await page.keyboard.press('Enter');
	await expect(page.locator('altcha-widget input[type="checkbox"]')).toBeVisible({
		timeout: 30_000,
	});
	for (const theme of focusThemes) {
		await applyTheme(page, theme);
		await expectVisibleFocus(page, `article with the feedback form (${theme.name})`, 35);
	}
	// Backwards, each element scrolls in at the top: it must not end up under the sticky header.
	await expectVisibleFocus(page, 'article with the feedback form, Shift+Tab', 35, 'Shift+Tab');
});

test('every focusable element on the search page shows visible focus, in every theme', async ({
	page,
}) => {
	test.setTimeout(120_000);
	await page.goto(searchPageUrl('en', 'icloud'));
	await expect(page.locator('hc-search[data-variant="page"]').getByRole('status')).toHaveText(
		/\d/,
		{ timeout: 15_000 },
	);
	for (const theme of focusThemes) {
		await applyTheme(page, theme);
		await expectVisibleFocus(page, `search page (${theme.name})`, 20);
	}
});

test.describe('dashboard', () => {
	test.use({ baseURL: adminBaseURL });
	test.beforeAll(seedE2eVotes);

	test('every focusable element on the login form and the dashboard shows visible focus', async ({
		page,
	}) => {
		test.setTimeout(180_000);
		await page.goto('/admin/feedback/?lang=en');
		for (const theme of focusThemes.slice(0, 2)) {
			await applyTheme(page, theme);
			// Skip link, back to the help center, NL, EN, theme, token, sign in: the admin frame has
			// no search box or footer.
			await expectVisibleFocus(page, `login (${theme.name})`, 7);
		}
		await signIn(page, 'en');
		for (const theme of focusThemes.slice(0, 2)) {
			await applyTheme(page, theme);
			await expectVisibleFocus(page, `dashboard (${theme.name})`, 15);
		}
		// One article's details: its links, the chart's numbers and the way back.
		await page.goto('/admin/feedback/?lang=en&article=icloud-mail');
		for (const theme of focusThemes.slice(0, 2)) {
			await applyTheme(page, theme);
			await expectVisibleFocus(page, `article details (${theme.name})`, 18);
		}
	});
});
