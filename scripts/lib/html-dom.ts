/**
 * Parses built HTML into html-validate's DOM: the same parser the validity check uses, so the
 * link, hreflang and weight checks read a page exactly as the validator does (script and style
 * contents stay text, every element keeps its line and column for error messages).
 */
import { HtmlValidate, Parser, StaticConfigLoader, type HtmlElement } from 'html-validate';
import { decodeEntities } from '../../src/lib/html-entities.ts';

let config: ReturnType<HtmlValidate['getConfigFor']> | undefined;

/** The document root of `source`; `filename` is what element locations report. */
export async function parseHtml(source: string, filename = 'inline.html'): Promise<HtmlElement> {
	config ??= new HtmlValidate(new StaticConfigLoader({ extends: [] })).getConfigFor('page.html');
	return new Parser(await config).parseHtml({
		data: source,
		filename,
		line: 1,
		column: 1,
		offset: 0,
	});
}

/** An attribute's value as a string, or undefined when it is absent or dynamic. */
export function attr(element: HtmlElement, name: string): string | undefined {
	const value = element.getAttributeValue(name);
	return typeof value === 'string' ? value : undefined;
}

/** `file:line:column` of an element, for failure messages. */
export function where(element: HtmlElement): string {
	const { filename, line, column } = element.location;
	return `${filename}:${line}:${column}`;
}

/**
 * An element's text as a reader sees it: the parser keeps character references as written
 * (`doesn&#39;t`), so they are decoded here; whitespace is trimmed.
 */
export function readableText(element: HtmlElement): string {
	return decodeEntities(element.textContent).trim();
}
