/**
 * Reading the attributes of an MDX JSX element from the parser's tree, and the one kind of
 * attribute expression the content uses (`providers={['gmail', 'icloud']}`), parsed as JavaScript
 * with acorn (the parser MDX's own expression handling is built on).
 */
import { parseExpressionAt } from 'acorn';
import type { MdxJsxAttributeUnion } from 'satteri';

/** What a JSX element node carries that these helpers read. */
interface JsxNode {
	attributes: readonly MdxJsxAttributeUnion[];
}

/** The attribute `name`, when written as `name=…` (not through a `{...spread}`). */
function find(node: JsxNode, name: string) {
	return node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
}

/**
 * An attribute's text: the string written, '' for a bare attribute, undefined for an
 * `{expression}` (its value is not known before run time), null when the attribute is absent.
 */
export function jsxAttribute(node: JsxNode, name: string): string | null | undefined {
	const attribute = find(node, name);
	if (!attribute) return null;
	const value = attribute.value;
	if (value === null || value === undefined) return '';
	return typeof value === 'string' ? value : undefined;
}

/** The source of an `{expression}` attribute; null when the attribute is absent or plain text. */
export function jsxExpression(node: JsxNode, name: string): string | null {
	const value = find(node, name)?.value;
	return value !== null && typeof value === 'object' ? value.value : null;
}

/**
 * The strings of an array literal such as `['gmail', "icloud"]`. Anything else (a variable, a
 * computed entry) throws naming `file` and `line`: the check could not tell which ids it means.
 */
export function stringList(source: string, file: string, line: number): string[] {
	const fail = (reason: string): never => {
		throw new Error(`${file}:${line}: \`${source}\` ${reason}`);
	};
	let expression;
	try {
		expression = parseExpressionAt(source, 0, { ecmaVersion: 'latest' });
	} catch (error) {
		return fail(`is not valid JavaScript: ${(error as Error).message}`);
	}
	if (expression.end !== source.trimEnd().length) fail('is more than an array of strings');
	if (expression.type !== 'ArrayExpression') return fail('is not an array of strings');
	return expression.elements.map((element) =>
		element?.type === 'Literal' && typeof element.value === 'string'
			? element.value
			: fail('is not an array of strings'),
	);
}
