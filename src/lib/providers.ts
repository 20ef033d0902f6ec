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
