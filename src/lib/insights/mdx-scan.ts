/**
 * Reads what the content health check needs out of an MDX article body: headings with the ids
 * Astro gives them, element ids, links and images, each with its line. A line scanner, not an MDX
 * parser: it knows fenced code, inline code, Markdown and JSX links and images, and ATX headings
 * (`## …`), which is all the articles use (setext headings would be missed).
 */
import GithubSlugger from 'github-slugger';
import { decodeEntities } from '../html-entities.ts';

/** A heading and the id Astro renders for it. */
export interface ScannedHeading {
	depth: number;
	/** The heading's text content, Markdown syntax removed. */
	text: string;
	slug: string;
	line: number;
}

/** A link target or image source, with the line it is on. */
export interface ScannedLink {
	url: string;
	line: number;
}

/** An image and its alt text: null when it has none, undefined when it is an expression. */
export interface ScannedImage {
	src: string;
	alt: string | null | undefined;
	line: number;
}

/** Everything {@link scanMdx} finds. */
export interface ScannedMdx {
	headings: ScannedHeading[];
	/** `id="…"` attributes written on elements in the MDX. */
	elementIds: string[];
	/** `<ProviderSettings>` uses: the listed provider ids, or null for "all providers". */
	providerSettings: (string[] | null)[];
	links: ScannedLink[];
	images: ScannedImage[];
}

/** Replaces every character but line breaks with a space, so offsets and lines stay put. */
const blank = (text: string) => text.replace(/[^\n]/g, ' ');

/** Fenced code blocks blanked out (their text is not Markdown). */
function withoutFences(body: string): string {
	const lines = body.split('\n');
	let fence: string | undefined;
	return lines
		.map((line) => {
			const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
			if (fence) {
				if (
					marker &&
					marker[0] === fence[0] &&
					marker.length >= fence.length &&
					!/\S/.test(line.trim().slice(marker.length))
				) {
					fence = undefined;
				}
				return blank(line);
			}
			if (marker) {
				fence = marker;
				return blank(line);
			}
			return line;
		})
		.join('\n');
}

/** Inline code spans blanked out, for finding links (a link inside code is not a link). */
const withoutCodeSpans = (text: string) =>
	text.replace(/(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g, (span) => blank(span));

/**
 * A heading's text content as the rendered HTML has it: link text kept, images, JSX
 * expressions and tags dropped, emphasis and code markers removed, escapes and entities decoded.
 */
export function headingText(markdown: string): string {
	// Code spans and escaped characters are set aside first (as private-use placeholders): neither
	// is Markdown syntax.
	const kept: string[] = [];
	const keep = (text: string) => `\uE000${kept.push(text) - 1}\uE001`;
	const text = markdown
		.replace(/(`+)(?!`)(.*?[^`])\1(?!`)/g, (_, _ticks: string, inner: string) =>
			keep(/^ .* $/.test(inner) && inner.trim() !== '' ? inner.slice(1, -1) : inner),
		)
		.replace(/\\([!-/:-@[-`{-~])/g, (_, char: string) => keep(char))
		.replace(/!\[[^\]]*\]\([^)]*\)/g, '')
		.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
		.replace(/\{[^{}]*\}/g, '')
		.replace(/<\/?[A-Za-z][^<>]*>/g, '')
		.replace(/(\*\*|__|~~)(?=\S)(.+?)(?<=\S)\1/g, '$2')
		.replace(/(?<![\p{L}\p{N}])([*_])(?=\S)(.+?)(?<=\S)\1(?![\p{L}\p{N}])/gu, '$2');
	return decodeEntities(text)
		.replace(/\uE000(\d+)\uE001/g, (_, i: string) => kept[Number(i)]!)
		.trim();
}

/** An attribute's value in a JSX/HTML tag: text, undefined for `{expression}`, null when absent. */
function attribute(tag: string, name: string): string | null | undefined {
	const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|(\\{))`).exec(tag);
	if (!match) return null;
	return match[3] ? undefined : (match[1] ?? match[2] ?? '');
}

/** Scans an article body; `firstLine` is the file line the body starts on (default 1). */
export function scanMdx(body: string, firstLine = 1): ScannedMdx {
	const text = withoutFences(body.replace(/\r\n?/g, '\n'));
	const lineStarts = [0];
	for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
	const lineAt = (offset: number) => {
		let low = 0;
		let high = lineStarts.length - 1;
		while (low < high) {
			const mid = (low + high + 1) >> 1;
			if (lineStarts[mid]! <= offset) low = mid;
			else high = mid - 1;
		}
		return firstLine + low;
	};

	// Astro slugs every heading of the document with one slugger, in order, all depths.
	const slugger = new GithubSlugger();
	const headings: ScannedHeading[] = [];
	for (const [index, line] of text.split('\n').entries()) {
		const match = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/.exec(line);
		if (!match) continue;
		const headingTextValue = headingText(match[2] ?? '');
		headings.push({
			depth: match[1]!.length,
			text: headingTextValue,
			slug: slugger.slug(headingTextValue),
			line: firstLine + index,
		});
	}

	const prose = withoutCodeSpans(text);
	const links: ScannedLink[] = [];
	const images: ScannedImage[] = [];
	const inlineLink =
		/(!?)\[((?:[^\]\\]|\\.)*)\]\(\s*(<[^>]*>|[^\s)]*)(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)/g;
	for (const match of prose.matchAll(inlineLink)) {
		const url = match[3]!.replace(/^<|>$/g, '');
		const line = lineAt(match.index);
		if (match[1]) images.push({ src: url, alt: match[2]!.trim() === '' ? null : match[2]!, line });
		else links.push({ url, line });
	}
	for (const match of prose.matchAll(/^ {0,3}\[([^\]]+)\]:\s*(<[^>]*>|\S+)/gm)) {
		links.push({ url: match[2]!.replace(/^<|>$/g, ''), line: lineAt(match.index) });
	}
	for (const match of prose.matchAll(/!\[\s*\]\[[^\]]*\]/g)) {
		images.push({ src: '', alt: null, line: lineAt(match.index) });
	}

	const elementIds: string[] = [];
	const providerSettings: (string[] | null)[] = [];
	for (const match of prose.matchAll(
		/<([A-Za-z][\w.]*)\b((?:[^<>{}]|\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\})*)\/?>/g,
	)) {
		const [tag, name] = [match[0], match[1]!];
		const line = lineAt(match.index);
		const id = attribute(tag, 'id');
		if (id) elementIds.push(id);
		if (name === 'a') {
			const href = attribute(tag, 'href');
			if (href) links.push({ url: href, line });
		}
		if (name === 'img' || name === 'Image' || name === 'Picture') {
			const alt = attribute(tag, 'alt');
			images.push({ src: attribute(tag, 'src') ?? '', alt: alt === '' ? null : alt, line });
		}
		if (name === 'ProviderSettings') {
			const list = /\sproviders\s*=\s*\{\s*\[([^\]]*)\]\s*\}/.exec(tag)?.[1];
			providerSettings.push(
				list === undefined ? null : [...list.matchAll(/['"]([^'"]+)['"]/g)].map((m) => m[1]!),
			);
		}
	}
	return { headings, elementIds, providerSettings, links, images };
}
