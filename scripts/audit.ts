/**
 * `npm run audit`: Lighthouse's mobile audit of the production build, for the home, an article
 * and the search results page (with a query) in both languages. Prints the performance,
 * accessibility, best-practices and SEO scores with LCP, TBT and CLS, and the audits that cost
 * points. Exits 1 when a score is below the budget, 2 on a bad flag.
 *
 * The server is scripts/start.ts on a free port (it rebuilds `HC_OUT_DIR`, default `dist`, first
 * if that build is missing or older than the sources), with a throwaway feedback database.
 * Chromium: CHROME_PATH, or /usr/bin/chromium.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { belowBudget, formatFindings, formatTable, type PageResult } from './lib/audit-report.ts';
import type { AuditTarget } from './lib/lighthouse-run.ts';
import { parseFlags, usageError } from './bench-utils.ts';

const usage = 'Usage: npm run audit -- [--budget <0-100>]   (default budget: 100)';
const flags = parseFlags(
	{ budget: { type: 'string', default: '100' }, help: { type: 'boolean', default: false } },
	usage,
);
if (flags.help) {
	console.log(usage);
	process.exit(0);
}
const budget = Number(flags.budget);
if (!/^\d+$/.test(flags.budget) || budget > 100) {
	usageError(`--budget: expected a whole number from 0 to 100, got "${flags.budget}".`, usage);
}

/** A port nobody listens on right now. */
function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer().listen(0, 'localhost', () => {
			const address = probe.address();
			probe.close(() =>
				typeof address === 'object' && address
					? resolve(address.port)
					: reject(new Error('no port')),
			);
		});
	});
}

// Lighthouse takes seconds to import: only once the flags are known to be good.
const { auditPage, launchChrome } = await import('./lib/lighthouse-run.ts');

const noindex = "noindex on purpose: a results page's content is the reader's query";
const root = join(import.meta.dirname, '..');
const port = await freePort();
const origin = `http://localhost:${port}`;
const targets: AuditTarget[] = [
	{ label: 'nl home', url: `${origin}/nl/` },
	{ label: 'en home', url: `${origin}/en/` },
	{ label: 'nl article', url: `${origin}/nl/icloud-mail/` },
	{ label: 'en article', url: `${origin}/en/icloud-mail/` },
	{ label: 'nl search', url: `${origin}/nl/zoeken/?q=icloud`, skip: { 'is-crawlable': noindex } },
	{ label: 'en search', url: `${origin}/en/search/?q=icloud`, skip: { 'is-crawlable': noindex } },
];

const dataDir = mkdtempSync(join(tmpdir(), 'hc-audit-'));
const server = spawn(process.execPath, [join(root, 'scripts/start.ts')], {
	cwd: root,
	env: { ...process.env, PORT: String(port), HOST: 'localhost', FEEDBACK_DATA_DIR: dataDir },
	stdio: ['ignore', 'inherit', 'inherit'],
});
const stopServer = () => {
	server.kill('SIGTERM');
	rmSync(dataDir, { recursive: true, force: true });
};

/** Waits until the server answers (it may be building first), or it exits. */
async function serverReady(): Promise<void> {
	const deadline = Date.now() + 10 * 60_000;
	while (Date.now() < deadline) {
		if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
		try {
			if ((await fetch(`${origin}/nl/`)).ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 500));
	}
	throw new Error('the server did not answer within 10 minutes');
}

const results: PageResult[] = [];
try {
	await serverReady();
	const started = performance.now();
	const chrome = await launchChrome();
	try {
		for (const target of targets) {
			const result = await auditPage(chrome, target);
			console.error(`audited ${target.label} (${target.url})`);
			results.push(result);
		}
	} finally {
		chrome.kill();
	}
	const seconds = Math.round((performance.now() - started) / 1000);
	console.log(`\nLighthouse (mobile preset), ${results.length} pages in ${seconds} s:\n`);
	console.log(formatTable(results));
	const findings = formatFindings(results, budget);
	if (findings) console.log(`\n${findings}`);
	const below = belowBudget(results, budget);
	console.log(
		below.length
			? `\nBelow the budget of ${budget}:\n${below.join('\n')}`
			: `\nEvery score meets the budget of ${budget}.`,
	);
	process.exitCode = below.length ? 1 : 0;
} catch (error) {
	console.error(`Audit failed: ${error instanceof Error ? error.message : String(error)}`);
	process.exitCode = 1;
} finally {
	stopServer();
}
