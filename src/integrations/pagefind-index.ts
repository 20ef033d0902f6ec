import { transform } from 'esbuild';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { close, createIndex } from 'pagefind';
import { augmentForIndex, type SearchProvider } from './search-augment.ts';
import { readVocabulary, writeVocabulary } from './search-vocabulary.ts';

/** What one indexing run produced, for the build log and the benchmark. */
export interface PagefindIndexReport {
	/** Pages indexed per Pagefind language (`nl-nl`, `en-gb`): article pages only. */
	pages: Record<string, number>;
	/** Folder the bundle was written to. */
	outputPath: string;
}

/**
 * Pagefind's scripts that the browser loads (the search code on the page, and in a worker for the
 * results page). Pagefind ships them readable; minified they are ~1.9 KiB gzip smaller each, on
 * every reader's first search (npm run bench:search).
 */
export const minifiedBundleFiles = ['pagefind.js', 'pagefind-worker.js'];

/** Minifies one of Pagefind's scripts in place (an ES module: its exports stay). */
async function minifyScript(path: string): Promise<void> {
	const { code } = await transform(await readFile(path, 'utf8'), { minify: true, format: 'esm' });
	await writeFile(path, code);
}

/**
 * Markup inside article bodies that is UI, not content: the copy buttons of the settings tables
 * would otherwise put "Kopieer"/"Copy" into every excerpt.
 */
export const excludeSelectors = ['hc-copy'];

/**
 * Target size of Pagefind's index chunks. Pagefind's default (~25 KB a chunk) means a reader's
 * first word already costs that much on a 1,000-article knowledge base; at 4,000 a chunk is
 * ~5 KB gzip and the extra chunk list in the metadata costs ~2 KB (see npm run bench:search).
 * Pagefind 1.6 reads it from this environment variable only, marked unstable: a later version
 * that ignores it falls back to its default, which works, only heavier.
 */
export const indexChunkSize = 4000;

/**
 * Pagefind's ready-made search interfaces, which it writes with every bundle: the site has its
 * own (src/components/search/) and loads only `pagefind.js` (with its worker and WebAssembly)
 * and `pagefind-highlight.js`. Removed after writing: 0.38 MB that no page asks for.
 */
export const unusedBundleFiles = [
	'pagefind-ui.js',
	'pagefind-ui.css',
	'pagefind-component-ui.js',
	'pagefind-component-ui.css',
	'pagefind-modular-ui.js',
	'pagefind-modular-ui.css',
];

/** What the index adds to the pages' own text (see search-augment.ts, search-vocabulary.ts). */
export interface IndexExtras {
	providers: readonly SearchProvider[];
	/** Words to add to a Pagefind language's word list (`nl-nl`): the synonyms readers type. */
	extraWords: (pagefindLang: string) => readonly string[];
}

/**
 * Indexes the built HTML in `siteDir` with Pagefind's Node API and writes the bundle to
 * `<siteDir>/pagefind`, with a word list per language for spelling correction and the words on
 * nearly every page, which the search leaves out of what it asks Pagefind. Pagefind splits
 * the index by `<html lang>`, so every site language gets its own index and a reader only ever
 * downloads the one of the page they are on. Pages are read here and handed to Pagefind with
 * the extra words search needs (augmentForIndex), which the served pages do not carry.
 * @throws when Pagefind reports an error.
 */
export async function buildSearchIndex(
	siteDir: string,
	extras: IndexExtras = { providers: [], extraWords: () => [] },
): Promise<PagefindIndexReport> {
	// The Pagefind service is a child process; it inherits the environment when it starts.
	process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'] ??= String(indexChunkSize);
	try {
		const { index, errors } = await createIndex({ excludeSelectors });
		if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
		const root = siteDir.replace(/\/$/, '');
		const pages = (await readdir(root, { recursive: true })).filter((f) => f.endsWith('.html'));
		for (const sourcePath of pages.sort()) {
			const html = await readFile(join(root, sourcePath), 'utf8');
			// Only article pages carry data-pagefind-body; Pagefind skips the rest itself.
			if (!html.includes('data-pagefind-body')) continue;
			const added = await index.addHTMLFile({
				sourcePath,
				content: augmentForIndex(html, extras.providers),
			});
			if (added.errors.length > 0) {
				throw new Error(`Pagefind could not index ${sourcePath}: ${added.errors.join('; ')}`);
			}
		}
		const outputPath = `${root}/pagefind`;
		const written = await index.writeFiles({ outputPath });
		if (written.errors.length > 0) {
			throw new Error(`Pagefind could not write ${outputPath}: ${written.errors.join('; ')}`);
		}
		await Promise.all(unusedBundleFiles.map((name) => rm(join(outputPath, name), { force: true })));
		await Promise.all(minifiedBundleFiles.map((name) => minifyScript(join(outputPath, name))));
		await writeVocabulary(outputPath, await readVocabulary(outputPath), extras.extraWords);
		const entry = JSON.parse(await readFile(`${outputPath}/pagefind-entry.json`, 'utf8')) as {
			languages: Record<string, { page_count: number }>;
		};
		const counts = Object.fromEntries(
			Object.entries(entry.languages).map(([lang, { page_count }]) => [lang, page_count]),
		);
		return { pages: counts, outputPath: written.outputPath };
	} finally {
		await close();
	}
}
