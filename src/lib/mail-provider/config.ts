/** The finder API's settings, read from the environment at its first request (see README.md). */
import { Resolver } from 'node:dns/promises';
import type { RateRule } from '../feedback/rate-limit.ts';
import { defaultMailProviderRate } from './handler.ts';

/** What the runtime needs from the environment. */
export interface MailProviderConfig {
	/** DNS servers to ask (`ip` or `ip:port`, `[ipv6]:port`); empty: the system's resolvers. */
	dnsServers: string[];
	/** Lookups per client address. */
	rate: RateRule;
}

type Env = Record<string, string | undefined>;

/**
 * Reads `MAIL_PROVIDER_DNS_SERVER` and `MAIL_PROVIDER_RATE`.
 * @throws an Error naming the variable when one is malformed.
 */
export function mailProviderConfig(env: Env): MailProviderConfig {
	const servers = (env['MAIL_PROVIDER_DNS_SERVER'] ?? '')
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean);
	try {
		// Node's own parser decides what a server address is; it throws on anything else.
		if (servers.length > 0) new Resolver().setServers(servers);
	} catch {
		throw new Error(
			`MAIL_PROVIDER_DNS_SERVER: expected IP addresses with optional ports, comma-separated, such as "127.0.0.1:5353", got "${env['MAIL_PROVIDER_DNS_SERVER']}".`,
		);
	}
	const value = env['MAIL_PROVIDER_RATE'];
	let rate = defaultMailProviderRate;
	if (value) {
		const match = /^(\d+)\/(\d+)$/.exec(value.trim());
		const max = Number(match?.[1]);
		const windowSeconds = Number(match?.[2]);
		if (!match || max < 1 || windowSeconds < 1) {
			throw new Error(
				`MAIL_PROVIDER_RATE: expected "<max lookups>/<window seconds>" such as "30/600", got "${value}".`,
			);
		}
		rate = { max, windowSeconds };
	}
	return { dnsServers: servers, rate };
}
