/**
 * `GET /api/mail-provider` over real DNS: the handler with the production lookup
 * (`node:dns/promises`, cached) pointed by `MAIL_PROVIDER_DNS_SERVER` at a DNS server this test
 * starts on 127.0.0.1 (tests/fixtures/dns-server.ts), and a SQLite store for the rate limit.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mailProviderConfig } from '../../src/lib/mail-provider/config.ts';
import { createMailProviderHandler } from '../../src/lib/mail-provider/handler.ts';
import {
	cachedLookup,
	defaultCacheOptions,
	dnsMxLookup,
	lookupTimeoutMs,
} from '../../src/lib/mail-provider/resolver.ts';
import { startFixtureDns, type FixtureDns } from '../fixtures/dns-server.ts';
import { secret, tempSqlite } from '../fixtures/feedback.ts';
import { finderRequest, guides } from '../fixtures/mail-provider.ts';

let dns: FixtureDns;
let db: Awaited<ReturnType<typeof tempSqlite>>;

beforeAll(async () => {
	dns = await startFixtureDns();
	db = await tempSqlite();
});
afterAll(async () => {
	await dns.close();
	await db.cleanup();
});

/** The handler as the server builds it, from environment variables. */
function serverHandler(env: Record<string, string>) {
	const config = mailProviderConfig({ MAIL_PROVIDER_DNS_SERVER: dns.address, ...env });
	const now = () => new Date();
	return createMailProviderHandler({
		guides,
		lookup: cachedLookup(dnsMxLookup(config.dnsServers), { ...defaultCacheOptions, now }),
		store: () => Promise.resolve(db.store),
		secret,
		rate: config.rate,
		now,
	});
}

async function ask(
	handle: ReturnType<typeof serverHandler>,
	domain: string,
	address = '192.0.2.1',
) {
	const response = await handle(finderRequest({ domain, lang: 'en' }), { clientAddress: address });
	return { response, body: (await response.json()) as Record<string, unknown> };
}

describe('GET /api/mail-provider against a DNS server on 127.0.0.1', () => {
	const handle = () => serverHandler({ MAIL_PROVIDER_RATE: '1000/600' });

	test.each([
		['m365.example.test', 'microsoft-365', '/en/microsoft-365/'],
		['workspace.example.test', 'google-workspace', '/en/google-workspace/'],
	])('%s: MX on the %s pattern gives its guide', async (domain, id, guide) => {
		const { response, body } = await ask(handle(), domain);
		expect(response.status).toBe(200);
		expect(body).toMatchObject({ domain, provider: { id }, guide, checked: true, via: 'mx' });
		expect(dns.queries).toContain(domain);
	});

	test.each([
		['filtered.example.test', 'filtered'],
		['mimecast.example.test', 'filtered'],
		['hosted.example.test', 'unknown'],
		['nodata.example.test', 'unknown'],
	])('%s: no provider (%s), checked, the own-domain guide', async (domain, reason) => {
		const { response, body } = await ask(handle(), domain);
		expect(response.status).toBe(200);
		expect(body).toMatchObject({
			provider: null,
			guide: '/en/own-domain-mail/',
			checked: true,
			reason,
		});
	});

	test('NXDOMAIN: 200, not checked, the own-domain guide', async () => {
		const { response, body } = await ask(handle(), 'does-not-exist.example.test');
		expect(response.status).toBe(200);
		expect(body).toMatchObject({ provider: null, checked: false, reason: 'no-domain' });
	});

	test('SERVFAIL: 200, not checked', async () => {
		const { response, body } = await ask(handle(), 'broken.example.test');
		expect(response.status).toBe(200);
		expect(body).toMatchObject({ provider: null, checked: false, reason: 'not-checked' });
	});

	test('a server that never answers: 200 after at most the timeout, not checked', async () => {
		const started = Date.now();
		const { response, body } = await ask(handle(), 'slow.example.test');
		const took = Date.now() - started;
		expect(response.status).toBe(200);
		expect(body).toMatchObject({
			provider: null,
			guide: '/en/own-domain-mail/',
			checked: false,
			reason: 'not-checked',
		});
		expect(response.headers.get('cache-control')).toBe('no-store');
		expect(took).toBeLessThan(lookupTimeoutMs + 1500);
	});

	test('a known e-mail domain never reaches DNS; a looked-up domain is cached', async () => {
		const h = handle();
		const before = dns.queries.length;
		await ask(h, 'hotmail.nl');
		expect(dns.queries.length).toBe(before);
		await ask(h, 'm365.example.test');
		await ask(h, 'M365.Example.Test.');
		expect(dns.queries.length).toBe(before + 1);
	});

	test('bad domains: 400 problem+json naming the field, and no DNS query', async () => {
		const h = handle();
		const before = dns.queries.length;
		for (const domain of ['jan@m365.example.test', '127.0.0.1', '', `${'x'.repeat(64)}.test`]) {
			const { response, body } = await ask(h, domain);
			expect(response.status).toBe(400);
			expect(response.headers.get('content-type')).toBe('application/problem+json');
			expect(body['errors']).toEqual([{ field: 'domain', message: expect.any(String) }]);
		}
		expect(dns.queries.length).toBe(before);
	});

	test('MAIL_PROVIDER_RATE: 429 problem+json with Retry-After past the limit', async () => {
		const h = serverHandler({ MAIL_PROVIDER_RATE: '3/600' });
		for (let i = 0; i < 3; i++) {
			expect((await ask(h, 'hosted.example.test', '192.0.2.77')).response.status).toBe(200);
		}
		const { response, body } = await ask(h, 'hosted.example.test', '192.0.2.77');
		expect(response.status).toBe(429);
		expect(response.headers.get('content-type')).toBe('application/problem+json');
		expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
		expect(body['status']).toBe(429);
	});
});

describe('mailProviderConfig()', () => {
	test('reads servers with ports and the rate', () => {
		expect(
			mailProviderConfig({
				MAIL_PROVIDER_DNS_SERVER: '127.0.0.1:5353, [::1]:53',
				MAIL_PROVIDER_RATE: '5/60',
			}),
		).toEqual({ dnsServers: ['127.0.0.1:5353', '[::1]:53'], rate: { max: 5, windowSeconds: 60 } });
		expect(mailProviderConfig({}).dnsServers).toEqual([]);
	});

	test.each([
		['MAIL_PROVIDER_DNS_SERVER', 'dns.example.com'],
		['MAIL_PROVIDER_RATE', 'lots'],
		['MAIL_PROVIDER_RATE', '0/60'],
	])('%s=%s fails naming the variable', (name, value) => {
		expect(() => mailProviderConfig({ [name]: value })).toThrow(name);
	});
});
