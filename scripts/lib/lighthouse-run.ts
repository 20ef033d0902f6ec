/**
 * Runs Lighthouse (the npm package, Node API) against a URL in Debian's Chromium with the default
 * mobile preset (a Moto G Power-sized screen, simulated slow 4G and a 4x slower CPU) and boils
 * the result down to a `PageResult`.
 */
import { launch, type LaunchedChrome } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { categories, type Category, type FailedAudit, type PageResult } from './audit-report.ts';

/** Starts headless Chromium for Lighthouse: CHROME_PATH, or /usr/bin/chromium. */
export function launchChrome(): Promise<LaunchedChrome> {
	const flags = ['--headless=new', '--disable-gpu', '--no-first-run'];
	// Chromium's sandbox refuses to run as root (containers, CI).
	if (process.getuid?.() === 0) flags.push('--no-sandbox');
	return launch({
		chromePath: process.env['CHROME_PATH'] ?? '/usr/bin/chromium',
		chromeFlags: flags,
	});
}

/** A page to audit; `skip` leaves audits out, each with the reason the report prints. */
export interface AuditTarget {
	label: string;
	url: string;
	skip?: Record<string, string>;
}

/**
 * Audits one page in the running Chromium.
 * @throws Error when Lighthouse cannot load the page (its runtime error, e.g. a 404).
 */
export async function auditPage(chrome: LaunchedChrome, target: AuditTarget): Promise<PageResult> {
	const skip = Object.keys(target.skip ?? {});
	const result = await lighthouse(target.url, {
		port: chrome.port,
		logLevel: 'error',
		output: 'json',
		onlyCategories: Object.keys(categories),
		...(skip.length ? { skipAudits: skip } : {}),
	});
	if (!result) throw new Error(`Lighthouse returned nothing for ${target.url}`);
	const { lhr } = result;
	if (lhr.runtimeError) throw new Error(`${target.url}: ${lhr.runtimeError.message}`);
	const scores = {} as Record<Category, number>;
	const failed: FailedAudit[] = [];
	for (const category of Object.keys(categories) as Category[]) {
		const entry = lhr.categories[category];
		scores[category] = Math.round((entry?.score ?? 0) * 100);
		for (const ref of entry?.auditRefs ?? []) {
			const audit = lhr.audits[ref.id];
			if (!audit || ref.weight === 0 || audit.score === null || audit.score >= 1) continue;
			failed.push({
				category,
				id: ref.id,
				title: audit.title,
				score: audit.score,
				display: audit.displayValue ?? '',
			});
		}
	}
	const numeric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
	return {
		label: target.label,
		url: target.url,
		scores,
		lcpMs: numeric('largest-contentful-paint'),
		tbtMs: numeric('total-blocking-time'),
		cls: numeric('cumulative-layout-shift'),
		failed,
		skipped: Object.entries(target.skip ?? {}).map(([id, reason]) => ({ id, reason })),
	};
}
