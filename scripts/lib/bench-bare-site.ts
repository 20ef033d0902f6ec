/**
 * The baseline of `npm run bench:build`: a bare Astro + @astrojs/mdx site that builds the same
 * MDX articles as the help center, and nothing else. No adapter (static output), no integration
 * but MDX, no CSS, no layout, no sitemap, no Pagefind: one content collection (the glob loader
 * over every .mdx file under content/articles, a schema that accepts any frontmatter) and one page
 * per article that renders `<Content />` in a minimal HTML shell. The MDX components the articles
 * use without an import (src/components/mdx/index.ts) are trivial stand-ins with the same props,
 * so the articles compile unchanged. Its build time is the floor of what Astro and MDX cost for
 * these files on this machine.
 *
 * The Markdown setting that changes MDX processing is the help center's own
 * (`syntaxHighlight: false`), so the baseline differs from it in the site, not in the MDX
 * pipeline. Its caches are its own (./link-packages.ts), so it neither reads nor overwrites this
 * project's.
 */
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { linkPackages } from './link-packages.ts';

const projectRoot = join(import.meta.dirname, '../..');

/** The components articles use without importing them, as stand-ins with the same props. */
const standIns: Record<string, string> = {
	Callout: '<aside class={Astro.props.type}><p>{Astro.props.title}</p><slot /></aside>\n',
	CrmText: '<span>{Astro.props.id}</span>\n',
	ErrorMessage:
		'<section id={Astro.props.id}><p>{Astro.props.code} {Astro.props.text}</p><slot /></section>\n',
	GuideSummary: '<aside><p>{Astro.props.provider}</p><slot /></aside>\n',
	ProviderFacts: '<p>{Astro.props.provider}</p>\n',
	ProviderSettings: "<p>{(Astro.props.providers ?? []).join(', ')}</p>\n",
	Steps: '<div><slot /></div>\n',
	UiPath: "<span>{Astro.props.path.join(' › ')}</span>\n",
};

/**
 * The names `src/components/mdx/index.ts` exports to every article. A name without a stand-in
 * would fail the bare build on the first article using it, far from the cause: fail here.
 */
async function checkStandIns(): Promise<void> {
	const index = await readFile(join(projectRoot, 'src/components/mdx/index.ts'), 'utf8');
	const block = /export const mdxComponents = \{([^}]*)\}/.exec(index)?.[1];
	if (!block) throw new Error('src/components/mdx/index.ts: no `export const mdxComponents = {…}`');
	const missing = block
		.split(',')
		.map((name) => name.trim())
		.filter((name) => name && !(name in standIns));
	if (missing.length > 0) {
		throw new Error(
			`scripts/lib/bench-bare-site.ts: no stand-in for the MDX component(s) ${missing.join(', ')} (src/components/mdx/index.ts); add one to standIns.`,
		);
	}
}

/** The site's files, by path relative to its root. */
function siteFiles(): Record<string, string> {
	const names = Object.keys(standIns);
	return {
		'package.json': `${JSON.stringify({ name: 'hc-bench-bare-site', private: true, type: 'module' }, null, '\t')}\n`,
		'astro.config.mjs': [
			"import mdx from '@astrojs/mdx';",
			"import { defineConfig } from 'astro/config';",
			'',
			'export default defineConfig({',
			"\toutput: 'static',",
			'\tintegrations: [mdx()],',
			'\tmarkdown: { syntaxHighlight: false },',
			'});',
			'',
		].join('\n'),
		'src/content.config.ts': [
			"import { defineCollection } from 'astro:content';",
			"import { glob } from 'astro/loaders';",
			"import { z } from 'astro/zod';",
			'',
			'const articles = defineCollection({',
			"\tloader: glob({ pattern: '**/*.mdx', base: './content/articles' }),",
			'\tschema: z.looseObject({}),',
			'});',
			'',
			'export const collections = { articles };',
			'',
		].join('\n'),
		'src/pages/[...id].astro': [
			'---',
			"import { getCollection, render } from 'astro:content';",
			...names.map((name) => `import ${name} from '../components/${name}.astro';`),
			'',
			'export async function getStaticPaths() {',
			"\tconst entries = await getCollection('articles');",
			'\treturn entries.map((entry) => ({ params: { id: entry.id }, props: { entry } }));',
			'}',
			'',
			'const { entry } = Astro.props;',
			'const { Content } = await render(entry);',
			`const components = { ${names.join(', ')} };`,
			'---',
			'',
			'<!doctype html>',
			"<html lang={entry.id.split('/')[0]}>",
			'\t<head>',
			'\t\t<meta charset="utf-8" />',
			'\t\t<title>{entry.data.title}</title>',
			'\t</head>',
			'\t<body>',
			'\t\t<h1>{entry.data.title}</h1>',
			'\t\t<Content components={components} />',
			'\t</body>',
			'</html>',
			'',
		].join('\n'),
		...Object.fromEntries(
			Object.entries(standIns).map(([name, source]) => [`src/components/${name}.astro`, source]),
		),
	};
}

/**
 * Writes the bare site to `root` (replacing it): its sources, a copy of the MDX articles in
 * `articlesDir` (a knowledge base's content/articles) and links to this project's packages,
 * so it builds with the same packages into `<root>/dist`.
 */
export async function writeBareSite(root: string, articlesDir: string): Promise<void> {
	const target = resolve(root);
	if (target === resolve(projectRoot)) throw new Error('root: must not be this project itself');
	await checkStandIns();
	await rm(target, { recursive: true, force: true });
	await mkdir(target, { recursive: true });
	await cp(articlesDir, join(target, 'content/articles'), { recursive: true });
	linkPackages(projectRoot, target);
	for (const [path, text] of Object.entries(siteFiles())) {
		await mkdir(dirname(join(target, path)), { recursive: true });
		await writeFile(join(target, path), text);
	}
}
