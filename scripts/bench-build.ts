/**
 * `npm run bench:build`: how the full `astro build` (MDX, pages, sitemap, Pagefind) scales with
 * the size of the knowledge base. For each size a synthetic knowledge base (scripts/generate-kb.ts,
 * fixed seed) is built in its own copy of the project, never in this project's dist/. Measures wall
 * time, peak memory of the build process tree, dist size, search index size, and the same per
 * 1,000 pages; writes bench/results/build.json and build.svg (time vs articles) and prints a table.
 * A benchmark, not a test: it judges only the stated targets (issue 15, at 1,000 articles per
 * language): `dist` at most 30 KiB a page all-in (every file of the build, server included, over
 * the number of HTML pages), the build at most 1.5× the bare Astro + MDX build of the same
 * articles (needs the baseline), and linear growth to 5,000 (needs sizes 100, 1,000 and 5,000):
 * each further 1,000 pages from 1,000 to 5,000 costs at most 1.25× the seconds they cost from
 * 100 to 1,000 (the bare build's own ratio is printed beside it), and a page at 5,000 weighs at
 * most 1.1× a page at 1,000. Where a page's bytes go is written per kind (HTML and the CSS inlined
 * in it, search index, server, `/_astro/` assets, the rest).
 *
 * Peak memory: the build's Node process reports its exact peak RSS (getrusage, through a preload
 * module); the whole tree (Node + Pagefind's service) is sampled from /proc every 100 ms.
 *
 * Baseline: for each size, the same generated MDX files are also built by a bare Astro + MDX site
 * (scripts/lib/bench-bare-site.ts: no adapter, layout, CSS, sitemap or Pagefind), with the same
 * packages, right after our build. Its time is what Astro and MDX alone cost for these articles;
 * our time is reported as a multiple of it.
 *
 * Options: --sizes 100,1000,5000 (articles per language), --work-dir DIR (a temp dir),
 * --keep (leave the builds), --no-baseline (skip the bare site), --no-write (print only).
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import {
	loadAverage,
	machine,
	mib,
	parseFlags,
	printTable,
	resultsDir,
	usageError,
	writeResult,
} from './bench-utils.ts';
import { generateKnowledgeBase } from './generate-kb.ts';
import { writeBareSite } from './lib/bench-bare-site.ts';
import { peakReportFlags, sampleTree } from './process-memory.ts';
import { lineChart, type Series } from './svg-chart.ts';

const projectRoot = join(import.meta.dirname, '..');
const usage =
	'Usage: npm run bench:build -- [--sizes 100,1000,5000] [--work-dir DIR] [--keep] [--no-baseline] [--no-write]';
/**
 * Issue 15's targets at 1,000 articles per language (2,000 article pages); linear growth is
 * judged between 100, 1,000 and 5,000. They replace issue 5's (build under 20 s, `dist` under
 * 40 MiB), whose figures the README keeps.
 */
const target = {
	articles: 1000,
	maxPageKiB: 30,
	maxTimesBaseline: 1.5,
	linearTo: 5000,
	linearFrom: 100,
	maxSlopeRatio: 1.25,
	maxPageGrowth: 1.1,
};

const flags = parseFlags(
	{
		sizes: { type: 'string', default: '100,1000,5000' },
		'work-dir': { type: 'string' },
		keep: { type: 'boolean', default: false },
		baseline: { type: 'boolean', default: true },
		'no-baseline': { type: 'boolean', default: false },
		'no-write': { type: 'boolean', default: false },
	},
	usage,
);
/** Whether to build the bare Astro + MDX site too (`--baseline`, the default; `--no-baseline`). */
const withBaseline = flags.baseline && !flags['no-baseline'];
const sizes = flags.sizes.split(',').map((s) => Number(s.trim()));
if (sizes.length === 0 || sizes.some((n) => !Number.isSafeInteger(n) || n < 1 || n > 9999)) {
	usageError(
		`--sizes: expected articles per language as whole numbers 1–9999, comma-separated, got "${flags.sizes}".`,
		usage,
	);
}

/** Total bytes and file count under a folder. */
async function du(dir: string, match: (name: string) => boolean = () => true) {
	let bytes = 0;
	let files = 0;
	const walk = async (d: string) => {
		for (const entry of await readdir(d, { withFileTypes: true })) {
			const path = join(d, entry.name);
			if (entry.isDirectory()) await walk(path);
			else if (match(entry.name)) {
				bytes += (await stat(path)).size;
				files++;
			}
		}
	};
	if (existsSync(dir)) await walk(dir);
	return { bytes, files };
}

/** Raw bytes of the `<style>` elements of the HTML pages under `dir` (the inlined CSS). */
async function inlineCssBytes(dir: string): Promise<number> {
	let bytes = 0;
	const walk = async (d: string) => {
		for (const entry of await readdir(d, { withFileTypes: true })) {
			const path = join(d, entry.name);
			if (entry.isDirectory()) await walk(path);
			else if (entry.name.endsWith('.html')) {
				for (const m of (await readFile(path, 'utf8')).matchAll(
					/<style[^>]*>([\s\S]*?)<\/style>/g,
				)) {
					bytes += Buffer.byteLength(m[1]!);
				}
			}
		}
	};
	await walk(dir);
	return bytes;
}

/** Seconds of each phase, from the build log (Astro and our Pagefind integration print them). */
function phases(log: string) {
	const text = stripVTControlCharacters(log);
	// Astro prints "116ms", "9.43s" or "1m 20s".
	const duration = /((?:\d+m )?[\d.]+m?s)/.source;
	const seconds = (value: string) => {
		const [, m, n, unit] = /^(?:(\d+)m )?([\d.]+)(ms|s)$/.exec(value)!;
		return Number(m ?? 0) * 60 + Number(n) / (unit === 'ms' ? 1000 : 1);
	};
	const vite = [...text.matchAll(new RegExp(`✓ built in ${duration}`, 'g'))].map((m) =>
		seconds(m[1]!),
	);
	// "prerendering static routes" with an adapter (ours), "generating" without (the baseline).
	const routesAt = text.search(/(?:prerender|generat)ing static routes/);
	const prerender =
		routesAt < 0 ? null : new RegExp(`✓ Completed in ${duration}`).exec(text.slice(routesAt));
	const sync = new RegExp(`\\[types\\] Generated ${duration}`).exec(text);
	const pagefind = /\[hc-pagefind\] Indexed .* in (\d+) ms/.exec(text);
	return {
		contentSyncS: sync ? seconds(sync[1]!) : null,
		viteBuildsS: vite,
		prerenderS: prerender ? seconds(prerender[1]!) : null,
		pagefindS: pagefind ? Number(pagefind[1]) / 1000 : null,
	};
}

/** The phases as one line: "sync 1.2 s, Vite 9.1 + 0.1 s, prerender 20.3 s, Pagefind 2.0 s". */
function describePhases(p: ReturnType<typeof phases>): string {
	const s = (n: number) => `${Math.round(n * 10) / 10}`;
	return [
		p.contentSyncS !== null && `sync ${s(p.contentSyncS)} s`,
		p.viteBuildsS.length > 0 && `Vite ${p.viteBuildsS.map(s).join(' + ')} s`,
		p.prerenderS !== null && `prerender ${s(p.prerenderS)} s`,
		p.pagefindS !== null && `Pagefind ${s(p.pagefindS)} s`,
	]
		.filter(Boolean)
		.join(', ');
}

/** Runs `astro build` in `root`, measuring wall time and memory; the log goes to a file. */
async function build(root: string) {
	const astro = join(projectRoot, 'node_modules/astro/bin/astro.mjs');
	const logPath = join(root, 'build.log');
	const peakFile = join(root, 'peak-rss-kib');
	// Megabytes of log with thousands of MDX files: to a file, not through a pipe.
	const fd = openSync(logPath, 'w');
	const started = performance.now();
	const child = spawn(process.execPath, [...peakReportFlags(peakFile), astro, 'build'], {
		cwd: root,
		env: { ...process.env, HC_OUT_DIR: 'dist' },
		stdio: ['ignore', fd, fd],
	});
	const sampler = sampleTree(child.pid!);
	const code = await new Promise<number | null>((done) => child.on('exit', done));
	const seconds = (performance.now() - started) / 1000;
	const memory = sampler.stop();
	closeSync(fd);
	const log = readFileSync(logPath, 'utf8');
	if (code !== 0) {
		const tail = log.split('\n').slice(-30).join('\n');
		throw new Error(`astro build failed in ${root} (log: ${logPath}):\n${tail}`);
	}
	const nodePeakKiB = Number(readFileSync(peakFile, 'utf8'));
	const others = [...memory.highWater].filter(([pid]) => pid !== child.pid);
	return {
		seconds,
		phases: phases(log),
		memory: {
			nodePeakMiB: mib(nodePeakKiB * 1024),
			treeSampledPeakMiB: mib(memory.peakTreeRssKiB * 1024),
			treeUpperBoundMiB: mib((nodePeakKiB + others.reduce((n, [, p]) => n + p.kib, 0)) * 1024),
			children: others.map(([, p]) => ({ command: p.command, peakMiB: mib(p.kib * 1024) })),
		},
	};
}

/**
 * Builds the bare Astro + MDX site (scripts/lib/bench-bare-site.ts) on the articles of the
 * knowledge base at `kbRoot`, in its own folder next to it, and measures it like ours.
 */
async function measureBaseline(kbRoot: string, perLanguage: number, workDir: string) {
	const root = join(workDir, `bare-${perLanguage}`);
	await writeBareSite(root, join(kbRoot, 'content/articles'));
	const loadBefore = loadAverage();
	console.log(`  building the bare Astro + MDX baseline (load average ${loadBefore.join(' ')})…`);
	const result = await build(root);
	const loadAfter = loadAverage();
	const dist = join(root, 'dist');
	const [total, html] = await Promise.all([du(dist), du(dist, (name) => name.endsWith('.html'))]);
	const baseline = {
		pages: html.files,
		seconds: Math.round(result.seconds * 10) / 10,
		phases: result.phases,
		nodePeakMiB: result.memory.nodePeakMiB,
		distMiB: mib(total.bytes),
		loadAverage: { start: loadBefore, end: loadAfter },
	};
	console.log(
		`  baseline: ${baseline.pages} pages in ${baseline.seconds} s (${describePhases(baseline.phases)}), node peak ${baseline.nodePeakMiB} MiB, dist ${baseline.distMiB} MiB`,
	);
	if (!flags.keep) await rm(root, { recursive: true, force: true });
	return baseline;
}

/** Generates, builds and measures one knowledge base size (and the baseline on it). */
async function measure(perLanguage: number, workDir: string) {
	console.log(`\n${perLanguage} articles per language: generating…`);
	const kb = await generateKnowledgeBase(join(workDir, `kb-${perLanguage}`), perLanguage);
	const loadBefore = loadAverage();
	console.log(`  building (load average ${loadBefore.join(' ')})…`);
	const result = await build(kb.root);
	const loadAfter = loadAverage();
	const dist = join(kb.root, 'dist');
	const [total, client, server, pagefind, html, assets, inlineCss] = await Promise.all([
		du(dist),
		du(join(dist, 'client')),
		du(join(dist, 'server')),
		du(join(dist, 'client/pagefind')),
		du(join(dist, 'client'), (name) => name.endsWith('.html')),
		du(join(dist, 'client/_astro')),
		inlineCssBytes(join(dist, 'client')),
	]);
	const perPage = (bytes: number) => Math.round((bytes / html.files / 1024) * 100) / 100;
	const articles = (await du(join(kb.root, 'content/articles'), (n) => n.endsWith('.mdx'))).files;
	const per1000 = (value: number) => Math.round((value / html.files) * 1000 * 100) / 100;
	const row = {
		perLanguage,
		articles,
		pages: html.files,
		seconds: Math.round(result.seconds * 10) / 10,
		phases: result.phases,
		memory: result.memory,
		distMiB: mib(total.bytes),
		clientMiB: mib(client.bytes),
		serverMiB: mib(server.bytes),
		htmlMiB: mib(html.bytes),
		averagePageKiB: Math.round(html.bytes / html.files / 102.4) / 10,
		/** All of `dist` (client and server) over the number of HTML pages: issue 15's measure. */
		distPerPageKiB: perPage(total.bytes),
		/** Where a page's share of `dist` goes (KiB; inline CSS is part of the HTML). */
		perPageKiB: {
			html: perPage(html.bytes),
			inlineCss: perPage(inlineCss),
			searchIndex: perPage(pagefind.bytes),
			server: perPage(server.bytes),
			assets: perPage(assets.bytes),
			other: perPage(total.bytes - html.bytes - pagefind.bytes - server.bytes - assets.bytes),
		},
		searchIndexMiB: mib(pagefind.bytes),
		searchIndexFiles: pagefind.files,
		per1000Pages: {
			seconds: per1000(result.seconds),
			distMiB: per1000(mib(total.bytes)),
			searchIndexMiB: per1000(mib(pagefind.bytes)),
		},
		loadAverage: { start: loadBefore, end: loadAfter },
	};
	console.log(
		`  ${row.pages} pages in ${row.seconds} s (${describePhases(row.phases)}), node peak ${row.memory.nodePeakMiB} MiB, dist ${row.distMiB} MiB`,
	);
	const baseline = withBaseline ? await measureBaseline(kb.root, perLanguage, workDir) : null;
	if (!flags.keep) await rm(kb.root, { recursive: true, force: true });
	return {
		...row,
		baseline,
		/** Our build time as a multiple of the baseline's. */
		timesBaseline: baseline ? Math.round((row.seconds / baseline.seconds) * 100) / 100 : null,
	};
}

type Row = Awaited<ReturnType<typeof measure>>;

/**
 * Marginal cost per 1,000 pages between consecutive sizes: flat when growth is linear. Fixed
 * costs (Vite start-up, bundling the islands) make the first size look dearer per page, so
 * linearity is judged on the slopes, not on the per-page averages.
 */
function slopes(rows: Row[]) {
	const per1000 = (delta: number, pages: number) => Math.round((delta / pages) * 1000 * 10) / 10;
	return rows.slice(1).map((row, i) => {
		const prev = rows[i]!;
		const pages = row.pages - prev.pages;
		return {
			from: prev.perLanguage,
			to: row.perLanguage,
			secondsPer1000Pages: per1000(row.seconds - prev.seconds, pages),
			distMiBPer1000Pages: per1000(row.distMiB - prev.distMiB, pages),
			baselineSecondsPer1000Pages:
				row.baseline && prev.baseline
					? per1000(
							row.baseline.seconds - prev.baseline.seconds,
							row.baseline.pages - prev.baseline.pages,
						)
					: null,
		};
	});
}

const workDir = flags['work-dir']
	? resolve(flags['work-dir'])
	: await mkdtemp(join(tmpdir(), 'hc-bench-build-'));
await mkdir(workDir, { recursive: true });
const runLoad = loadAverage();
console.log(`Build benchmark: sizes ${sizes.join(', ')} (load average ${runLoad.join(' ')})`);
const rows: Row[] = [];
/** Where the sizes measured so far go while the run lasts. */
const partialFile = 'build-partial.json';
try {
	for (const size of [...sizes].sort((a, b) => a - b)) {
		rows.push(await measure(size, workDir));
		// A run of several sizes takes long on a shared machine: what is measured is kept if a
		// later size fails or the run is stopped (removed when build.json is written).
		if (!flags['no-write']) {
			await writeResult(partialFile, {
				benchmark: 'bench:build',
				command: `npm run bench:build -- --sizes ${sizes.join(',')}`,
				complete: false,
				date: new Date().toISOString(),
				machine: machine(),
				loadAverage: { start: runLoad, end: loadAverage() },
				results: rows,
			});
		}
	}
} finally {
	if (!flags['work-dir'] && !flags.keep) await rm(workDir, { recursive: true, force: true });
}

console.log('');
printTable([
	[
		'articles/lang',
		'pages',
		'time s',
		'bare s',
		'× bare',
		's/1k pages',
		'node peak MiB',
		'tree peak MiB',
		'dist MiB',
		'KiB/page all-in',
		'bare MiB',
		'client MiB',
		'HTML KiB/page',
		'index MiB',
		'load start→end',
	],
	...rows.map((r) => [
		String(r.perLanguage),
		String(r.pages),
		r.seconds.toFixed(1),
		r.baseline?.seconds.toFixed(1) ?? '–',
		r.timesBaseline?.toFixed(2) ?? '–',
		r.per1000Pages.seconds.toFixed(1),
		r.memory.nodePeakMiB.toFixed(0),
		r.memory.treeSampledPeakMiB.toFixed(0),
		r.distMiB.toFixed(1),
		r.distPerPageKiB.toFixed(1),
		r.baseline?.distMiB.toFixed(1) ?? '–',
		r.clientMiB.toFixed(1),
		r.averagePageKiB.toFixed(1),
		r.searchIndexMiB.toFixed(1),
		`${r.loadAverage.start[0]}→${r.loadAverage.end[0]}`,
	]),
]);
for (const r of rows) {
	const k = r.perPageKiB;
	console.log(
		`  ${r.perLanguage} articles/lang, KiB a page: HTML ${k.html} (of which inline CSS ${k.inlineCss}), search index ${k.searchIndex}, server ${k.server}, /_astro/ ${k.assets}, other ${k.other}`,
	);
}
const growth = slopes(rows);
for (const s of growth) {
	const bare =
		s.baselineSecondsPer1000Pages === null ? '' : ` (bare: +${s.baselineSecondsPer1000Pages} s)`;
	console.log(
		`  ${s.from}→${s.to} articles/lang: +${s.secondsPer1000Pages} s${bare} and +${s.distMiBPer1000Pages} MiB per 1,000 more pages`,
	);
}

/** A target's figure, its limit and whether it was met; null when the run could not judge it. */
interface Verdict {
	value: number;
	max: number;
	met: boolean;
}
const judge = (value: number, max: number): Verdict => ({ value, max, met: value <= max });
const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
const atTarget = rows.find((r) => r.perLanguage === target.articles);
const linearRows = [target.linearFrom, target.articles, target.linearTo].map((n) =>
	rows.find((r) => r.perLanguage === n),
);
/** Seconds (ours and bare) per 1,000 more pages between two rows. */
const slope = (a: Row, b: Row) => ({
	ours: ((b.seconds - a.seconds) / (b.pages - a.pages)) * 1000,
	bare:
		a.baseline && b.baseline
			? ((b.baseline.seconds - a.baseline.seconds) / (b.baseline.pages - a.baseline.pages)) * 1000
			: null,
});
const linear = (() => {
	const [small, middle, large] = linearRows;
	if (!small || !middle || !large) return null;
	const [early, late] = [slope(small, middle), slope(middle, large)];
	return {
		secondsPer1000Pages: {
			[`${small.perLanguage}→${middle.perLanguage}`]: Math.round(early.ours * 10) / 10,
			[`${middle.perLanguage}→${large.perLanguage}`]: Math.round(late.ours * 10) / 10,
		},
		slopeRatio: judge(ratio(late.ours, early.ours), target.maxSlopeRatio),
		bareSlopeRatio: early.bare && late.bare ? ratio(late.bare, early.bare) : null,
		pageGrowth: judge(ratio(large.distPerPageKiB, middle.distPerPageKiB), target.maxPageGrowth),
	};
})();
const verdicts = {
	distPerPageKiB: atTarget ? judge(atTarget.distPerPageKiB, target.maxPageKiB) : null,
	timesBaseline:
		atTarget?.timesBaseline != null ? judge(atTarget.timesBaseline, target.maxTimesBaseline) : null,
	linear,
};
const ok = (v: Verdict) => (v.met ? 'met' : 'MISSED');
console.log(`\nTargets at ${target.articles} articles per language:`);
if (!atTarget) console.log(`  not judged: --sizes has no ${target.articles}`);
if (verdicts.distPerPageKiB) {
	console.log(
		`  dist ${verdicts.distPerPageKiB.value} KiB a page all-in ≤ ${target.maxPageKiB} KiB: ${ok(verdicts.distPerPageKiB)} (${atTarget!.distMiB} MiB for ${atTarget!.pages} pages)`,
	);
}
if (verdicts.timesBaseline) {
	console.log(
		`  build ${verdicts.timesBaseline.value}× the bare Astro + MDX build ≤ ${target.maxTimesBaseline}×: ${ok(verdicts.timesBaseline)} (${atTarget!.seconds} s: ${describePhases(atTarget!.phases)}; bare ${atTarget!.baseline!.seconds} s: ${describePhases(atTarget!.baseline!.phases)})`,
	);
} else if (atTarget) console.log('  build ÷ bare: not judged (--no-baseline)');
if (linear) {
	const [early, late] = Object.entries(linear.secondsPer1000Pages);
	const bare =
		linear.bareSlopeRatio === null ? '' : `; bare Astro + MDX: ${linear.bareSlopeRatio}×`;
	console.log(
		`  linear to ${target.linearTo}: ${late![0]} costs ${late![1]} s per 1,000 pages, ${linear.slopeRatio.value}× the ${early![1]} s of ${early![0]} (≤ ${target.maxSlopeRatio}×): ${ok(linear.slopeRatio)}${bare}; a page at ${target.linearTo} weighs ${linear.pageGrowth.value}× a page at ${target.articles} (≤ ${target.maxPageGrowth}×): ${ok(linear.pageGrowth)}`,
	);
} else {
	console.log(
		`  linear growth: not judged (needs --sizes ${target.linearFrom},${target.articles},${target.linearTo})`,
	);
}

if (!flags['no-write']) {
	const series: Series[] = [
		{
			name: 'help center: full build',
			points: rows.map((r) => ({ x: r.perLanguage, y: r.seconds, label: `${r.seconds} s` })),
		},
	];
	const bare = rows.flatMap((r) =>
		r.baseline ? [{ x: r.perLanguage, y: r.baseline.seconds }] : [],
	);
	if (bare.length > 0) {
		series.push({
			name: 'baseline: bare Astro + MDX, same articles',
			dashed: true,
			points: bare.map((p) => ({ ...p, label: `${p.y} s` })),
		});
	}
	const json = await writeResult('build.json', {
		benchmark: 'bench:build',
		command: `npm run bench:build -- --sizes ${sizes.join(',')}${withBaseline ? '' : ' --no-baseline'}`,
		date: new Date().toISOString(),
		machine: machine(),
		loadAverage: { start: runLoad, end: loadAverage() },
		targets: {
			at: target.articles,
			maxDistPerPageKiB: target.maxPageKiB,
			maxTimesBaseline: target.maxTimesBaseline,
			linear: `from ${target.articles} to ${target.linearTo} articles per language, seconds per 1,000 more pages ≤ ${target.maxSlopeRatio}× those from ${target.linearFrom} to ${target.articles}, and KiB a page ≤ ${target.maxPageGrowth}× those at ${target.articles}`,
		},
		verdicts,
		baselineSite: withBaseline
			? 'bare Astro + @astrojs/mdx (scripts/lib/bench-bare-site.ts)'
			: null,
		results: rows,
		growth,
	});
	const bareAtTarget = atTarget?.baseline?.seconds;
	const svg = await writeResult(
		'build.svg',
		lineChart({
			title: 'astro build time vs knowledge base size (2 cores, shared)',
			xLabel: 'articles per language (pages ≈ 2 × articles)',
			yLabel: 'build wall time, s',
			series,
			...(bareAtTarget
				? {
						target: {
							y: Math.round(bareAtTarget * target.maxTimesBaseline * 10) / 10,
							label: `target: ${target.maxTimesBaseline}× bare at ${target.articles} per language`,
						},
					}
				: {}),
		}),
	);
	await rm(join(resultsDir, partialFile), { force: true });
	console.log(`\nWrote ${json} and ${svg}`);
}
