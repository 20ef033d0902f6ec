/**
 * `npm run bench:weight`: what each page type weighs at load (HTML, CSS, and the JavaScript that
 * runs before the reader acts; raw and gzip -9 per file), for the real content and for a
 * synthetic knowledge base of 1,000 articles per language (scripts/generate-kb.ts), each built
 * in a temporary copy of the project. Then the targets of issue 6: an article page ≤ 15 KiB gzip
 * at load, and its HTML the same size (±10%) in both builds, which holds only if navigation
 * does not list every article. Exits 1 when a target is missed, 2 on a bad flag.
 *
 * Each page also gets its second-visit figure: what it downloads when opened after another page
 * (its language's home; the home after the article), with `/_astro/` files cached as the server's
 * `immutable` Cache-Control allows and the HTML fetched again (scripts/lib/page-weight.ts).
 *
 * Options: --per-language N (1000), --keep (leave the temporary builds).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { searchPagePaths } from '../src/components/search/paths.ts';
import { generateKnowledgeBase } from './generate-kb.ts';
import { buildCopy } from './lib/astro-build.ts';
import { builtFiles, htmlPages } from './lib/built-site.ts';
import { attr, parseHtml } from './lib/html-dom.ts';
import { pageWeight, secondVisit, type PageWeight, type Size } from './lib/page-weight.ts';
import {
	largestPerType,
	measurePages,
	overTargets,
	scaleTargets,
	type PageScale,
} from './lib/page-scale.ts';

const usage = 'Usage: node scripts/bench-weight.ts [--per-language 1000] [--keep]';

/** Parses the flags; a wrong one exits 2 with its name. */
function options(): { perLanguage: number; keep: boolean } {
	try {
		const { values } = parseArgs({
			options: {
				'per-language': { type: 'string', default: '1000' },
				keep: { type: 'boolean', default: false },
			},
		});
		const perLanguage = Number(values['per-language']);
		if (!/^\d+$/.test(values['per-language']) || perLanguage < 1) {
			throw new Error(
				`--per-language: expected a whole number of at least 1, got "${values['per-language']}"`,
			);
		}
		return { perLanguage, keep: values.keep };
	} catch (error) {
		console.error(`${(error as Error).message}\n${usage}`);
		process.exit(2);
	}
}

/** One page of each type, in each language. */
const pageTypes = [
	['home', '/nl/', '/en/'],
	['category', '/nl/providers/', '/en/providers/'],
	['article', '/nl/gmail/', '/en/gmail/'],
	['search page', '/nl/zoeken/', '/en/search/'],
	['404', '/nl/404/', '/en/404/'],
] as const;

const budget = 15 * 1024;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)}`.padStart(6);
const fileOf = (url: string) => `${url.slice(1)}index.html`;

/** The page a second-visit figure follows: the language's home, or for the home its article. */
const firstPageOf = (url: string) => {
	const home = /^\/[^/]+\//.exec(url)![0];
	return url === home ? `${home}gmail/` : home;
};

function row(label: string, url: string, w: PageWeight, second: Size): string {
	const cell = (s: Size) => `${kib(s.raw)} / ${kib(s.gzip)}`;
	const inline = `${kib(w.inline.css)} ${kib(w.inline.js)}`;
	return `  ${label.padEnd(12)}${url.padEnd(16)}${cell(w.html)}  ${inline}   ${cell(w.css)}   ${cell(w.js)}   ${cell(w.total)}   ${cell(second)}`;
}

/** URLs of the article pages of a build (`og:type` article), leaving out generated `kb-*` ones. */
async function articlePages(client: string): Promise<string[]> {
	const urls: string[] = [];
	for (const page of htmlPages(await builtFiles(client))) {
		if (/\/kb-\d+\/$/.test(page.url)) continue;
		const root = await parseHtml(await readFile(join(client, page.file), 'utf8'));
		const type = root.querySelector('meta[property="og:type"]');
		if (type && attr(type, 'content') === 'article') urls.push(page.url);
	}
	return urls;
}

/**
 * Builds one knowledge base and prints its table; returns the weights of the real articles (the
 * pages both builds have, so their sizes compare directly).
 */
async function measure(label: string, perLanguage: number, workDir: string) {
	console.log(`\n${label}`);
	const kb = await generateKnowledgeBase(join(workDir, label.replace(/\W+/g, '-')), perLanguage);
	console.log(`  built in ${buildCopy(kb.root).toFixed(0)} s`);
	const client = join(kb.root, 'dist/client');
	console.log(
		`  ${'page'.padEnd(28)}${'HTML raw/gzip'.padStart(15)}  ${'(inline CSS JS)'.padStart(13)}   ${'CSS files'.padStart(15)}   ${'JS at load'.padStart(15)}   ${'total'.padStart(15)}   ${'second visit'.padStart(15)}`,
	);
	const weights = new Map<string, PageWeight>();
	const weigh = async (url: string) =>
		weights.get(url) ?? weights.set(url, await pageWeight(client, fileOf(url), url)).get(url)!;
	for (const [type, ...urls] of pageTypes) {
		for (const url of urls) {
			const w = await weigh(url);
			console.log(row(type, url, w, secondVisit(w, await weigh(firstPageOf(url)))));
		}
	}
	const articles = new Map<string, PageWeight>();
	for (const url of await articlePages(client)) articles.set(url, await weigh(url));
	if (perLanguage > 0) scaleMet = await scaleSection(kb.root);
	return { articles, weigh };
}

/** Whether every page of the synthetic build met the scale targets (set by scaleSection). */
let scaleMet: boolean | undefined;

const scaleTypes = [
	'home',
	'category page 1',
	'category page N',
	'article',
	'search page',
	'404',
	'language chooser',
];

/**
 * Issue 14's scale targets: every HTML page of the build, its raw HTML and its elements, with the
 * largest page of each type; true when every page is ≤ 60,000 bytes and ≤ 1,500 elements.
 */
async function scaleSection(root: string): Promise<boolean> {
	const categories = (
		JSON.parse(await readFile(join(root, 'content/categories.json'), 'utf8')) as { id: string }[]
	).map((c) => c.id);
	const searchPages = Object.values(searchPagePaths);
	const pages = await measurePages(join(root, 'dist/client'), { categories, searchPages });
	const kb = (bytes: number) => (bytes / 1000).toFixed(1).padStart(6);
	const cell = (p: PageScale) =>
		`${p.url.padEnd(24)}${kb(p.htmlBytes)} KB ${String(p.elements).padStart(6)} (${String(p.bodyElements).padStart(5)})`;
	console.log(
		`\n  Scale: every HTML page (${pages.length}); largest per type by HTML bytes, and by elements where another page has more (body: what Lighthouse's DOM-size audit counts)`,
	);
	console.log(
		`  ${'page type'.padEnd(18)}${'pages'.padStart(5)}   ${'largest page'.padEnd(24)}${'HTML'.padStart(9)} ${'elements (body)'.padStart(14)}`,
	);
	for (const t of largestPerType(pages, scaleTypes)) {
		console.log(`  ${t.type.padEnd(18)}${String(t.pages).padStart(5)}   ${cell(t.byBytes)}`);
		if (t.byElements.elements > t.byBytes.elements)
			console.log(`  ${''.padEnd(26)}${cell(t.byElements)}`);
	}
	const over = overTargets(pages);
	for (const p of over.slice(0, 10)) {
		console.log(`  over target: ${p.url} ${kb(p.htmlBytes).trim()} KB, ${p.elements} elements`);
	}
	const met = over.length === 0;
	console.log(
		`  every page ≤ ${scaleTargets.htmlBytes / 1000} KB HTML and ≤ ${scaleTargets.elements} elements: ${met ? 'met' : `MISSED (${over.length} pages)`}`,
	);
	return met;
}

const { perLanguage, keep } = options();
const workDir = await mkdtemp(join(tmpdir(), 'hc-bench-weight-'));
console.log('Page weight at load (KiB; gzip -9 per file, as a pre-compressing server sends it)');
let missed: boolean | undefined;
try {
	const { articles: real, weigh: weighReal } = await measure('Real content', 0, workDir);
	const { articles: synthetic, weigh: weighSynthetic } = await measure(
		`Synthetic knowledge base, ${perLanguage} articles per language`,
		perLanguage,
		workDir,
	);
	console.log(`\nTargets (the real articles, ${real.size} pages):`);
	const ratios = [...real.keys()].map((url) => ({
		url,
		ratio: synthetic.get(url)!.html.raw / real.get(url)!.html.raw,
	}));
	const worst = ratios.reduce((a, b) => (Math.abs(b.ratio - 1) > Math.abs(a.ratio - 1) ? b : a));
	const ratioMet = ratios.every((r) => Math.abs(r.ratio - 1) <= 0.1);
	const all = [
		...[...real].map(([url, w]) => ({ url, w, build: 'real content' })),
		...[...synthetic].map(([url, w]) => ({ url, w, build: `${perLanguage} per language` })),
	];
	const heaviest = all.reduce((a, b) => (b.w.total.gzip > a.w.total.gzip ? b : a));
	const budgetMet = heaviest.w.total.gzip <= budget;
	const ok = (pass: boolean) => (pass ? 'met' : 'MISSED');
	console.log(
		`  article HTML, ${perLanguage} vs real content: ratio ${Math.min(...ratios.map((r) => r.ratio)).toFixed(3)}–${Math.max(...ratios.map((r) => r.ratio)).toFixed(3)} (furthest: ${worst.url} ${worst.ratio.toFixed(3)}); within ±10%: ${ok(ratioMet)}`,
	);
	console.log(
		`  heaviest article at load: ${heaviest.url} (${heaviest.build}) ${kib(heaviest.w.total.gzip).trim()} KiB gzip; ≤ 15 KiB: ${ok(budgetMet)}`,
	);
	const second = await Promise.all(
		all.map(async ({ url, w, build }) => {
			const weigh = build === 'real content' ? weighReal : weighSynthetic;
			return { url, build, gzip: secondVisit(w, await weigh(firstPageOf(url))).gzip };
		}),
	);
	const heaviestSecond = second.reduce((a, b) => (b.gzip > a.gzip ? b : a));
	console.log(
		`  heaviest article on a second visit (after its language's home: /_astro/ files cached, immutable; HTML again, max-age=0): ${heaviestSecond.url} (${heaviestSecond.build}) ${kib(heaviestSecond.gzip).trim()} KiB gzip`,
	);
	console.log(
		`  scale, ${perLanguage} per language: every page ≤ ${scaleTargets.htmlBytes / 1000} KB HTML and ≤ ${scaleTargets.elements} elements: ${ok(scaleMet === true)}`,
	);
	missed = !ratioMet || !budgetMet || scaleMet !== true;
} finally {
	if (keep) console.log(`\nBuilds kept in ${workDir}`);
	else await rm(workDir, { recursive: true, force: true });
}
if (missed !== false) process.exitCode = 1;
