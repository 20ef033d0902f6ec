/**
 * The finder's answer for one domain: a known e-mail domain straight from the provider data,
 * any other domain by its MX records. Every answer has a guide to open; none is an error.
 */
import { providerForDomain, type FinderGuides, type ProviderGuide } from './guides.ts';
import { matchMx } from './mx-match.ts';
import type { MxLookup } from './resolver.ts';

/** Why no provider was named, when none was. */
export type UnmatchedReason =
	/** The MX hosts belong to no provider we know (a hosting company, most likely). */
	| 'unknown'
	/** A filtering service receives the mail first; the mailbox behind it cannot be seen. */
	| 'filtered'
	/** DNS says the domain does not exist (often a typing error). */
	| 'no-domain'
	/** DNS did not answer in time or failed: nothing could be checked. */
	| 'not-checked';

/** The finder's answer (the API's JSON body, less `domain`). */
export interface FinderAnswer {
	provider: { id: string; name: string } | null;
	/** The guide to open: the provider's, or the own-domain guide. */
	guide: string;
	/** Whether the guide is a whole guide (false: a settings table in a general article). */
	isGuide: boolean;
	/** Whether the domain's mail could be checked (false: DNS failed or the domain is unknown). */
	checked: boolean;
	/** How the provider was found: its own e-mail domain, or the domain's MX records. */
	via: 'domain' | 'mx' | null;
	/** Why there is no provider; null when there is one. */
	reason: UnmatchedReason | null;
}

function found(p: ProviderGuide, via: 'domain' | 'mx'): FinderAnswer {
	const provider = { id: p.id, name: p.name };
	return { provider, guide: p.href, isGuide: p.isGuide, checked: true, via, reason: null };
}

function unmatched(guides: FinderGuides, reason: UnmatchedReason): FinderAnswer {
	const checked = reason === 'unknown' || reason === 'filtered';
	return { provider: null, guide: guides.fallback, isGuide: true, checked, via: null, reason };
}

/** Whether `domain` is answered from the data alone (no DNS). */
export function isKnownDomain(domain: string, guides: FinderGuides): boolean {
	return providerForDomain(domain, guides.providers) !== null;
}

/** Finds the guide for an already normalised ASCII domain. */
export async function findGuide(
	domain: string,
	guides: FinderGuides,
	lookup: MxLookup,
): Promise<FinderAnswer> {
	const known = providerForDomain(domain, guides.providers);
	if (known) return found(known, 'domain');
	const outcome = await lookup(domain);
	if (outcome.kind === 'no-domain') return unmatched(guides, 'no-domain');
	if (outcome.kind === 'failed') return unmatched(guides, 'not-checked');
	const match = matchMx(outcome.records, guides.providers);
	if (match.kind === 'provider') return found(match.provider, 'mx');
	return unmatched(guides, match.kind);
}
