import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseCsp } from '../../src/lib/security/csp.ts';
import { parseHeadersFile } from '../../src/lib/security/headers-file.ts';
import { cspHash } from '../../src/lib/security/hash.ts';
import { securityHeaders } from '../../src/lib/security/headers.ts';
import { inlineCode } from '../fixtures/inline-code.ts';
import { clientDir, loadSite, outDir } from './helpers/site.ts';

/**
 * The `_headers` file the build writes for static hosts: one rule for every URL, with the
 * security headers and a CSP that lets each built page run its own inline scripts and styles
 * (and nothing inline besides). `npm start` sends the same (tests/e2e/security-headers.spec.ts).
 */
const headersPath = join(clientDir, '_headers');

function siteRule(): Record<string, string> {
	const rules = parseHeadersFile(readFileSync(headersPath, 'utf8'));
	expect([...rules.keys()]).toEqual(['/*']);
	return rules.get('/*')!;
}

describe('_headers', () => {
	test('exists and holds every security header, HSTS and a hash-based CSP', () => {
		expect(existsSync(headersPath), `${headersPath} (run npm run build)`).toBe(true);
		const rule = siteRule();
		for (const [name, value] of Object.entries(securityHeaders))
			expect(rule[name], name).toBe(value);
		expect(rule['Strict-Transport-Security']).toBe('max-age=31536000; includeSubDomains');
		const csp = parseCsp(rule['Content-Security-Policy'] ?? '');
		expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
		for (const directive of ['script-src', 'style-src']) {
			expect(csp.get(directive), directive).not.toContain("'unsafe-inline'");
			expect(csp.get(directive), directive).not.toContain("'unsafe-eval'");
			expect(
				csp.get(directive)?.some((s) => s.startsWith("'sha256-")),
				directive,
			).toBe(true);
		}
	});

	test("allows every built page's inline scripts and styles, and the pages have no other inline code", async () => {
		const csp = parseCsp(siteRule()['Content-Security-Policy'] ?? '');
		const { pages } = await loadSite();
		expect(pages.length).toBeGreaterThan(20);
		const problems: string[] = [];
		for (const page of pages) {
			const { scripts, styles } = inlineCode(page.html);
			for (const code of scripts) {
				if (!csp.get('script-src')?.includes(`'${cspHash(code)}'`)) {
					problems.push(`${page.file}: script not in the CSP: ${code.slice(0, 80)}`);
				}
			}
			for (const code of styles) {
				if (!csp.get('style-src')?.includes(`'${cspHash(code)}'`)) {
					problems.push(`${page.file}: style not in the CSP: ${code.slice(0, 80)}`);
				}
			}
			// Attributes no hash can allow: they would need 'unsafe-inline' (or 'unsafe-hashes').
			for (const [found] of page.html.matchAll(/<[^>]*\s(?:style|on[a-z]+)=[^>]*>/gi)) {
				problems.push(`${page.file}: inline attribute in ${found.slice(0, 80)}`);
			}
			if (/href="javascript:/i.test(page.html)) problems.push(`${page.file}: javascript: URL`);
			// A <meta> policy cannot carry frame-ancestors; the policy is a header only.
			if (/http-equiv="content-security-policy"/i.test(page.html)) {
				problems.push(`${page.file}: CSP <meta>`);
			}
		}
		expect(problems).toEqual([]);
	});

	test('is the only copy of the policy: no per-route header map from the Node adapter', () => {
		// The Node adapter would write one entry per page (src/integrations/security-headers.ts);
		// the server sends _headers instead (tests/e2e/security-headers.spec.ts).
		expect(existsSync(join(outDir, '_headers.json'))).toBe(false);
	});
});
