import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type APIResponse } from '@playwright/test';
import { parseCsp } from '../../src/lib/security/csp.ts';
import { parseHeadersFile } from '../../src/lib/security/headers-file.ts';
import { cspHash } from '../../src/lib/security/hash.ts';
import { resourceCsp, securityHeaders } from '../../src/lib/security/headers.ts';
import { inlineCode } from '../fixtures/inline-code.ts';

/**
 * Every kind of response `npm start` sends carries the security headers, with a CSP that allows
 * no inline code but the page's own hashed scripts and styles, and the same values as the
 * `_headers` file the build wrote for static hosts.
 */

const outDir = process.env['HC_OUT_DIR'] ?? 'dist';
const siteRule = parseHeadersFile(readFileSync(join(outDir, 'client/_headers'), 'utf8')).get('/*');
const hsts = 'strict-transport-security';

interface Case {
	name: string;
	path: string;
	status: number;
	/** html: a page (its own CSP); resource: an API answer or redirect (`resourceCsp`). */
	kind: 'static' | 'html' | 'resource';
	method?: 'GET' | 'POST';
}

const cases: Case[] = [
	{ name: 'root redirect', path: '/', status: 302, kind: 'static' },
	...(['nl', 'en'] as const).flatMap((lang): Case[] => [
		{ name: `${lang} home`, path: `/${lang}/`, status: 200, kind: 'static' },
		{ name: `${lang} category`, path: `/${lang}/providers/`, status: 200, kind: 'static' },
		{ name: `${lang} article`, path: `/${lang}/icloud-mail/`, status: 200, kind: 'static' },
		{
			name: `${lang} search page`,
			path: lang === 'nl' ? '/nl/zoeken/?q=icloud' : '/en/search/?q=icloud',
			status: 200,
			kind: 'static',
		},
		{ name: `${lang} 404`, path: `/${lang}/no-such-page/`, status: 404, kind: 'html' },
		{
			name: `${lang} finder page (no JavaScript, bad input)`,
			path: lang === 'nl' ? '/nl/zoek-handleiding/?email=piet' : '/en/find-guide/?email=piet',
			status: 400,
			kind: 'html',
		},
		{
			name: `${lang} finder redirect (no JavaScript)`,
			path:
				lang === 'nl'
					? '/nl/zoek-handleiding/?email=jan%40me.com'
					: '/en/find-guide/?email=jan%40me.com',
			status: 303,
			kind: 'resource',
		},
		{
			name: `${lang} admin login`,
			path: `/admin/feedback/?lang=${lang}`,
			status: 200,
			kind: 'html',
		},
	]),
	{ name: 'asset', path: '/favicon.svg', status: 200, kind: 'static' },
	{
		name: 'feedback API error',
		path: '/api/feedback',
		status: 400,
		kind: 'resource',
		method: 'POST',
	},
	{ name: 'feedback API wrong method', path: '/api/feedback', status: 405, kind: 'resource' },
	{
		name: 'finder API',
		path: '/api/mail-provider?domain=gmail.com',
		status: 200,
		kind: 'resource',
	},
	{
		name: 'finder API error',
		path: '/api/mail-provider?domain=1.2.3.4',
		status: 400,
		kind: 'resource',
	},
];

async function fetchCase(
	request: import('@playwright/test').APIRequestContext,
	c: Case,
	headers: Record<string, string> = {},
): Promise<APIResponse> {
	const options = { headers, maxRedirects: 0, failOnStatusCode: false };
	return c.method === 'POST'
		? request.post(c.path, {
				...options,
				headers: { ...headers, 'Content-Type': 'application/json' },
				data: '{"not":"a vote"}',
			})
		: request.get(c.path, options);
}

test('the build wrote _headers with a page CSP and every security header', () => {
	expect(siteRule).toBeDefined();
	for (const [name, value] of Object.entries(securityHeaders)) {
		expect(siteRule![name], name).toBe(value);
	}
	expect(siteRule!['Strict-Transport-Security']).toMatch(/^max-age=\d{7,}/);
	expect(siteRule!['Content-Security-Policy']).toMatch(/script-src 'self'.* 'sha256-/);
});

for (const c of cases) {
	test(`${c.name}: security headers and a strict CSP`, async ({ request }) => {
		const response = await fetchCase(request, c);
		expect(response.status()).toBe(c.status);
		const headers = response.headers();
		for (const [name, value] of Object.entries(securityHeaders)) {
			expect(headers[name.toLowerCase()], name).toBe(value);
		}
		expect(headers[hsts], 'no HSTS over plain HTTP').toBeUndefined();

		const policy = headers['content-security-policy'] ?? '';
		const csp = parseCsp(policy);
		expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
		expect(csp.get('default-src')).toEqual(["'none'"]);
		expect(csp.get('base-uri')).toEqual(["'none'"]);
		if (c.kind === 'resource') {
			expect(policy).toBe(resourceCsp);
			return;
		}
		const scriptSrc = csp.get('script-src') ?? [];
		const styleSrc = csp.get('style-src') ?? [];
		expect(scriptSrc).toContain("'self'");
		for (const loose of ["'unsafe-inline'", "'unsafe-eval'", '*', 'data:', 'http:', 'https:']) {
			expect(scriptSrc, `script-src has ${loose}`).not.toContain(loose);
			expect(styleSrc, `style-src has ${loose}`).not.toContain(loose);
		}
		expect(csp.get('object-src')).toEqual(["'none'"]);
		if (c.kind === 'static') {
			// A prerendered page, a file or the redirect: the value the static hosts get.
			expect(policy).toBe(siteRule!['Content-Security-Policy']);
		}
		if (c.status !== 302 && headers['content-type']?.startsWith('text/html')) {
			const { scripts, styles } = inlineCode(await response.text());
			expect(scripts.length + styles.length).toBeGreaterThan(0);
			for (const code of scripts) expect(scriptSrc).toContain(`'${cspHash(code)}'`);
			for (const code of styles) expect(styleSrc).toContain(`'${cspHash(code)}'`);
		}
	});
}

test('HSTS is sent when a proxy on this machine says the reader came over HTTPS', async ({
	request,
}) => {
	for (const c of cases) {
		const response = await fetchCase(request, c, { 'X-Forwarded-Proto': 'https' });
		expect(response.headers()[hsts], c.name).toBe(siteRule!['Strict-Transport-Security']);
	}
	const plain = await request.get('/nl/', { headers: { 'X-Forwarded-Proto': 'http' } });
	expect(plain.headers()[hsts]).toBeUndefined();
});

test('the _headers file itself is not served', async ({ request }) => {
	const response = await request.get('/_headers', { failOnStatusCode: false });
	expect(response.status()).toBe(404);
	expect(await response.text()).not.toContain('Content-Security-Policy');
});
