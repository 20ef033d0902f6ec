import axe, { type AxeResults, type ElementContext, type RunOptions } from 'axe-core';
import { expect, test, type Page } from '@playwright/test';
import { installColourTools, type ColourTools } from './a11y-colour.ts';

/**
 * The rules every scan runs: WCAG 2.0–2.2 level A and AA, and axe's best practices (the rules
 * axe runs by default). Naming the tags also switches on the WCAG 2.2 rules axe leaves off by
 * default, such as target-size.
 */
export const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** The axe rules whose outcome depends on colours (of WCAG 2.2 A/AA). */
const colourRules = ['color-contrast', 'link-in-text-block'];

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
 * violations. Checks axe could not decide are recorded as `axe-incomplete` annotations on the
 * test, so they can be reviewed; the contrast of text axe gave up on because of a gradient or a
 * pseudo-element is measured here instead (`judgeUndecidedContrast`).
 */
export async function expectNoAxeViolations(
	page: Page,
	label: string,
	{ include, colourOnly = false }: { include?: string; colourOnly?: boolean } = {},
): Promise<void> {
	const results = await runAxe(page, label, include, {
		runOnly: colourOnly ? { type: 'rule', values: colourRules } : { type: 'tag', values: axeTags },
	});
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
	expect(await judgeUndecidedContrast(page, results.incomplete), `${label}: contrast`).toEqual([]);
	// color-contrast must have looked at something, or the contrast claim is empty.
	const contrast = [...results.passes, ...results.violations, ...results.incomplete].find(
		(r) => r.id === 'color-contrast',
	);
	expect(contrast?.nodes.length ?? 0, `${label}: color-contrast checked no text`).toBeGreaterThan(
		0,
	);
}

/**
 * Runs axe-core in the page. It is put into a document once and run there as often as needed:
 * `@axe-core/playwright` injects it again for every scan and finishes each in a new blank page,
 * which made a scan take 1–3 s instead of 0.1–0.4 s. Our pages have no frames, so none is left
 * unscanned; a page that gains one fails here and would need axe in each frame.
 */
type AxeRun = { run(context: ElementContext, options: RunOptions): Promise<AxeResults> };

async function runAxe(
	page: Page,
	label: string,
	include: string | undefined,
	options: RunOptions,
): Promise<AxeResults> {
	expect(
		page.frames().map((f) => f.url()),
		`${label}: a frame axe would not scan`,
	).toHaveLength(1);
	if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
	return page.evaluate(
		([include, options]) =>
			(window as unknown as { axe: AxeRun }).axe.run(
				include ? { include: [include] } : document,
				options,
			),
		[include, options] as const,
	);
}

/**
 * Why axe left a contrast check undecided where the colours are still known: a gradient behind,
 * a pseudo-element beside, text too short for axe to call it text, or text inside an image (the
 * dashboard chart's SVG labels; an image itself is left undecided).
 */
const judgeable = new Set(['bgGradient', 'pseudoContent', 'shortTextContent', 'imgNode']);

/**
 * Measures the contrast axe could not (see `judgeable`): against every stop of a gradient, since
 * the text may sit on any part of it, or else against the backgrounds of the element and its
 * ancestors, with the text's own and its ancestors' opacity. Returns the failures.
 */
async function judgeUndecidedContrast(
	page: Page,
	incomplete: AxeResults['incomplete'],
): Promise<string[]> {
	const nodes = incomplete
		.filter((rule) => rule.id === 'color-contrast')
		.flatMap((rule) => rule.nodes)
		.map((node) => {
			const data = node.any[0]?.data as
				{ messageKey?: string; expectedContrastRatio?: string } | undefined;
			return {
				selector: node.target.join(' '),
				reason: data?.messageKey ?? '',
				required: parseFloat(data?.expectedContrastRatio ?? '4.5'),
			};
		})
		.filter((node) => judgeable.has(node.reason) && !node.selector.includes(','));
	if (!nodes.length) return [];
	await installColourTools(page);
	return page.evaluate((list) => {
		const { parse, contrast, over, backdrops } = (window as unknown as { hcColour: ColourTools })
			.hcColour;
		const failures: string[] = [];
		for (const { selector, required, reason } of list) {
			const element = document.querySelector(selector);
			if (!element) {
				failures.push(`${selector}: not found to measure`);
				continue;
			}
			if (reason === 'imgNode' && !(element instanceof SVGTextContentElement)) continue;
			const style = getComputedStyle(element);
			// SVG text is painted with fill, unless that is a paint server (a gradient, a pattern).
			const paint = element instanceof SVGElement ? style.fill : style.color;
			const parsed = parse(paint);
			if (!parsed) {
				failures.push(`${selector}: cannot read its colour "${paint}"`);
				continue;
			}
			const [r, g, b, a] = parsed;
			let opacity = a;
			for (let el: Element | null = element; el; el = el.parentElement) {
				opacity *= parseFloat(getComputedStyle(el).opacity);
			}
			for (const backdrop of backdrops(element)) {
				const ratio = contrast(over([r, g, b, opacity], backdrop), backdrop);
				if (ratio < required) {
					failures.push(
						`${selector}: ${ratio.toFixed(2)}:1 (needs ${required}:1) on rgb(${backdrop.map(Math.round).join(', ')})`,
					);
				}
			}
		}
		return failures;
	}, nodes);
}

/**
 * Scans the page (or the part matching `include`) in each theme. The system's light and dark
 * themes get every rule; a theme picked in the switch changes only colours, so its scans run only
 * the colour rules, proving the picked theme looks like the system's.
 */
export async function expectNoAxeViolationsInThemes(
	page: Page,
	label: string,
	{ include, only = themes }: { include?: string; only?: readonly Theme[] } = {},
): Promise<void> {
	for (const theme of only) {
		await applyTheme(page, theme);
		await expectNoAxeViolations(page, `${label} (${theme.name})`, {
			...(include ? { include } : {}),
			colourOnly: theme.choice !== undefined,
		});
	}
}
