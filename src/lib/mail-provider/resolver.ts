/**
 * MX lookups over DNS (`node:dns/promises`), each answer or failure turned into an outcome the
 * finder can explain: the lookup never throws, so a DNS problem can never become a 5xx.
 */
import { Resolver } from 'node:dns/promises';
import type { MxRecord } from './mx-match.ts';

/** What DNS said about a domain's mail. */
export type MxOutcome =
	/** MX records (possibly none: the domain exists but names no mail host). */
	| { kind: 'records'; records: MxRecord[] }
	/** NXDOMAIN: there is no such domain (often a typing error). */
	| { kind: 'no-domain' }
	/** No answer in time, or an error: nothing is known. */
	| { kind: 'failed' };

/** Looks up the MX records of an ASCII domain. */
export type MxLookup = (domain: string) => Promise<MxOutcome>;

/** How long one lookup may take, and that it is tried once: a reader is waiting. */
export const lookupTimeoutMs = 2000;

/**
 * An MX lookup through `servers` (`ip` or `ip:port`; the system's resolvers when empty), with a
 * 2-second timeout and one try.
 * @throws when a server address is malformed (at start, naming nothing: the caller names the setting).
 */
export function dnsMxLookup(servers: readonly string[]): MxLookup {
	const resolver = new Resolver({ timeout: lookupTimeoutMs, tries: 1 });
	if (servers.length > 0) resolver.setServers([...servers]);
	return async (domain) => {
		try {
			const records = await resolver.resolveMx(domain);
			return {
				kind: 'records',
				records: records.map((r) => ({ exchange: r.exchange, priority: r.priority })),
			};
		} catch (error) {
			const code = (error as { code?: unknown }).code;
			// ENODATA: the name exists but has no MX records; ENOTFOUND: NXDOMAIN.
			if (code === 'ENODATA') return { kind: 'records', records: [] };
			if (code === 'ENOTFOUND') return { kind: 'no-domain' };
			return { kind: 'failed' };
		}
	};
}

/** Options for {@link cachedLookup}. */
export interface CacheOptions {
	/** How long an answer is reused, in seconds. */
	ttlSeconds: number;
	/** How long a failure is remembered (short: the next reader may get through). */
	failureTtlSeconds: number;
	/** At most this many domains are kept; the oldest entry goes first. */
	maxEntries: number;
	now: () => Date;
}

/** Five minutes of reuse for up to 1,000 domains: a busy hour costs a few kilobytes. */
export const defaultCacheOptions: Omit<CacheOptions, 'now'> = {
	ttlSeconds: 300,
	failureTtlSeconds: 30,
	maxEntries: 1000,
};

/**
 * `lookup` with its answers kept in this process's memory for a while. Only a cache: every
 * instance may hold its own, and losing it costs one lookup. Concurrent lookups of one domain
 * share one query.
 */
export function cachedLookup(lookup: MxLookup, options: CacheOptions): MxLookup {
	const entries = new Map<string, { expires: number; outcome: Promise<MxOutcome> }>();
	return (domain) => {
		const now = options.now().getTime();
		const hit = entries.get(domain);
		if (hit && hit.expires > now) return hit.outcome;
		entries.delete(domain);
		while (entries.size >= options.maxEntries) {
			const oldest = entries.keys().next().value;
			if (oldest === undefined) break;
			entries.delete(oldest);
		}
		const outcome = lookup(domain);
		const entry = { expires: now + lookupTimeoutMs * 2, outcome };
		entries.set(domain, entry);
		outcome.then(
			(result) => {
				const ttl = result.kind === 'failed' ? options.failureTtlSeconds : options.ttlSeconds;
				entry.expires = options.now().getTime() + ttl * 1000;
			},
			// A lookup that broke its promise not to reject is not kept; the caller sees the error.
			() => entries.delete(domain),
		);
		return outcome;
	};
}
