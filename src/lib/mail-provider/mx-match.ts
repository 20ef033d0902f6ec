/**
 * Which provider hosts a domain's mail, from its MX records: each provider's `mx` suffixes
 * (content/providers.json) matched against the MX host names. Pure: the DNS lookup is elsewhere.
 */

/** The part of a provider record MX matching reads. */
export interface MxProvider {
	id: string;
	mx: readonly string[];
}

/** One MX record: the host that takes the mail and its preference (lower is tried first). */
export interface MxRecord {
	exchange: string;
	priority: number;
}

/**
 * Mail filtering services that receive a domain's mail before passing it on to the real mailbox:
 * their MX hosts say nothing about where the reader signs in, so they never name a provider.
 */
export const filteringServices: readonly { name: string; suffix: string }[] = [
	{ name: 'Proofpoint', suffix: 'pphosted.com' },
	{ name: 'Proofpoint Essentials', suffix: 'ppe-hosted.com' },
	{ name: 'Mimecast', suffix: 'mimecast.com' },
	{ name: 'Barracuda', suffix: 'barracudanetworks.com' },
	{ name: 'Cisco Secure Email', suffix: 'iphmx.com' },
	{ name: 'Broadcom Email Security.cloud', suffix: 'messagelabs.com' },
	{ name: 'Hornetsecurity', suffix: 'hornetsecurity.com' },
	{ name: 'SpamExperts', suffix: 'spamexperts.com' },
	{ name: 'SpamExperts', suffix: 'antispamcloud.com' },
	{ name: 'Sophos Email', suffix: 'sophos.com' },
	{ name: 'Trend Micro Email Security', suffix: 'trendmicro.com' },
	{ name: 'Trend Micro Email Security', suffix: 'trendmicro.eu' },
	{ name: 'Forcepoint Email Security', suffix: 'mailcontrol.com' },
];

/** What the MX records say: a provider, a filtering service in front, or nothing we know. */
export type MxMatch<P> =
	{ kind: 'provider'; provider: P } | { kind: 'filtered'; service: string } | { kind: 'unknown' };

/** The host name as DNS compares it: lower case, without the root's trailing dot. */
function canonical(host: string): string {
	return host.trim().toLowerCase().replace(/\.$/, '');
}

/**
 * Whether `host` is `suffix` or lies under it, on a label boundary: `mail.protection.outlook.com`
 * matches `contoso-com.mail.protection.outlook.com` but not `evilmail.protection.outlook.com`.
 */
export function hostMatches(host: string, suffix: string): boolean {
	const h = canonical(host);
	const s = canonical(suffix);
	return s !== '' && (h === s || h.endsWith(`.${s}`));
}

/** The provider whose `mx` suffixes take `host`, the longest suffix winning; or null. */
export function providerForHost<P extends MxProvider>(
	host: string,
	providers: readonly P[],
): P | null {
	let best: { provider: P; length: number } | null = null;
	for (const provider of providers) {
		for (const suffix of provider.mx) {
			if (hostMatches(host, suffix) && suffix.length > (best?.length ?? -1)) {
				best = { provider, length: suffix.length };
			}
		}
	}
	return best?.provider ?? null;
}

/**
 * Matches a domain's MX records. Mail goes to the most preferred hosts first, so those decide:
 * when they all belong to one provider, that is the answer; a filtering service among them, hosts
 * of different providers or a host nobody claims give no provider (a guess could send the reader
 * to the wrong guide). A null MX (RFC 7505: `.`, the domain takes no mail) is unknown too.
 */
export function matchMx<P extends MxProvider>(
	records: readonly MxRecord[],
	providers: readonly P[],
): MxMatch<P> {
	const usable = records.filter((r) => canonical(r.exchange) !== '');
	if (usable.length === 0) return { kind: 'unknown' };
	const best = Math.min(...usable.map((r) => r.priority));
	const primary = usable.filter((r) => r.priority === best);
	for (const record of primary) {
		const filter = filteringServices.find((f) => hostMatches(record.exchange, f.suffix));
		if (filter) return { kind: 'filtered', service: filter.name };
	}
	const found = primary.map((r) => providerForHost(r.exchange, providers));
	const first = found[0];
	if (!first || found.some((p) => p !== first)) return { kind: 'unknown' };
	return { kind: 'provider', provider: first };
}
