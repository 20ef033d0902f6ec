/**
 * How many other articles a page's navigation names: links and URLs in attributes (such as an
 * island's JSON config) anywhere outside the article body. The article body's own links are
 * content, written by an author, and do not grow with the knowledge base.
 */
import type { HtmlElement } from 'html-validate';

/** Article URL paths (`/nl/gmail/`) that appear outside `[data-pagefind-body]` on a page. */
export function navigationArticleUrls(
	root: HtmlElement,
	articleUrls: ReadonlySet<string>,
	origin: string,
): Set<string> {
	const found = new Set<string>();
	for (const element of root.querySelectorAll('*')) {
		if (element.closest('[data-pagefind-body]')) continue;
		for (const attribute of element.attributes) {
			const value = typeof attribute.value === 'string' ? attribute.value : '';
			for (const match of value.matchAll(/(?:https?:\/\/[^/"'\s]+)?(\/[\w\-./%]*\/)/g)) {
				const url = match[0].startsWith('/')
					? match[1]!
					: new URL(match[0]).origin === origin
						? match[1]!
						: '';
				if (articleUrls.has(url)) found.add(url);
			}
		}
	}
	return found;
}
