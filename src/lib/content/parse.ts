/**
 * Parses one article file the way the build does: Sätteri, the MDX parser `@astrojs/mdx` runs by
 * default, with the same features (GFM, smart punctuation), and Astro's own heading-id plugin
 * (`satteriHeadingIdsPlugin`, github-slugger over each heading's rendered text). One pass yields
 * the frontmatter (the parser's YAML block, read with js-yaml as Astro's loader does), the headings
 * with the ids the built page has, the ids and links written in the MDX, and its images, each
 * with its line in the file. Runs at build time and in `npm run content:check`, never on the server.
 */
import { satteriHeadingIdsPlugin, type SatteriAstroData } from '@astrojs/markdown-satteri';
import yaml from 'js-yaml';
import {
	defineMdastPlugin,
	mdxToJs,
	type MdxJsxFlowElement,
	type MdxJsxTextElement,
	type Position,
} from 'satteri';
import { jsxAttribute, jsxExpression, stringList } from './jsx.ts';

/** A heading and the id Astro renders for it. */
export interface ParsedHeading {
	depth: number;
	/** The heading's text as the rendered HTML has it. */
	text: string;
	slug: string;
}

/** A link target, with the line it is on. */
export interface ParsedLink {
	url: string;
	line: number;
}

/** An image and its alt text: null when it has none, undefined when it is an expression. */
export interface ParsedImage {
	src: string;
	alt: string | null | undefined;
	line: number;
}

/** What an article's MDX holds, as far as lists, links and checks need it. */
export interface ParsedMdx {
	headings: ParsedHeading[];
	/** `id="…"` attributes written on elements in the MDX. */
	elementIds: string[];
	/** `<ProviderSettings>` uses: the listed provider ids, or null for "all providers". */
	providerSettings: (string[] | null)[];
	links: ParsedLink[];
	images: ParsedImage[];
}

/** An article file parsed: its frontmatter as YAML gives it, and its MDX. */
export interface ParsedArticle extends ParsedMdx {
	/** The frontmatter's YAML as an object (empty when there is none); not yet validated. */
	frontmatter: Record<string, unknown>;
	/** The prose: the text of every paragraph, heading, list and component child, one space apart. */
	text: string;
}

/** The parser features Astro's MDX integration switches on (gfm and smartypants default true). */
const features = { gfm: true, smartPunctuation: true } as const;

/** The frontmatter YAML as an object; `file` names the file in the error. */
function loadYaml(source: string, file: string): Record<string, unknown> {
	let value: unknown;
	try {
		value = yaml.load(source);
	} catch (error) {
		throw new Error(`${file}: the frontmatter is not valid YAML: ${(error as Error).message}`, {
			cause: error,
		});
	}
	return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}

/** Parses an article's source; `file` (e.g. `content/articles/nl/gmail.mdx`) names it in errors. */
export function parseArticle(source: string, file: string): ParsedArticle {
	const prose: string[] = [];
	const parsed: ParsedArticle = {
		frontmatter: {},
		text: '',
		headings: [],
		elementIds: [],
		providerSettings: [],
		links: [],
		images: [],
	};
	const line = (position: Position | undefined) => position?.start.line ?? 0;
	const element = (node: Readonly<MdxJsxFlowElement | MdxJsxTextElement>) => {
		const at = line(node.position);
		const id = jsxAttribute(node, 'id');
		if (id) parsed.elementIds.push(id);
		if (node.name === 'a') {
			const href = jsxAttribute(node, 'href');
			if (href) parsed.links.push({ url: href, line: at });
		}
		if (node.name === 'img' || node.name === 'Image' || node.name === 'Picture') {
			const alt = jsxAttribute(node, 'alt');
			parsed.images.push({
				src: jsxAttribute(node, 'src') ?? '',
				alt: alt === '' ? null : alt,
				line: at,
			});
		}
		if (node.name === 'ProviderSettings') {
			const providers = jsxExpression(node, 'providers');
			parsed.providerSettings.push(providers === null ? null : stringList(providers, file, at));
		}
	};
	const collect = defineMdastPlugin({
		name: 'hc-content',
		options: { position: true },
		// Before the hast phase: Astro's heading plugin reads the frontmatter (`{frontmatter.x}`).
		yaml(node, ctx) {
			parsed.frontmatter = loadYaml(node.value, file);
			(ctx.data['astro'] as SatteriAstroData).frontmatter = parsed.frontmatter;
		},
		text(node) {
			prose.push(node.value);
		},
		link(node) {
			parsed.links.push({ url: node.url, line: line(node.position) });
		},
		definition(node) {
			parsed.links.push({ url: node.url, line: line(node.position) });
		},
		image(node) {
			const alt = node.alt?.trim() ? node.alt : null;
			parsed.images.push({ src: node.url, alt, line: line(node.position) });
		},
		imageReference(node) {
			if (!node.alt?.trim()) parsed.images.push({ src: '', alt: null, line: line(node.position) });
		},
		mdxJsxFlowElement: element,
		mdxJsxTextElement: element,
	});
	const astro: SatteriAstroData = {
		frontmatter: {},
		headings: [],
		localImagePaths: new Set(),
		remoteImagePaths: new Set(),
	};
	let result;
	try {
		result = mdxToJs(source, {
			features,
			mdastPlugins: [collect],
			hastPlugins: [satteriHeadingIdsPlugin()],
			data: { astro },
		});
	} catch (error) {
		if ((error as Error).message.startsWith(`${file}:`)) throw error;
		throw new Error(`${file}: not valid MDX: ${(error as Error).message}`, { cause: error });
	}
	// Sätteri returns a promise only when a plugin is async; these are not, so the read stays sync.
	if (result instanceof Promise) throw new Error(`${file}: the MDX parser answered asynchronously`);
	parsed.text = prose.join(' ');
	parsed.headings = astro.headings.map(({ depth, text, slug }) => ({ depth, text, slug }));
	return parsed;
}
