/**
 * Mail status codes as search tokens. Mail programs print one code in many forms (`535 5.7.8`,
 * `535-5.7.8`, `5.7.8`), which Pagefind splits into digits that match everything and nothing. The
 * error reference is indexed with one made-up word per form of each entry's code (never shown),
 * and a query's codes are rewritten to the same words, so any printed form finds the entry.
 * Shared by the indexing step (build time) and the search (browser).
 */

/** Every token starts with this, so excerpts and highlights can leave them out. */
export const codeTokenPrefix = 'hcerr';

/** A reply code (`535`) and/or an enhanced status code (`5.7.8`). */
interface Code {
	basic?: string;
	enhanced?: [string, string, string];
}

// A letter ends every token: Pagefind matches words by prefix, and `5.7.1` must not find `5.7.139`.
const basicToken = (basic: string) => `${codeTokenPrefix}b${basic}q`;
const enhancedToken = ([a, b, c]: readonly string[]) => `${codeTokenPrefix}s${a}x${b}x${c}q`;
const fullToken = (basic: string, e: readonly string[]) =>
	`${codeTokenPrefix}c${basic}x${e.join('x')}q`;

const tokensOf = ({ basic, enhanced }: Code): string[] => [
	...(basic && enhanced ? [fullToken(basic, enhanced)] : []),
	...(enhanced ? [enhancedToken(enhanced)] : []),
	...(basic ? [basicToken(basic)] : []),
];

/** A reply code, optionally followed by an enhanced code: `534-5.7.9`, `535 5.7.8`, `5.7.8`. */
const codePattern =
	/(?<![\d.])(?:([2-5]\d\d)(?:[\s-]+|(?=[2-5]\.)))?([2-5])\.(\d{1,3})\.(\d{1,3})(?![\d.]*\d)/g;
/**
 * A reply code on its own (`535`): only the 42x, 45x and 50x–55x failure codes, so ports (465,
 * 587) and years stay words.
 */
const basicPattern = /(?<![\d.])(4[25]\d|5[0-5]\d)(?![\d.]*\d)/g;

/**
 * The tokens under which an error reference entry is indexed, from its code as printed.
 * `534-5.7.9` → the full code, the enhanced code `5.7.9` and the reply code `534`.
 */
export function codeTokens(printed: string): string[] {
	const codes: string[] = [];
	for (const m of printed.matchAll(codePattern)) {
		codes.push(...tokensOf({ ...(m[1] ? { basic: m[1] } : {}), enhanced: [m[2]!, m[3]!, m[4]!] }));
	}
	if (codes.length === 0) {
		for (const m of printed.matchAll(basicPattern)) codes.push(...tokensOf({ basic: m[1]! }));
	}
	return [...new Set(codes)];
}

/**
 * Rewrites the codes in a query to their search tokens, most specific first: `535 5.7.8` gives
 * the query with the full code, then with the enhanced code `5.7.8`, then with the reply code
 * `535`, for a code the reference does not list in full. A query without codes comes back alone.
 */
export function rewriteCodes(query: string): string[] {
	const levels = [0, 1, 2].map((level) => {
		let found = false;
		const rewritten = query.replace(codePattern, (_, basic: string | undefined, a, b, c) => {
			found = true;
			const tokens = tokensOf({ ...(basic ? { basic } : {}), enhanced: [a, b, c] });
			return ` ${tokens[Math.min(level, tokens.length - 1)]} `;
		});
		return found ? rewritten : undefined;
	});
	const withCodes = [...new Set(levels.filter((q) => q !== undefined))];
	if (withCodes.length > 0) return withCodes;
	const basic = query.replace(basicPattern, (_, code: string) => ` ${basicToken(code)} `);
	return [basic];
}

/** Whether a word of indexed content is a code token (never shown to readers). */
export function isCodeToken(word: string): boolean {
	return word.toLowerCase().startsWith(codeTokenPrefix);
}
