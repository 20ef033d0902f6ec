/**
 * The `_headers` file of static hosts (Netlify, Cloudflare Pages): a URL pattern on its own line,
 * then its headers indented, one `Name: value` per line; `#` starts a comment.
 * https://docs.netlify.com/manage/routing/headers/#syntax-for-the-headers-file
 */

/** Header rules by URL pattern, in file order. */
export type HeaderRules = Map<string, Record<string, string>>;

/** Writes rules in the `_headers` format, after an optional comment. */
export function formatHeadersFile(rules: HeaderRules, comment = ''): string {
	const lines = comment ? comment.split('\n').map((line) => `# ${line}`) : [];
	for (const [pattern, headers] of rules) {
		lines.push(pattern, ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`));
	}
	return `${lines.join('\n')}\n`;
}

/**
 * Reads a `_headers` file.
 * @throws Error with the line number when a header comes before any pattern or has no colon.
 */
export function parseHeadersFile(text: string): HeaderRules {
	const rules: HeaderRules = new Map();
	let current: Record<string, string> | undefined;
	for (const [index, line] of text.split('\n').entries()) {
		if (!line.trim() || line.trim().startsWith('#')) continue;
		if (!/^\s/.test(line)) {
			current = rules.get(line.trim()) ?? {};
			rules.set(line.trim(), current);
			continue;
		}
		const colon = line.indexOf(':');
		if (!current || colon < 0) throw new Error(`_headers line ${index + 1}: "${line.trim()}"`);
		current[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
	}
	return rules;
}
