import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { defaultCaptchaOptions } from '../../src/lib/feedback/captcha.ts';
import { feedbackConfig } from '../../src/lib/feedback/config.ts';
import { openStore } from '../../src/lib/store/open.ts';
import { defaultRateLimits } from '../../src/lib/feedback/rate-limit.ts';
import { loadSecret } from '../../src/lib/feedback/secret-file.ts';
import { tempDir } from '../fixtures/feedback.ts';

const removals: (() => void)[] = [];
afterEach(() => removals.splice(0).forEach((remove) => remove()));
function folder(): string {
	const { dir, remove } = tempDir();
	removals.push(remove);
	return dir;
}

describe('feedbackConfig()', () => {
	test('uses SQLite in data/ and the default limits when nothing is set', () => {
		expect(feedbackConfig({}, '/srv/help')).toEqual({
			database: { kind: 'sqlite', path: '/srv/help/data/feedback.db' },
			dataDir: '/srv/help/data',
			hmacKey: undefined,
			limits: defaultRateLimits,
			captcha: defaultCaptchaOptions,
			allowedOrigins: [],
		});
	});

	test('reads every variable', () => {
		const config = feedbackConfig(
			{
				FEEDBACK_DATA_DIR: '/var/lib/help',
				FEEDBACK_DB_PATH: 'db/votes.db',
				FEEDBACK_HMAC_KEY: 'k'.repeat(40),
				FEEDBACK_RATE_CLIENT: '5/60',
				FEEDBACK_RATE_ARTICLE: '100/3600',
				FEEDBACK_RATE_CHALLENGE: '10/60',
				FEEDBACK_CAPTCHA_COST: '2000',
				FEEDBACK_CAPTCHA_COUNTER: '10-20',
				FEEDBACK_CAPTCHA_TTL: '300',
				FEEDBACK_ALLOWED_ORIGINS: 'https://help.example.com, https://www.example.com',
			},
			'/srv/help',
		);
		expect(config).toEqual({
			database: { kind: 'sqlite', path: '/srv/help/db/votes.db' },
			dataDir: '/var/lib/help',
			hmacKey: 'k'.repeat(40),
			limits: {
				client: { max: 5, windowSeconds: 60 },
				article: { max: 100, windowSeconds: 3600 },
				challenge: { max: 10, windowSeconds: 60 },
			},
			captcha: { cost: 2000, counterMin: 10, counterMax: 20, ttlSeconds: 300 },
			allowedOrigins: ['https://help.example.com', 'https://www.example.com'],
		});
	});

	test.each(['postgres://u@db:5432/help', 'postgresql://u@db/help'])(
		'selects PostgreSQL for %s',
		(url) => {
			expect(feedbackConfig({ FEEDBACK_DATABASE_URL: url }, '/').database).toEqual({
				kind: 'postgres',
				url,
			});
		},
	);

	test.each([
		['FEEDBACK_DATABASE_URL', 'mysql://db/help'],
		['FEEDBACK_RATE_CLIENT', '30'],
		['FEEDBACK_RATE_ARTICLE', '0/60'],
		['FEEDBACK_RATE_CHALLENGE', 'ten/60'],
		['FEEDBACK_CAPTCHA_COST', '-5'],
		['FEEDBACK_CAPTCHA_COUNTER', '50-10'],
		['FEEDBACK_CAPTCHA_TTL', '1.5'],
	])('throws naming %s when it is %j', (name, value) => {
		expect(() => feedbackConfig({ [name]: value }, '/')).toThrow(
			new RegExp(`^${name}: .*"${value}"`),
		);
	});
});

describe('loadSecret()', () => {
	test('returns FEEDBACK_HMAC_KEY and writes no file', () => {
		const dir = folder();
		expect(loadSecret('s'.repeat(32), dir)).toBe('s'.repeat(32));
		expect(existsSync(join(dir, 'hmac.key'))).toBe(false);
	});

	test('rejects a FEEDBACK_HMAC_KEY shorter than 32 characters, naming it', () => {
		expect(() => loadSecret('short', folder())).toThrow(/^FEEDBACK_HMAC_KEY: /);
	});

	test('creates data/hmac.key once, readable by the owner only, and reuses it', () => {
		const dir = join(folder(), 'new', 'data');
		const first = loadSecret(undefined, dir);
		expect(first).toMatch(/^[0-9a-f]{64}$/);
		expect(statSync(join(dir, 'hmac.key')).mode & 0o777).toBe(0o600);
		expect(loadSecret(undefined, dir)).toBe(first);
	});

	test('rejects a key file that is too short, naming the file', () => {
		const dir = folder();
		writeFileSync(join(dir, 'hmac.key'), 'abc');
		expect(() => loadSecret(undefined, dir)).toThrow(join(dir, 'hmac.key'));
	});

	test('gives four processes starting at once the same key', async () => {
		const dir = folder();
		const module = JSON.stringify(
			join(import.meta.dirname, '../../src/lib/feedback/secret-file.ts'),
		);
		const startAt = Date.now() + 1000;
		const script = `
			const { loadSecret } = await import(${module});
			while (Date.now() < ${startAt}) await new Promise((r) => setTimeout(r, 1));
			process.stdout.write(loadSecret(undefined, process.argv[1]));`;
		const keys = await Promise.all(
			Array.from(
				{ length: 4 },
				() =>
					new Promise<string>((resolve, reject) => {
						const child = spawn(process.execPath, ['--input-type=module', '-e', script, dir]);
						let out = '';
						child.stdout.on('data', (chunk: Buffer) => (out += chunk));
						child.on('close', (code) =>
							code === 0 ? resolve(out) : reject(new Error(`exit ${code}`)),
						);
					}),
			),
		);
		expect(new Set(keys).size).toBe(1);
		expect(keys[0]).toBe(readFileSync(join(dir, 'hmac.key'), 'utf8'));
	});
});

describe('openStore()', () => {
	test('creates the SQLite folder and file on first start and migrates it', async () => {
		const path = join(folder(), 'not', 'yet', 'feedback.db');
		const store = await openStore({ kind: 'sqlite', path });
		expect(store.kind).toBe('sqlite');
		expect(existsSync(path)).toBe(true);
		expect(await store.counts('icloud-mail')).toEqual({ yes: 0, no: 0 });
		await store.close();
	});

	test('rejects with the cause when PostgreSQL cannot be reached', async () => {
		await expect(
			openStore({ kind: 'postgres', url: 'postgres://postgres@127.0.0.1:1/none' }),
		).rejects.toThrow(/ECONNREFUSED/);
	});
});
