/**
 * `npm run bench:endpoint`: votes per second the feedback endpoint takes on this machine, with
 * SQLite and with PostgreSQL. The built server (`node scripts/start.ts --no-build`, its own output
 * folder, data folder and, for PostgreSQL, a database this script creates and drops) is loaded by
 * autocannon posting valid vote-only JSON posts (no captcha needed) from many visitors: every
 * request has its own random visitor id, and articles, languages and Yes/No vary. Rate limits are
 * raised through FEEDBACK_RATE_* so they do not cap the run (all requests share one address).
 * Each store is compared with a baseline in the same run: a bare node:http server doing the same
 * INSERT without validation (scripts/bench-baseline-server.ts). Afterwards the rows are counted:
 * every acknowledged (2xx) vote must be in the database (lost votes must be 0). The server's CPU
 * time per request (Linux: /proc) is recorded beside req/s: on a shared, loaded machine req/s
 * swings from run to run, the CPU a vote costs much less.
 *
 * The load generator runs on the same 2 cores as the server, as does the baseline's. Each server
 * takes 500 votes to warm up before its measured run.
 *
 * Options: --duration s (15), --connections n (20), --port p (4450; the baseline uses p+1),
 * --build-dir DIR (an existing build; default: build into a temp folder), --work-dir DIR,
 * --skip-postgres, --no-write.
 */
import autocannon from 'autocannon';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { linkPackages } from './lib/link-packages.ts';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import postgres from 'postgres';
import { deriveSecrets, hmacHex } from '../src/lib/feedback/hash.ts';
import {
	loadAverage,
	machine,
	parseFlags,
	positiveInt,
	printTable,
	writeResult,
} from './bench-utils.ts';

const projectRoot = join(import.meta.dirname, '..');
const usage =
	'Usage: npm run bench:endpoint -- [--duration 15] [--connections 20] [--port 4450] [--build-dir DIR] [--work-dir DIR] [--skip-postgres] [--no-write]';
const postgresAdmin =
	process.env['BENCH_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const flags = parseFlags(
	{
		duration: { type: 'string', default: '15' },
		connections: { type: 'string', default: '20' },
		port: { type: 'string', default: '4450' },
		'build-dir': { type: 'string' },
		'work-dir': { type: 'string' },
		'skip-postgres': { type: 'boolean', default: false },
		'no-write': { type: 'boolean', default: false },
	},
	usage,
);
const duration = positiveInt('duration', flags.duration, usage);
const connections = positiveInt('connections', flags.connections, usage);
const port = positiveInt('port', flags.port, usage);
const hmacKey = randomBytes(32).toString('hex');

/** The articles votes go to: the real slugs (published in both languages). */
const articles = (await readdir(join(projectRoot, 'content/articles/nl')))
	.filter((name) => name.endsWith('.mdx'))
	.map((name) => name.replace(/\.mdx$/, ''));

/** Builds the real site into `outDir` (the project's own dist/ is never touched). */
function build(outDir: string, logPath: string): void {
	console.log(`Building the site into ${outDir}…`);
	const fd = openSync(logPath, 'w');
	const result = spawnSync(
		process.execPath,
		[join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build'],
		{ cwd: projectRoot, env: { ...process.env, HC_OUT_DIR: outDir }, stdio: ['ignore', fd, fd] },
	);
	closeSync(fd);
	if (result.status !== 0) {
		const tail = readFileSync(logPath, 'utf8').split('\n').slice(-30).join('\n');
		throw new Error(`astro build failed (exit ${result.status}, log ${logPath}):\n${tail}`);
	}
}

/** Starts a server process and resolves once it answers HTTP on `port`. */
async function startServer(args: string[], env: Record<string, string>, listenPort: number) {
	const child = spawn(process.execPath, args, {
		cwd: projectRoot,
		env: { ...process.env, ...env, PORT: String(listenPort), HOST: '127.0.0.1' },
		stdio: ['ignore', 'ignore', 'pipe'],
	});
	let stderr = '';
	child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
	const deadline = Date.now() + 60_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`server exited early:\n${stderr}`);
		try {
			await fetch(`http://127.0.0.1:${listenPort}/api/feedback/summary?article=x`);
			return child;
		} catch {
			await new Promise((r) => setTimeout(r, 250));
		}
	}
	child.kill('SIGKILL');
	throw new Error(`server did not answer on port ${listenPort} within 60 s:\n${stderr}`);
}

async function stopServer(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null) return;
	const exited = new Promise((r) => child.once('exit', r));
	child.kill('SIGTERM');
	const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
	await exited;
	clearTimeout(timer);
}

/** One random valid vote-only post. */
function randomVote() {
	return {
		article: articles[Math.floor(Math.random() * articles.length)]!,
		lang: Math.random() < 0.5 ? 'nl' : 'en',
		vote: Math.random() < 0.7 ? 'yes' : 'no',
		visitor: randomUUID(),
	};
}

/**
 * CPU time (user + system, ms) a process has used so far, from /proc (Linux); undefined elsewhere.
 * Per request it says what a vote costs the server even when other work shares the cores and
 * makes req/s swing; the time a commit waits for its fsync is not in it.
 */
function cpuMs(pid: number | undefined): number | undefined {
	const path = `/proc/${pid}/stat`;
	if (pid === undefined || !existsSync(path)) return undefined;
	// Fields after the command name: utime and stime are the 12th and 13th, in clock ticks (100/s).
	const fields = readFileSync(path, 'utf8').split(') ')[1]!.split(' ');
	return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Votes each server takes before the measured run (not counted in its figures). */
const warmupRequests = 500;

/** Loads `port` with vote posts; returns autocannon's figures and the acknowledged visitors. */
async function load(listenPort: number, label: string, pid?: number) {
	const acknowledged: string[] = [];
	const statuses = new Map<number, number>();
	// Warm up first (JIT, prepared statements, connections), so the measured run compares steady
	// states: its share of a run would otherwise depend on how many requests the run got through.
	await autocannon({
		url: `http://127.0.0.1:${listenPort}`,
		connections,
		amount: warmupRequests,
		requests: [
			{
				method: 'POST',
				path: '/api/feedback',
				headers: { 'content-type': 'application/json' },
				setupRequest: (request) => ({ ...request, body: JSON.stringify(randomVote()) }),
			},
		],
	});
	const loadStart = loadAverage();
	const cpuStart = cpuMs(pid);
	const result = await autocannon({
		url: `http://127.0.0.1:${listenPort}`,
		connections,
		duration,
		requests: [
			{
				method: 'POST',
				path: '/api/feedback',
				headers: { 'content-type': 'application/json' },
				setupRequest: (request, context) => {
					const vote = randomVote();
					(context as { visitor?: string }).visitor = vote.visitor;
					return { ...request, body: JSON.stringify(vote) };
				},
				onResponse: (status, _body, context) => {
					statuses.set(status, (statuses.get(status) ?? 0) + 1);
					if (status >= 200 && status < 300)
						acknowledged.push((context as { visitor: string }).visitor);
				},
			},
		],
	});
	const figures = {
		label,
		requestsPerSecond: Math.round(result.requests.average),
		latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
		requests: result.requests.total,
		ok2xx: result['2xx'],
		non2xx: result.non2xx,
		errors: result.errors,
		timeouts: result.timeouts,
		statuses: Object.fromEntries(statuses),
		loadAverage: { start: loadStart, end: loadAverage() },
		serverCpuMsPerRequest: cpuPerRequest(cpuStart, cpuMs(pid), result.requests.total),
	};
	console.log(
		`  ${label}: ${figures.requestsPerSecond} req/s, p50 ${figures.latencyMs.p50} ms, p99 ${figures.latencyMs.p99} ms, ${figures.errors} errors, ${figures.non2xx} non-2xx, server CPU ${figures.serverCpuMsPerRequest ?? '?'} ms a request`,
	);
	return { figures, acknowledged };
}

function cpuPerRequest(start: number | undefined, end: number | undefined, requests: number) {
	if (start === undefined || end === undefined || requests === 0) return null;
	return Math.round(((end - start) / requests) * 1000) / 1000;
}

/** Acknowledged votes missing from the stored visitor ids (hashed as the API hashes them). */
async function lostVotes(acknowledged: string[], stored: Set<string>, hashed: boolean) {
	const key = (await deriveSecrets(hmacKey)).visitor;
	let lost = 0;
	for (const visitor of acknowledged) {
		const id = hashed ? await hmacHex(key, visitor) : visitor;
		if (!stored.has(id)) lost++;
	}
	return { rows: stored.size, acknowledged: acknowledged.length, lost };
}

/** Visitor column of every stored vote, from SQLite. */
function sqliteVisitors(path: string): Set<string> {
	const db = new DatabaseSync(path, { readOnly: true });
	try {
		const rows = db.prepare('SELECT visitor_hash FROM votes').all() as { visitor_hash: string }[];
		return new Set(rows.map((r) => r.visitor_hash));
	} finally {
		db.close();
	}
}

/** Visitor column of every stored vote, from PostgreSQL. */
async function postgresVisitors(url: string): Promise<Set<string>> {
	const sql = postgres(url, { max: 1, onnotice: () => {} });
	try {
		const rows = await sql<{ visitor_hash: string }[]>`SELECT visitor_hash FROM votes`;
		return new Set(rows.map((r) => r.visitor_hash));
	} finally {
		await sql.end();
	}
}

/** Env for the real server: its build, its data folder and limits that do not cap the run. */
function serverEnv(outDir: string, dataDir: string, databaseUrl?: string): Record<string, string> {
	return {
		HC_OUT_DIR: outDir,
		FEEDBACK_DATA_DIR: dataDir,
		FEEDBACK_DB_PATH: join(dataDir, 'feedback.db'),
		FEEDBACK_HMAC_KEY: hmacKey,
		FEEDBACK_RATE_CLIENT: '1000000000/60',
		FEEDBACK_RATE_ARTICLE: '1000000000/60',
		...(databaseUrl ? { FEEDBACK_DATABASE_URL: databaseUrl } : {}),
	};
}

/** Loads our server, then the baseline, each on its own database of one kind. */
async function compare(
	kind: 'sqlite' | 'postgres',
	ours: { env: Record<string, string>; visitors: () => Promise<Set<string>> },
	baseline: { db: string; visitors: () => Promise<Set<string>> },
) {
	console.log(`\n${kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'}`);
	const server = await startServer(['scripts/start.ts', '--no-build'], ours.env, port);
	let endpoint;
	try {
		endpoint = await load(port, 'endpoint', server.pid);
	} finally {
		await stopServer(server);
	}
	const endpointLoss = await lostVotes(endpoint.acknowledged, await ours.visitors(), true);
	const bare = await startServer(
		['scripts/bench-baseline-server.ts'],
		{ BASELINE_DB: baseline.db },
		port + 1,
	);
	let base;
	try {
		base = await load(port + 1, 'baseline (bare node:http + same INSERT)', bare.pid);
	} finally {
		await stopServer(bare);
	}
	const baseLoss = await lostVotes(base.acknowledged, await baseline.visitors(), false);
	const ratio =
		Math.round((endpoint.figures.requestsPerSecond / base.figures.requestsPerSecond) * 100) / 100;
	console.log(
		`  endpoint/baseline throughput: ${ratio}; rows ${endpointLoss.rows} for ${endpointLoss.acknowledged} acknowledged votes, lost ${endpointLoss.lost}`,
	);
	// The same comparison in CPU time: the baseline's per request over ours.
	const [ourCpu, baseCpu] = [endpoint, base].map((run) => run.figures.serverCpuMsPerRequest);
	const cpuRatio = ourCpu && baseCpu ? Math.round((baseCpu / ourCpu) * 100) / 100 : null;
	return {
		store: kind,
		endpoint: { ...endpoint.figures, votes: endpointLoss },
		baseline: { ...base.figures, votes: baseLoss },
		ratio,
		cpuRatio,
	};
}

const workDir = flags['work-dir']
	? resolve(flags['work-dir'])
	: await mkdtemp(join(tmpdir(), 'hc-bench-endpoint-'));
await mkdir(workDir, { recursive: true });
const runLoad = loadAverage();
console.log(
	`Endpoint benchmark: ${duration} s per run, ${connections} connections (load average ${runLoad.join(' ')})`,
);
const outDir = flags['build-dir'] ? resolve(flags['build-dir']) : join(workDir, 'out');
if (!flags['build-dir']) {
	// The built server imports packages by name: resolvable from the temp folder through a link.
	if (!existsSync(join(workDir, 'node_modules'))) {
		linkPackages(projectRoot, workDir);
	}
	build(outDir, join(workDir, 'build.log'));
}
if (!existsSync(join(outDir, 'server/entry.mjs'))) {
	console.error(`--build-dir: no server build in ${outDir} (server/entry.mjs missing).`);
	process.exit(2);
}

const results = [];
const databases: string[] = [];
const admin = flags['skip-postgres']
	? undefined
	: postgres(postgresAdmin, { max: 1, onnotice: () => {} });
try {
	const sqliteDir = join(workDir, 'sqlite');
	await rm(sqliteDir, { recursive: true, force: true });
	await mkdir(sqliteDir, { recursive: true });
	const sqlitePath = join(sqliteDir, 'feedback.db');
	const baselinePath = join(sqliteDir, 'baseline.db');
	results.push(
		await compare(
			'sqlite',
			{
				env: serverEnv(outDir, sqliteDir),
				visitors: async () => sqliteVisitors(sqlitePath),
			},
			{ db: baselinePath, visitors: async () => sqliteVisitors(baselinePath) },
		),
	);
	if (admin) {
		const stamp = `${process.pid}_${Date.now()}`;
		const [oursDb, baseDb] = [`hc_bench_${stamp}`, `hc_bench_base_${stamp}`];
		for (const name of [oursDb, baseDb]) {
			await admin.unsafe(`CREATE DATABASE ${name}`).catch((error: unknown) => {
				throw new Error(
					`PostgreSQL at ${postgresAdmin.replace(/\/\/[^@]*@/, '//…@')} (BENCH_POSTGRES_URL): cannot create a database (${String(error)}); --skip-postgres runs SQLite only.`,
				);
			});
			databases.push(name);
		}
		const url = (name: string) => postgresAdmin.replace(/\/[^/]*$/, `/${name}`);
		const pgDir = join(workDir, 'postgres');
		await mkdir(pgDir, { recursive: true });
		results.push(
			await compare(
				'postgres',
				{
					env: serverEnv(outDir, pgDir, url(oursDb)),
					visitors: () => postgresVisitors(url(oursDb)),
				},
				{ db: url(baseDb), visitors: () => postgresVisitors(url(baseDb)) },
			),
		);
	}
} finally {
	for (const name of databases) await admin?.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
	await admin?.end();
	if (!flags['work-dir']) await rm(workDir, { recursive: true, force: true });
}

console.log('');
printTable([
	[
		'store',
		'server',
		'req/s',
		'p50 ms',
		'p99 ms',
		'errors',
		'non-2xx',
		'lost votes',
		'vs baseline',
		'CPU ms/req',
	],
	...results.flatMap((r) =>
		(['endpoint', 'baseline'] as const).map((server) => {
			const run = r[server];
			return [
				r.store,
				server,
				String(run.requestsPerSecond),
				String(run.latencyMs.p50),
				String(run.latencyMs.p99),
				String(run.errors),
				String(run.non2xx),
				String(run.votes.lost),
				server === 'endpoint' ? `${r.ratio}×` : '1×',
				String(run.serverCpuMsPerRequest ?? '?'),
			];
		}),
	),
]);
const lost = results.reduce((n, r) => n + r.endpoint.votes.lost, 0);
console.log(
	`\nLost votes (acknowledged but not stored): ${lost}${lost === 0 ? '' : ' — MUST BE 0'}`,
);

if (!flags['no-write']) {
	const path = await writeResult('endpoint.json', {
		benchmark: 'bench:endpoint',
		command: `npm run bench:endpoint -- --duration ${duration} --connections ${connections}`,
		date: new Date().toISOString(),
		machine: machine(),
		loadAverage: { start: runLoad, end: loadAverage() },
		note: 'autocannon, the server and the baseline share the same cores; every request is a new visitor (random UUID), vote-only JSON posts (no captcha), rate limits raised; 500 unmeasured warm-up votes before each measured run; serverCpuMsPerRequest is the server process user+system CPU time per request (from /proc), which the fsync waits are not part of',
		results,
	});
	console.log(`Wrote ${path}`);
}
if (lost > 0) process.exitCode = 1;
