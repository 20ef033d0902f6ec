/**
 * `npm run content:check` without the process around it: reads `content/` under a root, prints
 * the findings one per line (`file:line  severity  kind  message`) and returns the exit code.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkContent, type Finding } from './check.ts';
import { readArticles, readSite } from '../content/files.ts';
import { checkProviders, type ProviderFinding, type ProviderRecord } from './providers.ts';

/** A finding as one line, the file first so editors and CI logs link to it. */
export function formatFinding(finding: Finding | ProviderFinding): string {
	const line = 'line' in finding ? finding.line : undefined;
	const where = line === undefined ? finding.file : `${finding.file}:${line}`;
	return `${where}  ${finding.severity.padEnd(7)}  ${finding.kind}  ${finding.message}`;
}

/** The last line: how many errors and warnings in how many articles. */
export function findingsSummary(
	findings: readonly Pick<Finding, 'severity'>[],
	articles: number,
): string {
	const errors = findings.filter((f) => f.severity === 'error').length;
	const warnings = findings.length - errors;
	const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
	return `content:check: ${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(articles, 'article')}.`;
}

/** Runs the check on `root`; resolves to 1 when there is an error, else 0. */
export function runContentCheck(root: string, now: Date, write: (line: string) => void): 0 | 1 {
	const articles = readArticles(root);
	const providers = JSON.parse(
		readFileSync(join(root, 'content/providers.json'), 'utf8'),
	) as ProviderRecord[];
	const findings: (Finding | ProviderFinding)[] = [
		...checkProviders(providers, now),
		...checkContent(articles, readSite(root), now),
	];
	for (const finding of findings) write(formatFinding(finding));
	write(findingsSummary(findings, articles.length));
	return findings.some((f) => f.severity === 'error') ? 1 : 0;
}
