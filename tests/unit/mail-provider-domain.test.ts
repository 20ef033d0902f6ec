import { domainToASCII } from 'node:url';
import { describe, expect, test } from 'vitest';
import {
	browserToAscii,
	normaliseDomain,
	type DomainProblem,
} from '../../src/lib/mail-provider/domain.ts';
import { parseFinderQuery } from '../../src/lib/mail-provider/query.ts';

const valid: [string, string][] = [
	['jouwbedrijf.nl', 'jouwbedrijf.nl'],
	['  JouwBedrijf.NL  ', 'jouwbedrijf.nl'],
	['jouwbedrijf.nl.', 'jouwbedrijf.nl'],
	['café.nl', 'xn--caf-dma.nl'],
	['XN--CAF-DMA.NL', 'xn--caf-dma.nl'],
	['bücher.example.de', 'xn--bcher-kva.example.de'],
	['mail.sub.domain.co.uk', 'mail.sub.domain.co.uk'],
	['a-b.nl', 'a-b.nl'],
	['例え.テスト', 'xn--r8jz45g.xn--zckzah'],
	[`${'a'.repeat(63)}.nl`, `${'a'.repeat(63)}.nl`],
];

const refused: [string, DomainProblem][] = [
	['', 'empty'],
	['   ', 'empty'],
	['.', 'empty'],
	['1.2.3.4', 'ip-literal'],
	['0x7f.1', 'ip-literal'],
	['127.1', 'ip-literal'],
	['[::1]', 'ip-literal'],
	['2001:db8::1', 'ip-literal'],
	['jouwbedrijf.nl:25', 'ip-literal'],
	['localhost', 'invalid'],
	['nl', 'invalid'],
	['a..nl', 'invalid'],
	['-a.nl', 'invalid'],
	['a-.nl', 'invalid'],
	['a_b.nl', 'invalid'],
	['ex ample.nl', 'invalid'],
	['example.123', 'invalid'],
	['a/b.nl', 'invalid'],
	['a?b.nl', 'invalid'],
	[`${'a'.repeat(64)}.nl`, 'label-too-long'],
	[`${'abcdefghi.'.repeat(26)}nl`, 'too-long'],
	['x'.repeat(5000), 'too-long'],
];

describe('normaliseDomain()', () => {
	for (const [name, toAscii] of [
		['Node (domainToASCII)', domainToASCII],
		['the browser (URL)', browserToAscii],
	] as const) {
		test.each(valid)(`${name}: %j becomes %s`, (input, domain) => {
			expect(normaliseDomain(input, toAscii)).toEqual({ ok: true, domain });
		});
		test.each(refused)(`${name}: refuses %j (%s)`, (input, problem) => {
			expect(normaliseDomain(input, toAscii)).toEqual({ ok: false, problem });
		});
	}

	test('a 253-character domain passes, 254 does not', () => {
		const name = (length: number) =>
			`${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(length - 195)}.nl`;
		expect(name(253)).toHaveLength(253);
		expect(normaliseDomain(name(253), domainToASCII).ok).toBe(true);
		expect(normaliseDomain(name(254), domainToASCII)).toEqual({ ok: false, problem: 'too-long' });
	});

	test('the API refuses a local part; the form keeps only the domain', () => {
		expect(normaliseDomain('jan@jouwbedrijf.nl', domainToASCII)).toEqual({
			ok: false,
			problem: 'local-part',
		});
		expect(normaliseDomain(' Jan.de.Vries@JouwBedrijf.nl ', domainToASCII, 'strip')).toEqual({
			ok: true,
			domain: 'jouwbedrijf.nl',
		});
		expect(normaliseDomain('"a@b"@café.nl', domainToASCII, 'strip')).toEqual({
			ok: true,
			domain: 'xn--caf-dma.nl',
		});
		expect(normaliseDomain('jan@', domainToASCII, 'strip')).toEqual({
			ok: false,
			problem: 'empty',
		});
	});
});

describe('parseFinderQuery()', () => {
	const parse = (query: string) => parseFinderQuery(new URLSearchParams(query));

	test('returns the normalised domain and the language (Dutch by default)', () => {
		expect(parse('domain=Caf%C3%A9.NL&lang=en')).toEqual({
			ok: true,
			query: { domain: 'xn--caf-dma.nl', lang: 'en' },
		});
		expect(parse('domain=jouwbedrijf.nl')).toEqual({
			ok: true,
			query: { domain: 'jouwbedrijf.nl', lang: 'nl' },
		});
	});

	test.each([
		['', 'domain', /is required/],
		['domain=', 'domain', /is required/],
		['domain=jan%40jouwbedrijf.nl', 'domain', /domain only/],
		['domain=10.0.0.1', 'domain', /not an IP address/],
		['domain=a..b', 'domain', /not a valid domain name/],
		['domain=jouwbedrijf.nl&lang=de', 'lang', /one of: nl, en/],
		['domain=a.nl&domain=b.nl', 'domain', /once/],
	])('%j: an error naming %s', (query, field, message) => {
		const result = parse(query);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors).toContainEqual({ field, message: expect.stringMatching(message) });
	});
});
