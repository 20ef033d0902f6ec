/**
 * The site index: what lists, search and the on-demand routes need to know about the content,
 * without any article body or compiled MDX. Read from `content/` at build time
 * (src/integrations/site-index.ts puts it in the bundle as `virtual:hc/site-index`), so the
 * server routes (feedback API, dashboard, on-demand 404) never import `astro:content`, whose
 * `render()` pulls every compiled article into the server bundle.
 *
 * The files are read by the content reader (src/lib/content/: Astro's MDX parser, js-yaml for the
 * frontmatter) and validated with the same zod schemas as the content collections
 * (src/content.config.ts), so a summary is the same object whichever way it was made; h2 ids come
 * from Astro's own heading plugin, and tests/dist checks them against every built page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { uneval } from 'devalue';
import { sortArticles, toSummary, type ArticleSummary } from './articles.ts';
import { readArticles } from './content/files.ts';
import { checkContentFiles, type DatedArticle, type Finding } from './content-health/check.ts';
import {
	articleSchema,
	categorySchema,
	providerSchema,
	type Category,
	type Provider,
} from './schemas.ts';

/** An h2 heading of an article: its id and its text. */
export interface Section {
	slug: string;
	text: string;
}

/** Everything the site index holds. */
export interface SiteIndex {
	/** Published articles in both languages, in site order. */
	summaries: ArticleSummary[];
	/** The h2 headings of each published article, by `{lang}/{slug}`. */
	sections: Record<string, Section[]>;
	/** Categories in their `order`. */
	categories: Category[];
	providers: Provider[];
	/** The content health check, less what depends on the day it is read. */
	health: {
		/** Every article file, drafts included, with its `updated` date. */
		articles: DatedArticle[];
		/** Findings that do not change with the date (all but "not updated in 12 months"). */
		findings: Finding[];
	};
}

/** Options for {@link readSiteIndex}. */
export interface ReadOptions {
	/** Keep drafts among the published articles (the dev server shows them). */
	drafts: boolean;
}

/** Zod issues as one line per field, after the file they are in. */
function invalid(file: string, issues: readonly { path: PropertyKey[]; message: string }[]): Error {
	const fields = issues.map((i) => `${i.path.map(String).join('.') || '(file)'}: ${i.message}`);
	return new Error(`${file}: invalid frontmatter or data — ${fields.join('; ')}`);
}

function readJson(root: string, file: string): unknown {
	const path = `content/${file}`;
	try {
		return JSON.parse(readFileSync(join(root, path), 'utf8'));
	} catch (error) {
		throw new Error(`${path}: ${(error as Error).message}`, { cause: error });
	}
}

/** Reads and validates the site index of the project in `root`. */
export function readSiteIndex(root: string, { drafts }: ReadOptions): SiteIndex {
	const categoriesResult = categorySchema.array().safeParse(readJson(root, 'categories.json'));
	if (!categoriesResult.success)
		throw invalid('content/categories.json', categoriesResult.error.issues);
	const providersResult = providerSchema.array().safeParse(readJson(root, 'providers.json'));
	if (!providersResult.success)
		throw invalid('content/providers.json', providersResult.error.issues);
	const categories = categoriesResult.data.sort((a, b) => a.order - b.order);
	const providers = providersResult.data;
	const categoryOrder = new Map(categories.map((c) => [c.id, c.order]));
	const schema = articleSchema(
		categories.map((c) => c.id),
		providers.map((p) => p.id),
	);

	const files = readArticles(root);
	const published: ArticleSummary[] = [];
	const sections: Record<string, Section[]> = {};
	for (const file of files) {
		const result = schema.safeParse(file.frontmatter);
		if (!result.success) throw invalid(file.file, result.error.issues);
		const { draft, ...data } = result.data;
		if (draft && !drafts) continue;
		const id = `${file.lang}/${file.slug}`;
		published.push(toSummary(id, data));
		sections[id] = file.mdx.headings
			.filter((h) => h.depth === 2)
			.map(({ slug, text }) => ({ slug, text }));
	}
	const summaries = sortArticles(published, categoryOrder);
	const clash = summaries.find((a) => categoryOrder.has(a.slug));
	if (clash) {
		throw new Error(
			`content/articles/${clash.lang}/${clash.slug}.mdx: the file name is also a category id; article and category URLs would collide.`,
		);
	}
	const site = { providers: providers.map((p) => p.id), categories: categories.map((c) => c.id) };
	return {
		summaries,
		sections,
		categories,
		providers,
		health: {
			articles: files.map(({ lang, slug, file, updated, draft }) => ({
				lang,
				slug,
				file,
				updated,
				draft,
			})),
			findings: checkContentFiles(files, site),
		},
	};
}

/**
 * The site index's {@link PublishedArticles} as JavaScript source, for the production server's
 * own bundle (scripts/serve.ts answers vote posts), which has no need of the rest: one JSON
 * string, which a bundler leaves as it is (headings as bare ids), made back into that shape.
 */
export function publishedArticlesModule(index: SiteIndex): string {
	const summaries = index.summaries.map(({ lang, slug, updated }) => ({ lang, slug, updated }));
	const sections = Object.fromEntries(
		Object.entries(index.sections).map(([id, list]) => [id, list.map(({ slug }) => slug)]),
	);
	const data = JSON.stringify(JSON.stringify({ summaries, sections }));
	return `const { summaries, sections } = JSON.parse(${data});
export default {
	summaries: summaries.map((s) => ({ ...s, updated: new Date(s.updated) })),
	sections: Object.fromEntries(
		Object.entries(sections).map(([id, slugs]) => [id, slugs.map((slug) => ({ slug }))]),
	),
};
`;
}

/**
 * The index as JavaScript source (devalue, as Astro itself uses for data in bundles): dates come
 * back as real `Date`s, and no string can be mistaken for one.
 */
export function siteIndexModule(index: SiteIndex): string {
	return `export default ${uneval(index)};\n`;
}
