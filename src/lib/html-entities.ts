/** The named character references Markdown authors and Astro's HTML output use. */
const named: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: '\u00a0',
};

/**
 * Decodes numeric character references (`&#39;`, `&#x27;`) and the common named ones (`&amp;`,
 * `&nbsp;`…); an unknown name is left as written.
 */
export function decodeEntities(text: string): string {
	return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
		if (name[0] === '#') {
			const point =
				name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
			return String.fromCodePoint(point);
		}
		return named[name.toLowerCase()] ?? entity;
	});
}
