/**
 * Where the finder sends a reader: per provider the guide about it, and the own-domain guide for
 * every domain it cannot place. Read from the site index, so the home page, the no-JS route and
 * the API give the same links.
 */
import type { Locale } from '../../i18n/locales.ts';
import type { ArticleSummary } from '../articles.ts';
import type { Provider } from '../schemas.ts';

/**
 * The guide for mail on one's own domain at a hosting company, which also explains how to find
 * out where a domain's mail is: every address the finder cannot place leads here.
 */
export const ownDomainGuideSlug = 'own-domain-mail';

/** Categories whose articles are guides to one provider (or a kind of mailbox). */
const guideCategories = new Set(['providers', 'business']);

/** A provider as the finder shows it, with where it leads. */
export interface ProviderGuide {
	id: string;
	name: string;
	/** Its e-mail domains (matched without any lookup). */
	domains: readonly string[];
	/** Suffixes of its MX hosts. */
	mx: readonly string[];
	/** The guide about it, or else the settings table of an article listing it. */
	href: string;
	/** Whether `href` is a whole guide (rather than a settings table). */
	isGuide: boolean;
}

/** The finder's links in one language. */
export interface FinderGuides {
	providers: ProviderGuide[];
	/** The own-domain guide. */
	fallback: string;
}

/**
 * The finder's links for `lang`. A provider without any article is left out (nothing to link).
 * @throws when the own-domain guide is missing: the finder would dead-end without it.
 */
export function finderGuides(
	content: { summaries: readonly ArticleSummary[]; providers: readonly Provider[] },
	lang: Locale,
): FinderGuides {
	const articles = content.summaries.filter((a) => a.lang === lang);
	const fallback = articles.find((a) => a.slug === ownDomainGuideSlug)?.url;
	if (!fallback) {
		throw new Error(
			`content/articles/${lang}/${ownDomainGuideSlug}.mdx: the e-mail address finder needs this guide (it is where every unknown domain leads).`,
		);
	}
	const providers = content.providers.flatMap((p) => {
		const guide = articles.find(
			(a) => guideCategories.has(a.category) && a.providers.includes(p.id),
		);
		const settings = articles.find((a) => a.providers.includes(p.id));
		const href = guide?.url ?? (settings && `${settings.url}#settings-${p.id}`);
		if (!href) return [];
		return [{ id: p.id, name: p.name, domains: p.domains, mx: p.mx, href, isGuide: !!guide }];
	});
	return { providers, fallback };
}

/** The provider that owns `domain` (the domain itself or a subdomain of one of its domains). */
export function providerForDomain<P extends { domains: readonly string[] }>(
	domain: string,
	providers: readonly P[],
): P | null {
	return (
		providers.find((p) => p.domains.some((d) => domain === d || domain.endsWith(`.${d}`))) ?? null
	);
}
