import { describe, expect, test } from 'vitest';
import providers from '../../content/providers.json';
import {
	filteringServices,
	hostMatches,
	matchMx,
	providerForHost,
	type MxProvider,
} from '../../src/lib/mail-provider/mx-match.ts';

// The schema's default for a record without `mx` is no patterns.
const data: (MxProvider & { name: string })[] = (
	providers as { id: string; name: string; mx?: string[] }[]
).map((p) => ({ id: p.id, name: p.name, mx: p.mx ?? [] }));
const withMx = data.filter((p) => p.mx.length > 0);
const mx = (...hosts: [number, string][]) =>
	hosts.map(([priority, exchange]) => ({ priority, exchange }));

describe('hostMatches()', () => {
	test.each([
		['contoso-com.mail.protection.outlook.com', 'mail.protection.outlook.com', true],
		['CONTOSO-COM.MAIL.PROTECTION.OUTLOOK.COM.', 'mail.protection.outlook.com', true],
		['mail.protection.outlook.com', 'mail.protection.outlook.com', true],
		['evilmail.protection.outlook.com', 'mail.protection.outlook.com', false],
		['mail.protection.outlook.com.evil.example', 'mail.protection.outlook.com', false],
		['outlook.com', 'mail.protection.outlook.com', false],
		['anything.example', '', false],
	])('%s under %s: %s', (host, suffix, expected) => {
		expect(hostMatches(host, suffix)).toBe(expected);
	});
});

describe('matchMx() for every provider in content/providers.json', () => {
	test('some providers have MX patterns', () => {
		expect(withMx.map((p) => p.id)).toEqual(
			expect.arrayContaining(['microsoft-365', 'google-workspace', 'zoho-business', 'strato']),
		);
	});

	for (const provider of withMx) {
		for (const suffix of provider.mx) {
			test(`${provider.id}: an MX host under ${suffix} (any case, trailing dot) names it`, () => {
				for (const host of [`mx1.${suffix}`, `MX1.${suffix.toUpperCase()}.`, suffix]) {
					const match = matchMx(mx([10, host]), data);
					expect(match).toEqual({ kind: 'provider', provider });
				}
			});

			test(`${provider.id}: a host that only ends in the letters of ${suffix} is unknown`, () => {
				expect(matchMx(mx([10, `evil${suffix}`]), data)).toEqual({ kind: 'unknown' });
			});
		}
	}

	test('no two providers claim the same MX suffix', () => {
		const suffixes = withMx.flatMap((p) => p.mx);
		expect(new Set(suffixes).size).toBe(suffixes.length);
	});

	test.each([
		['contoso-com.mail.protection.outlook.com', 'microsoft-365'],
		['aspmx.l.google.com', 'google-workspace'],
		['smtp.google.com', 'google-workspace'],
		['mx.zoho.eu', 'zoho-business-eu'],
		['mx.zoho.com', 'zoho-business'],
		['in1-smtp.messagingengine.com', 'fastmail'],
		['mail.protonmail.ch', 'proton'],
		['mx01.mail.icloud.com', 'icloud'],
		['smtpin.rzone.de', 'strato'],
		['mx00.kundenserver.de', 'ionos'],
		['hotmail-com.olc.protection.outlook.com', 'outlook'],
	])('the real-world host %s names %s', (host, id) => {
		expect(providerForHost(host, data)?.id).toBe(id);
	});
});

describe('matchMx() with filtering services and unknown hosts', () => {
	test.each(filteringServices.map((f) => [f.name, f.suffix]))(
		'%s (%s) in front gives no provider',
		(name, suffix) => {
			expect(matchMx(mx([10, `mx1.${suffix}`]), data)).toEqual({ kind: 'filtered', service: name });
		},
	);

	test('a filtering service wins over a provider host at the same preference', () => {
		const records = mx([10, 'x.mail.protection.outlook.com'], [10, 'mx0a-1.pphosted.com']);
		expect(matchMx(records, data)).toEqual({ kind: 'filtered', service: 'Proofpoint' });
	});

	test('the most preferred hosts decide; backups behind them do not', () => {
		expect(
			matchMx(mx([20, 'mx.hosting.example'], [10, 'eu-smtp-inbound-1.mimecast.com']), data),
		).toEqual({ kind: 'filtered', service: 'Mimecast' });
		expect(
			matchMx(mx([5, 'alt1.aspmx.l.google.com'], [1, 'aspmx.l.google.com']), data),
		).toMatchObject({ kind: 'provider', provider: { id: 'google-workspace' } });
		expect(matchMx(mx([10, 'mx.hosting.example'], [20, 'aspmx.l.google.com']), data)).toEqual({
			kind: 'unknown',
		});
	});

	test.each([
		['no records', []],
		['a host nobody claims', mx([10, 'mx.hosting-company.example'])],
		[
			'hosts of two providers at one preference',
			mx([10, 'aspmx.l.google.com'], [10, 'mx.zoho.eu']),
		],
		['a null MX (RFC 7505)', mx([0, ''])],
		['a null MX with its dot', mx([0, '.'])],
	])('%s: unknown', (_, records) => {
		expect(matchMx(records, data)).toEqual({ kind: 'unknown' });
	});
});
