/**
 * The same code deployed as a Netlify Function: builds a copy of the project with
 * DEPLOY_TARGET=netlify (never in the working tree: it would clobber .netlify/ and dist/ for
 * others), then calls the built function with web `Request`s from fresh Node processes, each one
 * standing in for a separate serverless instance, all sharing one new PostgreSQL database.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { linkPackages } from '../../scripts/lib/link-packages.ts';
import { join } from 'node:path';
import type { Challenge } from 'altcha-lib';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseHeadersFile } from '../../src/lib/security/headers-file.ts';
import { hstsHeader, resourceCsp, securityHeaders } from '../../src/lib/security/headers.ts';
import { startFixtureDns } from '../fixtures/dns-server.ts';
import { createTempDatabase, skipPostgres, solve, tempDir } from '../fixtures/feedback.ts';

const root = join(import.meta.dirname, '../..');
const hmacKey = 'netlify-test-key-0123456789abcdef0123456789';

/** What a request to the function gave. */
interface Result {
	status: number;
	location: string | null;
	contentType: string | null;
	headers: Record<string, string>;
	body: string;
}

/** A request, as plain data a child process can rebuild. */
interface Call {
	method?: string;
	path: string;
	json?: unknown;
	form?: Record<string, string>;
}

/**
 * Starts one "instance": a new Node process that imports the function and sends it `calls` in
 * order, the way Netlify invokes it: `handler(request, context)`.
 */
function instance(fn: string, env: Record<string, string>, cwd: string, calls: Call[]) {
	const script = `
		const { default: handler } = await import(${JSON.stringify(`file://${fn}`)});
		const results = [];
		for (const call of JSON.parse(process.argv[1])) {
			const headers = { origin: 'https://help.example' };
			let body;
			if (call.json) { headers['content-type'] = 'application/json'; body = JSON.stringify(call.json); }
			if (call.form) body = new URLSearchParams(call.form);
			const request = new Request('https://help.example' + call.path, { method: call.method ?? 'GET', headers, body });
			const response = await handler(request, { ip: '203.0.113.80', next: () => { throw new Error('no next'); } });
			results.push({ status: response.status, location: response.headers.get('location'),
				contentType: response.headers.get('content-type'), headers: Object.fromEntries(response.headers),
				body: await response.text() });
		}
		process.stdout.write(JSON.stringify(results));
		process.exit(0);`;
	return new Promise<Result[] & { stderr: string }>((resolve, reject) => {
		const child = spawn(
			process.execPath,
			['--input-type=module', '-e', script, JSON.stringify(calls)],
			{ cwd, env: { ...process.env, ...env } },
		);
		let out = '';
		let err = '';
		child.stdout.on('data', (chunk: Buffer) => (out += chunk));
		child.stderr.on('data', (chunk: Buffer) => (err += chunk));
		child.on('close', (code) => {
			if (code === 0) resolve(Object.assign(JSON.parse(out) as Result[], { stderr: err }));
			else reject(new Error(`instance exited with ${code}: ${err}`));
		});
	});
}

describe.skipIf(skipPostgres)('the Netlify build (DEPLOY_TARGET=netlify)', () => {
	let project: { dir: string; remove: () => void };
	let cwd: string;
	let database: { url: string; drop: () => Promise<void> };
	let fn: string;
	let env: Record<string, string>;
	const visitor = crypto.randomUUID();

	beforeAll(async () => {
		project = tempDir('hc-netlify-');
		for (const entry of [
			'package.json',
			'astro.config.mjs',
			'tsconfig.json',
			'src',
			'content',
			'public',
		]) {
			cpSync(join(root, entry), join(project.dir, entry), { recursive: true });
		}
		linkPackages(root, project.dir);
		const buildEnv: NodeJS.ProcessEnv = { ...process.env, DEPLOY_TARGET: 'netlify', NO_COLOR: '1' };
		delete buildEnv['HC_OUT_DIR'];
		const build = spawnSync(
			process.execPath,
			[join(root, 'node_modules/astro/bin/astro.mjs'), 'build'],
			{ cwd: project.dir, encoding: 'utf8', env: buildEnv },
		);
		if (build.status !== 0)
			throw new Error(`netlify build failed:\n${build.stdout}${build.stderr}`);
		const functions = join(project.dir, '.netlify/v1/functions');
		const name = readdirSync(functions).find((d) => existsSync(join(functions, d, `${d}.mjs`)));
		if (!name) throw new Error(`no function in ${functions}`);
		fn = join(functions, name, `${name}.mjs`);
		database = await createTempDatabase();
		env = {
			FEEDBACK_DATABASE_URL: database.url,
			FEEDBACK_HMAC_KEY: hmacKey,
			// A light captcha keeps the test quick (and shows the function reads its settings).
			FEEDBACK_CAPTCHA_COST: '10',
			FEEDBACK_CAPTCHA_COUNTER: '10-100',
		};
		// The instances run in an empty folder: nothing may depend on (or write to) a local disk.
		cwd = join(project.dir, 'instance-cwd');
		mkdirSync(cwd);
	});

	afterAll(async () => {
		await database?.drop();
		project?.remove();
	});

	test('stores votes in PostgreSQL and answers JSON, form and summary requests', async () => {
		const [created, changed, form, summary, wrongMethod] = await instance(fn, env, cwd, [
			{
				method: 'POST',
				path: '/api/feedback',
				json: { article: 'icloud-mail', lang: 'en', vote: 'yes', visitor },
			},
			{
				method: 'POST',
				path: '/api/feedback',
				json: { article: 'icloud-mail', lang: 'en', vote: 'no', visitor },
			},
			{
				method: 'POST',
				path: '/api/feedback',
				form: { article: 'gmail', lang: 'nl', vote: 'yes' },
			},
			{ path: '/api/feedback/summary?article=icloud-mail&lang=en' },
			{ method: 'DELETE', path: '/api/feedback' },
		]);
		expect(created).toMatchObject({ status: 201, body: '{"ok":true,"vote":"yes"}' });
		expect(changed).toMatchObject({ status: 200, body: '{"ok":true,"vote":"no"}' });
		expect(form).toMatchObject({ status: 303, location: '/nl/gmail/#feedback-yes' });
		expect(JSON.parse(summary!.body)).toEqual({
			article: 'icloud-mail',
			lang: 'en',
			yes: 0,
			no: 1,
			total: 1,
		});
		expect(wrongMethod).toMatchObject({ status: 405, contentType: 'application/problem+json' });
		expect(readdirSync(cwd)).toEqual([]);

		const sql = postgres(database.url, { max: 1 });
		const rows = await sql`SELECT article, lang, vote, visitor_hash FROM votes ORDER BY id`;
		await sql.end();
		expect(rows).toEqual([
			{
				article: 'icloud-mail',
				lang: 'en',
				vote: 'no',
				visitor_hash: expect.stringMatching(/^[0-9a-f]{64}$/),
			},
			{ article: 'gmail', lang: 'nl', vote: 'yes', visitor_hash: null },
		]);
	});

	test('sends the security headers from the function and writes the same for the CDN', async () => {
		// Netlify applies _headers and its framework config to static files only: on-demand
		// routes send their own (src/middleware.ts).
		const [api, notFound] = await instance(fn, env, cwd, [
			{ method: 'DELETE', path: '/api/feedback' },
			{ path: '/en/no-such-page/' },
		]);
		const expected = { ...securityHeaders, ...hstsHeader };
		for (const result of [api!, notFound!]) {
			for (const [name, value] of Object.entries(expected)) {
				expect(result.headers[name.toLowerCase()], name).toBe(value);
			}
		}
		expect(api!.headers['content-security-policy']).toBe(resourceCsp);
		expect(notFound!.status).toBe(404);
		expect(notFound!.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
		expect(notFound!.headers['content-security-policy']).not.toContain("'unsafe-inline'");

		const rule = parseHeadersFile(readFileSync(join(project.dir, 'dist/_headers'), 'utf8')).get(
			'/*',
		);
		for (const [name, value] of Object.entries(expected)) expect(rule?.[name], name).toBe(value);
		const config = JSON.parse(
			readFileSync(join(project.dir, '.netlify/v1/config.json'), 'utf8'),
		) as { headers: { for: string; values: Record<string, string> }[] };
		// One rule for every page, as in _headers, not one per route.
		const policies = config.headers.filter((h) => h.values['Content-Security-Policy']);
		expect(policies).toEqual([
			{ for: '/*', values: { 'Content-Security-Policy': rule?.['Content-Security-Policy'] } },
		]);
	});

	test('the e-mail address finder: its API over DNS and its no-JS route, limits in PostgreSQL', async () => {
		const dns = await startFixtureDns();
		try {
			const finderEnv = { ...env, MAIL_PROVIDER_DNS_SERVER: dns.address };
			const [known, looked, bad, redirect] = await instance(fn, finderEnv, cwd, [
				{ path: '/api/mail-provider?domain=me.com&lang=en' },
				{ path: '/api/mail-provider?domain=m365.example.test&lang=nl' },
				{ path: '/api/mail-provider?domain=jan%40me.com' },
				{ path: '/nl/zoek-handleiding/?email=info%40workspace.example.test' },
			]);
			expect(known).toMatchObject({ status: 200, contentType: 'application/json' });
			expect(JSON.parse(known!.body)).toMatchObject({ guide: '/en/icloud-mail/' });
			expect(JSON.parse(looked!.body)).toMatchObject({
				provider: { id: 'microsoft-365' },
				guide: '/nl/microsoft-365/',
				checked: true,
			});
			expect(bad).toMatchObject({ status: 400, contentType: 'application/problem+json' });
			expect(redirect).toMatchObject({ status: 303, location: '/nl/google-workspace/' });
			expect(dns.queries).toEqual(['m365.example.test', 'workspace.example.test']);
			expect(readdirSync(cwd)).toEqual([]);
		} finally {
			await dns.close();
		}
		const sql = postgres(database.url, { max: 1 });
		const buckets = await sql`SELECT bucket FROM rate_limits WHERE bucket LIKE 'mail-provider:%'`;
		await sql.end();
		expect(buckets.length).toBeGreaterThan(0);
		for (const { bucket } of buckets) expect(bucket).toMatch(/^mail-provider:[0-9a-f]{64}$/);
	});

	test('the search log: a search and its click, and a domain the finder could not match, in PostgreSQL', async () => {
		const dns = await startFixtureDns();
		const id = crypto.randomUUID();
		try {
			const results = await instance(fn, { ...env, MAIL_PROVIDER_DNS_SERVER: dns.address }, cwd, [
				{
					path: '/api/search-log',
					method: 'POST',
					json: {
						type: 'search',
						id,
						lang: 'nl',
						query: 'Hetnet jan@x.nl',
						results: 0,
						adjustment: 'none',
					},
				},
				{ path: '/api/search-log', method: 'POST', json: { type: 'click', id, rank: 1 } },
				{ path: '/api/search-log', method: 'POST', json: { type: 'search' } },
				{ path: '/api/mail-provider?domain=hosted.example.test&lang=nl' },
			]);
			expect(results.map((r) => r.status)).toEqual([204, 204, 400, 200]);
			expect(results[2]!.contentType).toBe('application/problem+json');
		} finally {
			await dns.close();
		}
		const sql = postgres(database.url, { max: 1 });
		const rows =
			await sql`SELECT kind, lang, query, results, detail, clicked_rank FROM search_log ORDER BY kind DESC`;
		await sql.end();
		expect(rows).toEqual([
			{
				kind: 'search',
				lang: 'nl',
				query: 'hetnet [e-mail]',
				results: 0,
				detail: 'none',
				clicked_rank: 1,
			},
			{
				kind: 'finder',
				lang: 'nl',
				query: 'hosted.example.test',
				results: null,
				detail: 'unknown',
				clicked_rank: null,
			},
		]);
	});

	test('answers 503 problem+json and logs the variable when a setting is malformed', async () => {
		const results = await instance(fn, { ...env, FEEDBACK_RATE_CLIENT: 'lots' }, cwd, [
			{
				method: 'POST',
				path: '/api/feedback',
				json: { article: 'gmail', lang: 'en', vote: 'yes' },
			},
		]);
		expect(results[0]).toMatchObject({ status: 503, contentType: 'application/problem+json' });
		expect(results[0]!.body).not.toContain('FEEDBACK_');
		expect(results.stderr).toContain('FEEDBACK_RATE_CLIENT');
	});

	test('accepts a captcha issued by one instance in another, and only once across instances', async () => {
		const [issued] = await instance(fn, env, cwd, [{ path: '/api/feedback/challenge' }]);
		expect(issued!.status).toBe(200);
		expect(JSON.parse(issued!.body)).toMatchObject({ parameters: { cost: 10 } });
		const captcha = await solve(JSON.parse(issued!.body) as Challenge);
		const detailed = {
			article: 'icloud-mail',
			lang: 'nl',
			vote: 'no',
			reasons: ['step-failed'],
			section: 'twee-factor-authenticatie-aanzetten',
			visitor: crypto.randomUUID(),
			captcha,
		};
		const [accepted] = await instance(fn, env, cwd, [
			{ method: 'POST', path: '/api/feedback', json: detailed },
		]);
		expect(accepted!.status).toBe(201);
		const [replayed] = await instance(fn, env, cwd, [
			{
				method: 'POST',
				path: '/api/feedback',
				json: { ...detailed, visitor: crypto.randomUUID() },
			},
		]);
		expect(replayed!.status).toBe(400);
		expect(replayed!.body).toContain('has already been used');
	});
});
