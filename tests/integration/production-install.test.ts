/**
 * The README's production path, as an operator does it: the build (`dist/`, or HC_OUT_DIR) and
 * `package*.json` copied to an empty folder, `npm ci --omit=dev` there, then `npm run serve` on a
 * Node from outside the copy (the project's pinned one, standing in for the server's own) with
 * TypeScript type stripping switched off, as Node does before 22.18. Reads the shared build; it
 * never builds.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { securityHeaders } from '../../src/lib/security/headers.ts';

const root = resolve(import.meta.dirname, '../..');
const outDir = resolve(root, process.env['HC_OUT_DIR'] ?? 'dist');

/** A port nobody listens on right now. */
async function freePort(): Promise<number> {
	const server = createServer().listen(0, '127.0.0.1');
	await once(server, 'listening');
	const address = server.address();
	server.close();
	if (!address || typeof address === 'string') throw new Error('no port');
	return address.port;
}

describe('a production install (npm ci --omit=dev, npm run serve)', () => {
	let dir: string;
	let server: ChildProcess | undefined;
	let output = '';
	let url: string;

	beforeAll(async () => {
		if (!existsSync(join(outDir, 'server/entry.mjs'))) {
			throw new Error(`No build in ${outDir}: run "npm run build" (with the same HC_OUT_DIR).`);
		}
		dir = mkdtempSync(join(tmpdir(), 'hc-production-'));
		cpSync(outDir, join(dir, 'dist'), { recursive: true });
		for (const file of ['package.json', 'package-lock.json']) {
			cpSync(join(root, file), join(dir, file));
		}
		// npm's own cache: the registry is reached only for packages it does not hold yet.
		const install = spawnSync(
			'npm',
			['ci', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline'],
			{ cwd: dir, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } },
		);
		if (install.status !== 0) {
			throw new Error(`npm ci --omit=dev failed:\n${install.stdout}${install.stderr}`);
		}

		const port = await freePort();
		url = `http://127.0.0.1:${port}`;
		// Only what an operator would set: no FEEDBACK_* (SQLite in data/, no dashboard), and the
		// project's Node first on PATH, the way a server has its own Node.
		const env = {
			PATH: [dirname(process.execPath), process.env['PATH']].join(delimiter),
			HOME: process.env['HOME'] ?? dir,
			PORT: String(port),
			HOST: '127.0.0.1',
			NODE_OPTIONS: '--no-experimental-strip-types',
		};
		server = spawn('npm', ['run', 'serve'], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
		server.stdout!.on('data', (chunk: Buffer) => (output += chunk));
		server.stderr!.on('data', (chunk: Buffer) => (output += chunk));
		const deadline = Date.now() + 60_000;
		for (;;) {
			if (server.exitCode !== null) throw new Error(`npm run serve exited:\n${output}`);
			if (output.includes('SpinOffice Help Center: http://')) break;
			if (Date.now() > deadline) throw new Error(`npm run serve did not start in 60 s:\n${output}`);
			await new Promise((r) => setTimeout(r, 200));
		}
	});

	afterAll(async () => {
		if (server && server.exitCode === null) {
			const exited = once(server, 'exit');
			server.kill('SIGTERM');
			await exited;
		}
		if (dir) rmSync(dir, { recursive: true, force: true });
	});

	test('installs no build or test tool', () => {
		for (const devOnly of ['node', 'vitest', '@playwright/test', '@astrojs/mdx', 'pagefind']) {
			expect(existsSync(join(dir, 'node_modules', devOnly)), devOnly).toBe(false);
		}
	});

	test('serves the Dutch home with the security headers', async () => {
		const response = await fetch(`${url}/nl/`);
		expect(response.status).toBe(200);
		const html = await response.text();
		expect(html.startsWith('<!DOCTYPE html><html lang="nl-NL"'), html.slice(0, 80)).toBe(true);
		for (const [name, value] of Object.entries(securityHeaders)) {
			expect(response.headers.get(name), name).toBe(value);
		}
		expect(response.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
	});

	test('sends / to the reader’s language', async () => {
		const response = await fetch(`${url}/`, {
			headers: { 'Accept-Language': 'en-GB,en;q=0.9' },
			redirect: 'manual',
		});
		expect(response.status).toBe(302);
		expect(response.headers.get('location')).toBe('/en/');
	});

	test('stores a vote in the embedded SQLite database', async () => {
		const visitor = crypto.randomUUID();
		const response = await fetch(`${url}/api/feedback`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', Origin: url },
			body: JSON.stringify({ article: 'icloud-mail', lang: 'nl', vote: 'yes', visitor }),
		});
		expect(response.status, await response.clone().text()).toBe(201);
		const db = new DatabaseSync(join(dir, 'data/feedback.db'), { readOnly: true });
		const rows = db.prepare('SELECT article, lang, vote FROM votes').all();
		db.close();
		expect(rows).toEqual([{ article: 'icloud-mail', lang: 'nl', vote: 'yes' }]);
	});

	test('logs a search, masked, in the embedded SQLite database', async () => {
		const id = crypto.randomUUID();
		const response = await fetch(`${url}/api/search-log`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', Origin: url },
			body: JSON.stringify({
				type: 'search',
				id,
				lang: 'en',
				query: 'Call 06-12345678',
				results: 2,
				adjustment: 'none',
			}),
		});
		expect(response.status, await response.clone().text()).toBe(204);
		const db = new DatabaseSync(join(dir, 'data/feedback.db'), { readOnly: true });
		const row = db.prepare('SELECT query FROM search_log WHERE id = ?').get(id);
		db.close();
		expect(row).toEqual({ query: 'call [nummer]' });
	});

	test('answers the e-mail address finder (a known domain: no DNS needed)', async () => {
		const response = await fetch(`${url}/api/mail-provider?domain=gmail.com&lang=en`);
		expect(response.status).toBe(200);
		expect(await response.json()).toMatchObject({ guide: '/en/gmail/' });
		const form = await fetch(`${url}/nl/zoek-handleiding/?email=jan%40me.com`, {
			redirect: 'manual',
		});
		expect(form.status).toBe(303);
		expect(form.headers.get('location')).toBe('/nl/icloud-mail/');
	});

	test('has no dashboard without FEEDBACK_ADMIN_TOKEN', async () => {
		const response = await fetch(`${url}/admin/feedback/`);
		expect(response.status).toBe(404);
		expect(output).not.toMatch(/\berror\b/i);
	});
});
