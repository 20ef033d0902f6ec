import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/**
 * The rules every scan runs: WCAG 2.0–2.2 level A and AA, and axe's best practices (the rules
 * axe runs by default). Naming the tags also switches on the WCAG 2.2 rules axe leaves off by
 * default, such as target-size.
 */
export const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** A colour theme as the reader gets it: from the system, or chosen in the header's theme switch. */
export interface Theme {
	name: string;
	system: 'light' | 'dark';
	/** Picked in the theme switch (stored in localStorage), overriding the system. */
	choice?: 'light' | 'dark';
}

/**
 * Both themes from the system, and both chosen in the switch against the system's wish, so a
 * colour that only follows `prefers-color-scheme` (and not the reader's choice) shows up.
 */
export const themes: readonly Theme[] = [
	{ name: 'light', system: 'light' },
	{ name: 'dark', system: 'dark' },
	{ name: 'dark picked in the switch', system: 'light', choice: 'dark' },
	{ name: 'light picked in the switch', system: 'dark', choice: 'light' },
];

/** The page background of each theme (--hc-bg), to prove a theme really took effect. */
const background = { light: 'rgb(255, 255, 255)', dark: 'rgb(15, 23, 32)' } as const;

/**
 * Puts the page in a theme: emulates the system preference and, where the page has the theme
 * switch, picks the choice there (or "auto"). Then checks the page background has that theme.
 */
export async function applyTheme(page: Page, theme: Theme): Promise<void> {
	await page.emulateMedia({ colorScheme: theme.system });
	const select = page.locator('hc-theme-select select');
	if (await select.isVisible()) {
		await select.selectOption(theme.choice ?? 'auto');
	} else if (theme.choice) {
		throw new Error(`no theme switch on ${page.url()} to pick "${theme.choice}"`);
	}
	await expect
		.poll(() => page.evaluate(() => getComputedStyle(document.body).backgroundColor))
		.toBe(background[theme.choice ?? theme.system]);
}

/**
 * Runs axe (see `axeTags`) over the page, or only the part matching `include`, and expects no
 * violations. Checks axe could not decide (mostly colour contrast over a gradient or an image)
 * are recorded as an `axe-incomplete` annotation on the test, so they can be reviewed.
 */
export async function expectNoAxeViolations(
	page: Page,
	label: string,
	include?: string,
): Promise<void> {
	let builder = new AxeBuilder({ page }).withTags(axeTags);
	if (include) builder = builder.include(include);
	const results = await builder.analyze();
	for (const rule of results.incomplete) {
		for (const node of rule.nodes) {
			test.info().annotations.push({
				type: 'axe-incomplete',
				description: `${label}: ${rule.id} ${node.target.join(' ')}: ${node.failureSummary ?? ''}`,
			});
		}
	}
	expect(
		results.violations.map(
			(v) =>
				`${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} (${n.failureSummary ?? ''})`).join(' | ')}`,
		),
		label,
	).toEqual([]);
	// color-contrast must have looked at something, or the contrast claim is empty.
	const contrast = [...results.passes, ...results.violations, ...results.incomplete].find(
		(r) => r.id === 'color-contrast',
	);
	expect(contrast?.nodes.length ?? 0, `${label}: color-contrast checked no text`).toBeGreaterThan(
		0,
	);
}
