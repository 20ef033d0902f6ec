import { readFile } from 'node:fs/promises';
import { close, createIndex } from 'pagefind';

/** What one indexing run produced, for the build log and the benchmark. */
export interface PagefindIndexReport {
	/** Pages indexed per Pagefind language (`nl-nl`, `en-gb`): article pages only. */
	pages: Record<string, number>;
	/** Folder the bundle was written to. */
	outputPath: string;
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
 * Indexes the built HTML in `siteDir` with Pagefind's Node API and writes the bundle to
 * `<siteDir>/pagefind`. Pagefind splits the index by `<html lang>`, so every site language gets
 * its own index and a reader only ever downloads the one of the page they are on.
 * @throws when Pagefind reports an error.
 */
export async function buildSearchIndex(siteDir: string): Promise<PagefindIndexReport> {
	// The Pagefind service is a child process; it inherits the environment when it starts.
	process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'] ??= String(indexChunkSize);
	try {
		const { index, errors } = await createIndex({ excludeSelectors });
		if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
		const added = await index.addDirectory({ path: siteDir, glob: '**/*.html' });
		if (added.errors.length > 0) {
			throw new Error(`Pagefind could not index ${siteDir}: ${added.errors.join('; ')}`);
		}
		const outputPath = `${siteDir.replace(/\/$/, '')}/pagefind`;
		const written = await index.writeFiles({ outputPath });
		if (written.errors.length > 0) {
			throw new Error(`Pagefind could not write ${outputPath}: ${written.errors.join('; ')}`);
		}
		const entry = JSON.parse(await readFile(`${outputPath}/pagefind-entry.json`, 'utf8')) as {
			languages: Record<string, { page_count: number }>;
		};
		const pages = Object.fromEntries(
			Object.entries(entry.languages).map(([lang, { page_count }]) => [lang, page_count]),
		);
		return { pages, outputPath: written.outputPath };
	} finally {
		await close();
	}
}
