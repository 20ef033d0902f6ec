/**
 * The one reader of `content/` on disk: every article file parsed once (`parse.ts`), and the ids
 * of the data files. The site index (src/lib/site-index.ts, at build time) and
 * `npm run content:check` read the content through it; the dashboard gets the findings the build
 * made with it. Not for the pages: they render through `astro:content` (`collection.ts`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { isLocale, type Locale } from '../../i18n/locales.ts';
import { parseArticle, type ParsedMdx } from './parse.ts';

/** One article file, parsed. */
export interface ContentFile {
	lang: Locale;
	/** File name without extension: the URL segment and the key that pairs translations. */
	slug: string;
	/** Path from the project folder, e.g. `content/articles/nl/gmail.mdx`. */
	file: string;
	/** The frontmatter as YAML gives it, not yet validated (the site index does that). */
	frontmatter: Record<string, unknown>;
	/** Frontmatter `updated`; null when it is missing or not a date. */
	updated: Date | null;
	/** Frontmatter `draft: true`. */
	draft: boolean;
	/** Headings with their ids, element ids, links and images, with their lines in the file. */
	mdx: ParsedMdx;
	/** The prose, without markup or frontmatter (the benchmark's generator takes its words). */
	text: string;
}

/** A YAML date (js-yaml makes `2026-05-01` a Date) or a quoted one; null when neither. */
function toDate(value: unknown): Date | null {
	const date =
		value instanceof Date ? value : typeof value === 'string' ? new Date(value) : undefined;
	return date && !Number.isNaN(date.getTime()) ? date : null;
}

/** Reads and parses one article file at `path` under `root` (the project folder). */
export function readArticle(root: string, path: string): ContentFile {
	const file = relative(root, path).split('\\').join('/');
	const [, , lang, ...rest] = file.split('/');
	if (!isLocale(lang) || rest.length === 0) {
		throw new Error(`${file}: not in a language folder (content/articles/<lang>/)`);
	}
	const { frontmatter, text, ...mdx } = parseArticle(readFileSync(path, 'utf8'), file);
	return {
		lang,
		slug: [...rest.slice(0, -1), basename(rest.at(-1)!, '.mdx')].join('/'),
		file,
		frontmatter,
		updated: toDate(frontmatter['updated']),
		draft: frontmatter['draft'] === true,
		mdx,
		text,
	};
}

/** Every `.mdx` file under `content/articles/<lang>/` in `root`, in path order. */
export function readArticles(root: string): ContentFile[] {
	const base = join(root, 'content/articles');
	return readdirSync(base, { recursive: true, encoding: 'utf8' })
		.filter((path) => path.endsWith('.mdx'))
		.sort()
		.map((path) => readArticle(root, join(base, path)));
}

/** Provider and category ids from `content/providers.json` and `content/categories.json`. */
export function readSite(root: string): { providers: string[]; categories: string[] } {
	const ids = (name: string) =>
		(JSON.parse(readFileSync(join(root, 'content', name), 'utf8')) as { id: string }[]).map(
			(x) => x.id,
		);
	return { providers: ids('providers.json'), categories: ids('categories.json') };
}
