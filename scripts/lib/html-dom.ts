/**
 * Parses built HTML into html-validate's DOM: the same parser the validity check uses, so the
 * link, hreflang and weight checks read a page exactly as the validator does (script and style
 * contents stay text, every element keeps its line and column for error messages).
 */
import { HtmlValidate, Parser, StaticConfigLoader, type HtmlElement } from 'html-validate';

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

const named: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: '\u00a0',
};

/**
 * An element's text as a reader sees it: the parser keeps character references as written
 * (`doesn&#39;t`), so the ones a build writes are decoded here; whitespace is trimmed.
 */
export function readableText(element: HtmlElement): string {
	return element.textContent
		.replace(
			/&(?:#(\d+)|#x([\da-f]+)|([a-z]+));/gi,
			(whole, dec?: string, hex?: string, name?: string) => {
				if (dec) return String.fromCodePoint(Number(dec));
				if (hex) return String.fromCodePoint(parseInt(hex, 16));
				return named[name!.toLowerCase()] ?? whole;
			},
		)
		.trim();
}
