/**
 * What Pagefind indexes besides a page's text, added to the HTML it reads (never to the pages
 * served, so no page gets heavier):
 * - the aliases and e-mail domains of the provider a guide is about (`content/providers.json`),
 *   in the guide's hidden keyword list: "hetnet", "planet.nl" find the KPN guide;
 * - for each error reference entry, its anchor on its heading (so search can link to the entry)
 *   and its status code as search tokens in every printed form (src/lib/search/error-codes.ts);
 * - a separator after each table cell, so an excerpt reads "Server · imap.gmail.com ·", not
 *   "ServerImap.gmail.com" (the built HTML has no space between cells).
 */
import { codeTokens } from '../lib/search/error-codes.ts';
import { keywordsId } from '../components/search/regions.ts';

/** The provider fields search uses. */
export interface SearchProvider {
	name: string;
	aliases?: readonly string[];
	domains?: readonly string[];
}

const escape = (text: string) =>
	text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Names of the providers an article is filtered by (see ArticleSearchMeta.astro). */
function providerNames(html: string): string[] {
	return [...html.matchAll(/<span data-pagefind-filter="provider">([^<]*)<\/span>/g)].map(
		(m) => m[1]!,
	);
}

/**
 * Adds the providers' aliases and domains to the hidden keyword list of a provider's guide (an
 * article about one provider, which may have several records such as Zoho's data centres).
 * Articles about many providers (errors, revoking) stay as they are: "planet.nl" should find
 * the KPN guide, not every page that mentions KPN.
 */
function addProviderWords(html: string, providers: readonly SearchProvider[]): string {
	const names = new Set(providerNames(html));
	if (names.size !== 1) return html;
	const words = providers
		.filter((p) => names.has(escape(p.name)))
		.flatMap((p) => [...(p.aliases ?? []), ...(p.domains ?? [])]);
	if (words.length === 0) return html;
	const extra = escape([...new Set(words)].join(', '));
	const paragraph = new RegExp(`(<p id="${keywordsId}"[^>]*>)([\\s\\S]*?)(</p>)`);
	if (paragraph.test(html))
		return html.replace(paragraph, (_, open, text, close) => `${open}${text}, ${extra}${close}`);
	// No keywords of its own: the list goes where ArticleSearchMeta puts it, after the title.
	return html.replace(
		/(<h1 id="article-title"[^>]*>[\s\S]*?<\/h1>)/,
		`$1<p id="${keywordsId}" data-pagefind-weight="5">${extra}</p>`,
	);
}

/**
 * Moves each error entry's anchor from its box to its heading, which makes the entry a section
 * that search results link to (`#534-5-7-9`), and adds its code tokens after the heading.
 */
function addErrorCodes(html: string): string {
	return html.replace(
		/<div class="hc-error" id="([^"]+)">\s*<h3 class="hc-error__title">([\s\S]*?)<\/h3>/g,
		(_, id: string, heading: string) => {
			const code = /<span class="hc-error__code">([^<]*)<\/span>/.exec(heading)?.[1] ?? '';
			const tokens = codeTokens(code);
			const indexed = tokens.length > 0 ? `<p>${tokens.join(' ')}</p>` : '';
			return `<div class="hc-error"><h3 class="hc-error__title" id="${id}">${heading}</h3>${indexed}`;
		},
	);
}

/** Ends every table cell with a separator that excerpts show between cells. */
function separateCells(html: string): string {
	return html.replace(/<\/(td|th)>/g, ' · </$1>');
}

/** The HTML Pagefind should index for a built page. */
export function augmentForIndex(html: string, providers: readonly SearchProvider[]): string {
	return separateCells(addErrorCodes(addProviderWords(html, providers)));
}
