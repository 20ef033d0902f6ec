import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, test } from 'vitest';
import { cachedLookup, type MxOutcome } from '../../src/lib/mail-provider/resolver.ts';
import { finderRequest, testFinderApi } from '../fixtures/mail-provider.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
	await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

async function api(overrides: Parameters<typeof testFinderApi>[0] = {}) {
	const test = await testFinderApi(overrides);
	cleanups.push(test.cleanup);
	return test;
}

/** Every row of every table of a SQLite database (but the migrations' own bookkeeping). */
function everyRow(path: string): Record<string, unknown[]> {
	const db = new DatabaseSync(path);
	try {
		const names = db
			.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
			.all()
			.map((r) => String(r['name']))
			.filter((name) => !/migration/i.test(name));
		return Object.fromEntries(names.map((n) => [n, db.prepare(`SELECT * FROM "${n}"`).all()]));
	} finally {
		db.close();
	}
}

const records = (...hosts: string[]): MxOutcome => ({
	kind: 'records',
	records: hosts.map((exchange, i) => ({ exchange, priority: i * 10 })),
});

describe('GET /api/mail-provider', () => {
	test('answers a known e-mail domain from the data, without DNS', async () => {
		const t = await api();
		const response = await t.handle(finderRequest({ domain: 'ME.com', lang: 'en' }));
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/json');
		expect(await response.json()).toEqual({
			domain: 'me.com',
			provider: { id: 'icloud', name: 'iCloud Mail' },
			guide: '/en/icloud-mail/',
			isGuide: true,
			checked: true,
			via: 'domain',
			reason: null,
		});
		expect(t.asked).toEqual([]);
	});

	test('a subdomain of a known domain is known too (mail.kpnmail.nl)', async () => {
		const t = await api();
		const body = (await (await t.handle(finderRequest('domain=mail.kpnmail.nl'))).json()) as {
			guide: string;
		};
		expect(body.guide).toBe('/nl/kpn-mail/');
		expect(t.asked).toEqual([]);
	});

	test.each([
		[
			'contoso.nl',
			records('contoso-nl.mail.protection.outlook.com'),
			'microsoft-365',
			'/nl/microsoft-365/',
		],
		[
			'bedrijf.nl',
			records('aspmx.l.google.com', 'alt1.aspmx.l.google.com'),
			'google-workspace',
			'/nl/google-workspace/',
		],
		['winkel.nl', records('smtpin.rzone.de'), 'strato', '/nl/own-domain-mail/'],
		['zaak.nl', records('mx.zoho.eu'), 'zoho-business-eu', '/nl/zoho-mail/'],
	])('looks up %s by its MX records: %s', async (domain, outcome, id, guide) => {
		const lookup = (d: string) =>
			Promise.resolve(d === domain ? outcome : ({ kind: 'failed' } as const));
		const t = await api({ lookup });
		const body = await (await t.handle(finderRequest({ domain }))).json();
		expect(body).toMatchObject({ provider: { id }, guide, checked: true, via: 'mx', reason: null });
	});

	test.each([
		['a host nobody claims', records('mx.hosting-company.example'), true, 'unknown'],
		['a filtering service', records('mx0a-1.pphosted.com'), true, 'filtered'],
		['no MX records', records(), true, 'unknown'],
		['NXDOMAIN', { kind: 'no-domain' } as const, false, 'no-domain'],
		['a DNS failure or timeout', { kind: 'failed' } as const, false, 'not-checked'],
	])('%s: 200, no provider, the own-domain guide', async (_, outcome, checked, reason) => {
		const t = await api({ lookup: () => Promise.resolve(outcome) });
		const response = await t.handle(finderRequest({ domain: 'jouwbedrijf.nl', lang: 'en' }));
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({
			domain: 'jouwbedrijf.nl',
			provider: null,
			guide: '/en/own-domain-mail/',
			isGuide: true,
			checked,
			via: null,
			reason,
		});
		expect(response.headers.get('cache-control')).toBe(
			reason === 'not-checked' ? 'no-store' : 'private, max-age=300',
		);
	});

	test('hands a domain no provider matched to the search log, and only such a domain', async () => {
		const recorded: unknown[][] = [];
		const logUnmatched = (...args: unknown[]) => {
			recorded.push(args);
			return Promise.resolve();
		};
		const hosts: Record<string, MxOutcome> = {
			'jouwbedrijf.nl': records('mx.hosting-company.example'),
			'kantoor.nl': records('kantoor-nl.mail.protection.outlook.com'),
		};
		const t = await api({
			logUnmatched,
			lookup: (d) => Promise.resolve(hosts[d] ?? { kind: 'no-domain' }),
		});
		await t.handle(finderRequest({ domain: 'jouwbedrijf.nl', lang: 'en' }));
		await t.handle(finderRequest({ domain: 'kantoor.nl' }));
		await t.handle(finderRequest({ domain: 'kpnmail.nl' }));
		await t.handle(finderRequest({ domain: 'typfout.nll' }));
		expect(recorded).toEqual([
			['jouwbedrijf.nl', 'en', 'unknown', new Date('2026-12-07T12:00:00Z')],
			['typfout.nll', 'nl', 'no-domain', new Date('2026-12-07T12:00:00Z')],
		]);
	});

	test('asks DNS for the ASCII form of an international domain', async () => {
		const t = await api();
		await t.handle(finderRequest({ domain: 'Café.NL.' }));
		expect(t.asked).toEqual(['xn--caf-dma.nl']);
	});

	test.each([
		['', 'domain'],
		['domain=jan%40jouwbedrijf.nl', 'domain'],
		['domain=192.168.1.1', 'domain'],
		['domain=%5B%3A%3A1%5D', 'domain'],
		[`domain=${'a'.repeat(64)}.nl`, 'domain'],
		['domain=jouwbedrijf.nl&lang=fr', 'lang'],
	])('%j: 400 problem+json naming %s, and no lookup', async (query, field) => {
		const t = await api();
		const response = await t.handle(finderRequest(query));
		expect(response.status).toBe(400);
		expect(response.headers.get('content-type')).toBe('application/problem+json');
		const problem = (await response.json()) as { status: number; errors: { field: string }[] };
		expect(problem.status).toBe(400);
		expect(problem.errors.map((e) => e.field)).toEqual([field]);
		expect(t.asked).toEqual([]);
	});

	test('other methods get a 405 naming GET and HEAD', async () => {
		const t = await api();
		const response = await t.handle(finderRequest('domain=a.nl', 'POST'));
		expect(response.status).toBe(405);
		expect(response.headers.get('allow')).toBe('GET, HEAD');
	});

	test('429 with Retry-After past the per-client limit; other clients go on', async () => {
		const t = await api({ rate: { max: 2, windowSeconds: 600 } });
		const from = (clientAddress: string) => ({ clientAddress });
		for (let i = 0; i < 2; i++) {
			expect((await t.handle(finderRequest('domain=a.nl'), from('203.0.113.1'))).status).toBe(200);
		}
		const limited = await t.handle(finderRequest('domain=a.nl'), from('203.0.113.1'));
		expect(limited.status).toBe(429);
		expect(limited.headers.get('content-type')).toBe('application/problem+json');
		expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
		expect((await t.handle(finderRequest('domain=a.nl'), from('203.0.113.2'))).status).toBe(200);
		t.advance(600);
		expect((await t.handle(finderRequest('domain=a.nl'), from('203.0.113.1'))).status).toBe(200);
	});

	test('stores nothing but a rate counter under a hash, never the address or the domain', async () => {
		const t = await api();
		await t.handle(finderRequest('domain=jouwbedrijf.nl'), { clientAddress: '203.0.113.9' });
		const rows = everyRow(t.path);
		expect(JSON.stringify(rows)).not.toMatch(/203\.0\.113\.9|jouwbedrijf/);
		expect(Object.entries(rows).filter(([, list]) => list.length > 0)).toEqual([
			[
				'rate_limits',
				[
					expect.objectContaining({
						bucket: expect.stringMatching(/^mail-provider:[0-9a-f]{64}$/),
					}),
				],
			],
		]);
	});

	test('a store failure is a 503 (logged), never a lookup without a limit', async () => {
		const t = await api({ store: () => Promise.reject(new Error('database down')) });
		const response = await t.handle(finderRequest('domain=jouwbedrijf.nl'));
		expect(response.status).toBe(503);
		expect(response.headers.get('retry-after')).toBe('30');
		expect(t.asked).toEqual([]);
		expect(t.logged).toHaveLength(1);
	});
});

describe('cachedLookup()', () => {
	function counting(outcome: MxOutcome = records('mx.example')) {
		const asked: string[] = [];
		const lookup = (domain: string) => {
			asked.push(domain);
			return Promise.resolve(outcome);
		};
		return { asked, lookup };
	}

	test('reuses an answer until its TTL has passed', async () => {
		let now = 0;
		const { asked, lookup } = counting();
		const cached = cachedLookup(lookup, {
			ttlSeconds: 60,
			failureTtlSeconds: 5,
			maxEntries: 10,
			now: () => new Date(now),
		});
		await cached('a.nl');
		await cached('a.nl');
		now += 59_000;
		await cached('a.nl');
		expect(asked).toEqual(['a.nl']);
		now += 2000;
		await cached('a.nl');
		expect(asked).toEqual(['a.nl', 'a.nl']);
	});

	test('remembers a failure only briefly', async () => {
		let now = 0;
		const { asked, lookup } = counting({ kind: 'failed' });
		const cached = cachedLookup(lookup, {
			ttlSeconds: 60,
			failureTtlSeconds: 5,
			maxEntries: 10,
			now: () => new Date(now),
		});
		await cached('a.nl');
		now += 6000;
		await cached('a.nl');
		expect(asked).toEqual(['a.nl', 'a.nl']);
	});

	test('holds at most maxEntries domains, dropping the oldest', async () => {
		const { asked, lookup } = counting();
		const cached = cachedLookup(lookup, {
			ttlSeconds: 60,
			failureTtlSeconds: 5,
			maxEntries: 2,
			now: () => new Date(0),
		});
		for (const d of ['a.nl', 'b.nl', 'c.nl', 'b.nl', 'c.nl', 'a.nl']) await cached(d);
		expect(asked).toEqual(['a.nl', 'b.nl', 'c.nl', 'a.nl']);
	});

	test('concurrent lookups of one domain share one query', async () => {
		const { asked, lookup } = counting();
		const cached = cachedLookup(lookup, {
			ttlSeconds: 60,
			failureTtlSeconds: 5,
			maxEntries: 10,
			now: () => new Date(0),
		});
		await Promise.all([cached('a.nl'), cached('a.nl'), cached('a.nl')]);
		expect(asked).toEqual(['a.nl']);
	});
});
