/**
 * `npm run bench:build`: how the full `astro build` (MDX, pages, sitemap, Pagefind) scales with
 * the size of the knowledge base. For each size a synthetic knowledge base (scripts/generate-kb.ts,
 * fixed seed) is built in its own copy of the project, never in this project's dist/. Measures wall
 * time, peak memory of the build process tree, dist size, search index size, and the same per
 * 1,000 pages; writes bench/results/build.json and build.svg (time vs articles) and prints a table.
 * A benchmark, not a test: it judges only the stated targets.
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
import { mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import {
	loadAverage,
	machine,
	mib,
	parseFlags,
	printTable,
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
/** The targets for 1,000 articles per language (2,000 article pages). */
const target = { articles: 1000, seconds: 20, distMiB: 40 };

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
	const [total, client, server, pagefind, html] = await Promise.all([
		du(dist),
		du(join(dist, 'client')),
		du(join(dist, 'server')),
		du(join(dist, 'client/pagefind')),
		du(join(dist, 'client'), (name) => name.endsWith('.html')),
	]);
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
try {
	for (const size of [...sizes].sort((a, b) => a - b)) rows.push(await measure(size, workDir));
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
		'bare MiB',
		'client MiB',
		'page KiB',
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
		r.baseline?.distMiB.toFixed(1) ?? '–',
		r.clientMiB.toFixed(1),
		r.averagePageKiB.toFixed(1),
		r.searchIndexMiB.toFixed(1),
		`${r.loadAverage.start[0]}→${r.loadAverage.end[0]}`,
	]),
]);
const growth = slopes(rows);
for (const s of growth) {
	const bare =
		s.baselineSecondsPer1000Pages === null ? '' : ` (bare: +${s.baselineSecondsPer1000Pages} s)`;
	console.log(
		`  ${s.from}→${s.to} articles/lang: +${s.secondsPer1000Pages} s${bare} and +${s.distMiBPer1000Pages} MiB per 1,000 more pages`,
	);
}
const atTarget = rows.find((r) => r.perLanguage === target.articles);
if (atTarget) {
	const ok = (pass: boolean) => (pass ? 'met' : 'MISSED');
	console.log(
		`\nTargets at ${target.articles} articles per language: build ${atTarget.seconds} s < ${target.seconds} s ${ok(atTarget.seconds < target.seconds)}; dist ${atTarget.distMiB} MiB < ${target.distMiB} MiB ${ok(atTarget.distMiB < target.distMiB)} (client alone ${atTarget.clientMiB} MiB)`,
	);
	if (atTarget.baseline) {
		console.log(
			`Bare Astro + MDX on the same articles: ${atTarget.baseline.seconds} s (${describePhases(atTarget.baseline.phases)}), dist ${atTarget.baseline.distMiB} MiB; ours takes ${atTarget.timesBaseline}× as long`,
		);
	}
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
		targets: { at: target.articles, maxSeconds: target.seconds, maxDistMiB: target.distMiB },
		baselineSite: withBaseline
			? 'bare Astro + @astrojs/mdx (scripts/lib/bench-bare-site.ts)'
			: null,
		results: rows,
		growth,
	});
	const svg = await writeResult(
		'build.svg',
		lineChart({
			title: 'astro build time vs knowledge base size (2 cores, shared)',
			xLabel: 'articles per language (pages ≈ 2 × articles)',
			yLabel: 'build wall time, s',
			series,
			target: { y: target.seconds, label: `target: ${target.seconds} s at 1,000 per language` },
		}),
	);
	console.log(`\nWrote ${json} and ${svg}`);
}
