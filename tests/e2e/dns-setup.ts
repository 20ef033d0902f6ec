/**
 * Playwright's global setup: the fixture DNS server (tests/fixtures/dns-server.ts) on the port the
 * e2e servers' `MAIL_PROVIDER_DNS_SERVER` names, so the finder's lookups of own domains give
 * known answers (Microsoft 365, unknown hosts, NXDOMAIN) without the internet.
 */
import { e2eDnsPort } from '../../playwright.config.ts';
import { startFixtureDns } from '../fixtures/dns-server.ts';

export default async function dnsSetup(): Promise<() => Promise<void>> {
	const dns = await startFixtureDns(undefined, e2eDnsPort);
	return dns.close;
}
