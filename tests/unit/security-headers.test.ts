import { describe, expect, test } from 'vitest';
import { csp, formatCsp, mergeCsp, parseCsp } from '../../src/lib/security/csp.ts';
import { formatHeadersFile, parseHeadersFile } from '../../src/lib/security/headers-file.ts';
import { cspHash } from '../../src/lib/security/hash.ts';
import { resourceCsp, securityHeaders } from '../../src/lib/security/headers.ts';
import { isHttps, parseTrustedProxies } from '../../src/lib/security/https.ts';
import { withSecurityHeaders } from '../../src/lib/security/response.ts';

describe('csp', () => {
	test('forbids framing, plugins, base changes and inline code by default', () => {
		expect(csp.directives).toContain("frame-ancestors 'none'");
		expect(csp.directives).toContain("default-src 'none'");
		expect(csp.directives).toContain("object-src 'none'");
		expect(csp.directives).toContain("base-uri 'none'");
		expect(JSON.stringify(csp)).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\*|data:|blob:/);
	});
});

describe('parseCsp()', () => {
	test('splits directives, lower-cases names and drops empty parts', () => {
		const parsed = parseCsp("Default-Src 'none';script-src 'self'  'sha256-a';;  ");
		expect([...parsed]).toEqual([
			['default-src', ["'none'"]],
			['script-src', ["'self'", "'sha256-a'"]],
		]);
	});

	test('round-trips through formatCsp()', () => {
		const policy = "default-src 'none'; script-src 'self' 'sha256-a'";
		expect(formatCsp(parseCsp(policy))).toBe(policy);
	});
});

describe('mergeCsp()', () => {
	test('unites the sources of each directive, in first-seen order, without repeats', () => {
		const merged = mergeCsp([
			"default-src 'none'; script-src 'self' 'sha256-a'; style-src 'self' 'sha256-x'",
			"default-src 'none';script-src 'self' 'sha256-b' 'sha256-a'",
			"frame-ancestors 'none'",
		]);
		expect(merged).toBe(
			"default-src 'none'; script-src 'self' 'sha256-a' 'sha256-b'; style-src 'self' 'sha256-x'; frame-ancestors 'none'",
		);
	});

	test('returns an empty policy for no policies', () => {
		expect(mergeCsp([])).toBe('');
	});
});

describe('cspHash()', () => {
	test('returns the sha256 source a browser computes for the exact text', () => {
		// The hash of the empty string, as in the CSP specification's examples.
		expect(cspHash('')).toBe('sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=');
		expect(cspHash('a ')).not.toBe(cspHash('a'));
	});
});

describe('formatHeadersFile() and parseHeadersFile()', () => {
	const rules = new Map([
		['/*', { 'X-Content-Type-Options': 'nosniff', 'Content-Security-Policy': "a 'b'; c d" }],
		['/nl/', { 'X-Frame-Options': 'DENY' }],
	]);

	test('writes a comment, then each pattern with its headers indented', () => {
		expect(formatHeadersFile(rules, 'first\nsecond')).toBe(
			"# first\n# second\n/*\n  X-Content-Type-Options: nosniff\n  Content-Security-Policy: a 'b'; c d\n/nl/\n  X-Frame-Options: DENY\n",
		);
	});

	test('reads back what it wrote, colons in values included', () => {
		expect(parseHeadersFile(formatHeadersFile(rules, 'x'))).toEqual(rules);
		expect(parseHeadersFile('/a\n\tLink: <https://x>; rel=preload\n').get('/a')).toEqual({
			Link: '<https://x>; rel=preload',
		});
	});

	test('names the line of a header outside any pattern or without a colon', () => {
		expect(() => parseHeadersFile('  X-A: b\n')).toThrow('_headers line 1');
		expect(() => parseHeadersFile('/*\n  no colon here\n')).toThrow('_headers line 2');
	});
});

describe('parseTrustedProxies()', () => {
	test('trusts a proxy on this machine by default', () => {
		expect([...parseTrustedProxies(undefined)]).toEqual(['127.0.0.1', '::1']);
	});

	test('reads a list of addresses, or none', () => {
		expect([...parseTrustedProxies(' 10.0.0.2, fd00::1 ')]).toEqual(['10.0.0.2', 'fd00::1']);
		expect(parseTrustedProxies('none').size).toBe(0);
	});

	test('names the variable and the entry that is not an address', () => {
		expect(() => parseTrustedProxies('10.0.0.2,proxy.local')).toThrow(
			'TRUSTED_PROXIES: expected comma-separated IP addresses or "none", got "proxy.local".',
		);
		expect(() => parseTrustedProxies('')).toThrow('TRUSTED_PROXIES');
	});
});

describe('isHttps()', () => {
	const trusted = parseTrustedProxies('127.0.0.1');
	const plain = { encrypted: false, remoteAddress: '127.0.0.1', forwardedProto: undefined };

	test('returns true for our own TLS, whoever asks', () => {
		expect(isHttps({ ...plain, encrypted: true, remoteAddress: '203.0.113.9' }, trusted)).toBe(
			true,
		);
	});

	test('believes X-Forwarded-Proto from a trusted proxy, IPv4-mapped address included', () => {
		expect(isHttps({ ...plain, forwardedProto: 'https' }, trusted)).toBe(true);
		expect(
			isHttps({ ...plain, remoteAddress: '::ffff:127.0.0.1', forwardedProto: 'HTTPS' }, trusted),
		).toBe(true);
		expect(isHttps({ ...plain, forwardedProto: 'https, http' }, trusted)).toBe(true);
		expect(isHttps({ ...plain, forwardedProto: 'http' }, trusted)).toBe(false);
		expect(isHttps(plain, trusted)).toBe(false);
	});

	test('ignores X-Forwarded-Proto from anyone else', () => {
		expect(
			isHttps({ ...plain, remoteAddress: '203.0.113.9', forwardedProto: 'https' }, trusted),
		).toBe(false);
		expect(isHttps({ ...plain, forwardedProto: 'https' }, parseTrustedProxies('none'))).toBe(false);
	});
});

describe('withSecurityHeaders()', () => {
	test('adds the headers, and the resource CSP to a response without a policy', () => {
		const response = withSecurityHeaders(Response.json({ ok: true }), false);
		for (const [name, value] of Object.entries(securityHeaders)) {
			expect(response.headers.get(name)).toBe(value);
		}
		expect(response.headers.get('Content-Security-Policy')).toBe(resourceCsp);
		expect(response.headers.has('Strict-Transport-Security')).toBe(false);
	});

	test("keeps a page's own CSP and adds HSTS over HTTPS", () => {
		const page = new Response('<p>', {
			headers: { 'Content-Security-Policy': "script-src 'self'" },
		});
		const response = withSecurityHeaders(page, true);
		expect(response.headers.get('Content-Security-Policy')).toBe("script-src 'self'");
		expect(response.headers.get('Strict-Transport-Security')).toMatch(/^max-age=31536000/);
	});

	test('gives an HTML page without a policy none of its own (astro dev computes none)', () => {
		const page = new Response('<p>', { headers: { 'Content-Type': 'text/html' } });
		const response = withSecurityHeaders(page, false);
		expect(response.headers.has('Content-Security-Policy')).toBe(false);
		expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
	});

	test('copies a response whose headers are immutable, keeping status and body', async () => {
		const response = withSecurityHeaders(Response.redirect('https://example.org/nl/', 303), false);
		expect(response.status).toBe(303);
		expect(response.headers.get('Location')).toBe('https://example.org/nl/');
		expect(response.headers.get('X-Frame-Options')).toBe('DENY');
		expect(await response.text()).toBe('');
	});
});
