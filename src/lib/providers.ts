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

/** How many tones provider marks come in (`.hc-mark--0` … in ProviderList.astro). */
export const markTones = 8;

/**
 * A provider's mark: the first letter or digit of its brand and one of {@link markTones} tones,
 * picked from the brand name so that the same brand always looks the same, in every list and
 * language. Our own neutral sign, not the provider's logo.
 */
export function providerMark(name: string): { initial: string; tone: number } {
	const initial = name.match(/[\p{L}\p{N}]/u)?.[0] ?? '@';
	// FNV-1a: brands that share an initial (Gmail, GMX, Google Workspace) get different tones.
	let hash = 0x811c9dc5;
	for (const char of name.toLowerCase()) {
		hash = Math.imul(hash ^ char.codePointAt(0)!, 0x01000193) >>> 0;
	}
	hash ^= hash >>> 16;
	return { initial, tone: (hash >>> 0) % markTones };
}
