/**
 * Reads `content/` from disk for the content health check, the way Astro's loaders see it: the
 * article files (frontmatter `updated` and `draft`, and the body) and the provider and category ids.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isLocale } from '../../i18n/locales.ts';
import type { HealthArticle, HealthSite } from './content-health.ts';

/** A frontmatter value without YAML quotes. */
function scalar(frontmatter: string, key: string): string | undefined {
	const value = new RegExp(`^${key}:[ \\t]*(.*?)[ \\t]*$`, 'm').exec(frontmatter)?.[1];
	return value?.replace(/^(['"])(.*)\1$/, '$2');
}

/** An article file: what the health check needs, and the frontmatter's YAML source. */
export interface ArticleFile extends HealthArticle {
	/** The YAML between the `---` lines (empty when there is none). */
	frontmatter: string;
}

/**
 * One article file. Only `updated` and `draft` are read here, with a narrow reader rather than
 * a YAML parser: the site index (src/lib/site-index.ts) parses and validates the whole
 * frontmatter against its schema.
 */
export function readArticle(root: string, path: string): ArticleFile {
	const file = relative(root, path).split('\\').join('/');
	const [, , lang, ...rest] = file.split('/');
	if (!isLocale(lang))
		throw new Error(`${file}: not in a language folder (content/articles/<lang>/)`);
	const source = readFileSync(path, 'utf8').replace(/\r\n?/g, '\n');
	const match = /^---\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(source);
	const frontmatter = match?.[1] ?? '';
	const updatedText = scalar(frontmatter, 'updated');
	const updated = updatedText ? new Date(updatedText) : null;
	return {
		lang,
		slug: rest.join('/').replace(/\.mdx$/, ''),
		file,
		updated: updated && !Number.isNaN(updated.getTime()) ? updated : null,
		draft: scalar(frontmatter, 'draft') === 'true',
		frontmatter,
		body: source.slice(match?.[0].length ?? 0),
		bodyLine: match ? match[0].split('\n').length - (match[0].endsWith('\n') ? 0 : 1) : 1,
	};
}

/** Every `.mdx` file under `content/articles/<lang>/` in `root` (the project folder), in path order. */
export function readArticles(root: string): ArticleFile[] {
	const base = join(root, 'content/articles');
	return readdirSync(base, { recursive: true, encoding: 'utf8' })
		.filter((path) => path.endsWith('.mdx'))
		.sort()
		.map((path) => readArticle(root, join(base, path)));
}

/** Provider and category ids from `content/providers.json` and `content/categories.json`. */
export function readSite(root: string): HealthSite {
	const ids = (name: string) =>
		(JSON.parse(readFileSync(join(root, 'content', name), 'utf8')) as { id: string }[]).map(
			(x) => x.id,
		);
	return { providers: ids('providers.json'), categories: ids('categories.json') };
}
