import type { Locale } from '../i18n/locales.ts';

/** What names a provider record for readers: its brand and, for one of several records, which. */
export interface ProviderName {
	name: string;
	variant?: { readonly [L in Locale]: string } | undefined;
}

/**
 * The provider with `id`; a build error naming `where` (the component and prop) when there is
 * none, so a typo in an article stops the build instead of rendering an empty box.
 */
export function findProvider<P extends { id: string }>(
	providers: readonly P[],
	id: string,
	where: string,
): P {
	const provider = providers.find((p) => p.id === id);
	if (!provider) throw new Error(`${where}: unknown provider id "${id}"`);
	return provider;
}

/** "Zoho Mail (eigen domein, datacenter in de EU)", or just the name when the brand has one record. */
export function providerLabel(p: ProviderName, lang: Locale): string {
	return p.variant ? `${p.name} (${p.variant[lang]})` : p.name;
}

/** The part of a provider that e-mail matching needs (also shipped to the browser). */
export interface ProviderDomains {
	id: string;
	domains: readonly string[];
}

/**
 * Extracts the lower-cased domain of an e-mail address, or null when it is not an address.
 * Accepts surrounding spaces and a trailing dot (`jan@me.com.`).
 */
export function emailDomain(input: string): string | null {
	const match = /^[^\s@]+@([^\s@]+?)\.?$/.exec(input.trim());
	const domain = match?.[1]?.toLowerCase();
	if (!domain || !/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(domain)) return null;
	return domain;
}

/**
 * Finds the provider that serves an e-mail address: exact domain or any subdomain of it
 * (`jan@mail.kpnmail.nl` → KPN), case-insensitive. Null for an unknown domain or bad input.
 */
export function matchProvider<P extends ProviderDomains>(
	email: string,
	providers: readonly P[],
): P | null {
	const domain = emailDomain(email);
	if (!domain) return null;
	return (
		providers.find((p) => p.domains.some((d) => domain === d || domain.endsWith(`.${d}`))) ?? null
	);
}
