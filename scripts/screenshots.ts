/**
 * `npm run screenshots`: pictures of the site for people to look at (not compared by any test).
 * Starts `scripts/start.ts` (which builds first when the build is stale) on a free port with a
 * dashboard token and a throw-away database holding the dashboard's fixture votes, then saves:
 * - every page type in both languages, desktop (1280 px) and phone (390 px), light and dark,
 *   full page, plus an article and the dashboard in print, to `test-results/screenshots/`;
 * - the README's pictures (the English home and an article; light and dark; desktop and phone;
 *   the first screen only, as palette PNGs) to `docs/screenshots/`.
 *
 * Flags: `--out DIR`, `--readme-dir DIR`, `--no-readme`. A wrong flag exits with code 2.
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { searchPagePaths } from '../src/components/search/paths.ts';
import { finderFormPaths } from '../src/lib/mail-provider/paths.ts';
import { SqliteFeedbackStore } from '../src/lib/store/sqlite.ts';
import { seedInsightsVotes } from '../tests/fixtures/insights-votes.ts';
import { seedSearchLog } from '../tests/fixtures/search-log.ts';

const root = resolve(import.meta.dirname, '..');
const usage = 'Usage: npm run screenshots -- [--out DIR] [--readme-dir DIR] [--no-readme]';

let flags: { out: string; 'readme-dir': string; 'no-readme': boolean };
try {
	flags = parseArgs({
		options: {
			out: { type: 'string', default: 'test-results/screenshots' },
			'readme-dir': { type: 'string', default: 'docs/screenshots' },
			'no-readme': { type: 'boolean', default: false },
		},
	}).values as typeof flags;
} catch (error) {
	console.error(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
	process.exit(2);
}

const langs = ['nl', 'en'] as const;
type Lang = (typeof langs)[number];
const devices = {
	desktop: { width: 1280, height: 800 },
	phone: { width: 390, height: 844 },
} as const;
type Device = keyof typeof devices;
const schemes = ['light', 'dark'] as const;
type Scheme = (typeof schemes)[number];
const queries = { nl: 'icloud intrekken', en: 'revoke icloud' } as const;
const token = `screenshots-${crypto.randomUUID()}`;

/** A page type: where it is, and what to do before the picture is taken. */
interface Shot {
	name: string;
	path: (lang: Lang) => string;
	prepare?: (page: Page, lang: Lang) => Promise<void>;
}

const shots: Shot[] = [
	{ name: 'home', path: (lang) => `/${lang}/` },
	{
		// A known domain: answered in the browser, so no DNS is needed for the picture.
		name: 'home-finder',
		path: (lang) => `/${lang}/`,
		prepare: async (page) => {
			await page.locator('#finder-email').fill('jan@icloud.com');
			await page.locator('#finder-email').press('Enter');
			await page.locator('.hc-finder__go').waitFor();
		},
	},
	{ name: 'finder-no-js', path: (lang) => `${finderFormPaths[lang]}?email=jan` },
	{ name: 'category', path: (lang) => `/${lang}/providers/` },
	{ name: 'article', path: (lang) => `/${lang}/icloud-mail/` },
	{ name: 'settings', path: (lang) => `/${lang}/enter-app-password/` },
	{
		name: 'search-results',
		path: (lang) => `${searchPagePaths[lang]}?q=${encodeURIComponent(queries[lang])}`,
		prepare: (page) => page.locator('hc-search[data-variant="page"] .hc-hit').first().waitFor(),
	},
	{
		name: 'search-empty',
		path: (lang) => `${searchPagePaths[lang]}?q=xylofoon`,
		prepare: (page) => page.locator('.hc-search-empty').waitFor(),
	},
	{
		name: 'search-panel',
		path: (lang) => `/${lang}/gmail/`,
		prepare: async (page, lang) => {
			// On a phone the header's box opens full screen from its search button first.
			const button = page.locator('.hc-header__open-search');
			if (await button.isVisible()) await button.click();
			const search = page.locator('hc-search[data-variant="header"]');
			await search.getByRole('searchbox').fill(queries[lang]);
			await search.locator('.hc-hit').first().waitFor();
		},
	},
	{
		name: 'feedback-no',
		path: (lang) => `/${lang}/revoke-app-passwords/`,
		prepare: async (page, lang) => {
			await page.getByRole('button', { name: lang === 'nl' ? 'Nee' : 'No', exact: true }).click();
			// The form is built after the answer: wait for it, or the click lands on Yes/No again.
			await page.locator('#feedback-reasons-error').waitFor({ state: 'attached' });
			await page.locator('#feedback button[type="submit"]').last().click();
			await page.locator('#feedback-reasons-error').waitFor();
		},
	},
	{ name: '404', path: (lang) => `/${lang}/does-not-exist/` },
	{ name: 'admin-login', path: (lang) => `/admin/feedback/?lang=${lang}` },
	{ name: 'admin', path: (lang) => `/admin/feedback/?lang=${lang}`, prepare: signIn },
	{
		name: 'admin-article',
		path: (lang) => `/admin/feedback/?lang=${lang}&article=icloud-mail`,
		prepare: signIn,
	},
];

/** Signs in to the dashboard through its form. */
async function signIn(page: Page, lang: Lang): Promise<void> {
	await page.getByLabel(lang === 'nl' ? 'Beheertoken' : 'Admin token').fill(token);
	await page.getByRole('button', { name: lang === 'nl' ? 'Inloggen' : 'Sign in' }).click();
	await page.getByRole('heading', { level: 1 }).waitFor();
}

/** A port nobody listens on right now. */
async function freePort(): Promise<number> {
	const server = createServer().listen(0, '127.0.0.1');
	await once(server, 'listening');
	const address = server.address();
	server.close();
	if (!address || typeof address === 'string') throw new Error('no port');
	return address.port;
}

/** Starts `npm start`'s script (building when stale) and resolves once it serves. */
async function startServer(dataDir: string, port: number) {
	const child = spawn(process.execPath, [join(root, 'scripts/start.ts')], {
		cwd: root,
		env: {
			...process.env,
			PORT: String(port),
			HOST: 'localhost',
			FEEDBACK_DATA_DIR: dataDir,
			FEEDBACK_ADMIN_TOKEN: token,
		},
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	let output = '';
	child.stdout.on('data', (chunk: Buffer) => {
		output += chunk;
		process.stdout.write(chunk);
	});
	for (;;) {
		if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
		if (output.includes('SpinOffice Help Center: http://')) return child;
		await new Promise((r) => setTimeout(r, 200));
	}
}

/** Opens `url` in a new page with the device's size and the colour scheme. */
async function open(browser: Browser, url: string, device: Device, scheme: Scheme) {
	const context = await browser.newContext({
		viewport: devices[device],
		deviceScaleFactor: 1,
		colorScheme: scheme,
		isMobile: device === 'phone',
		hasTouch: device === 'phone',
	});
	const page = await context.newPage();
	await page.goto(url, { waitUntil: 'networkidle' });
	return { page, close: () => context.close() };
}

async function main(): Promise<void> {
	const out = resolve(root, flags.out);
	const readmeDir = resolve(root, flags['readme-dir']);
	mkdirSync(out, { recursive: true });
	const dataDir = mkdtempSync(join(tmpdir(), 'hc-screenshots-'));
	const store = new SqliteFeedbackStore(join(dataDir, 'feedback.db'));
	await store.migrate();
	await seedInsightsVotes(store, new Date());
	await seedSearchLog(store);
	await store.close();

	const port = await freePort();
	const base = `http://localhost:${port}`;
	const server = await startServer(dataDir, port);
	const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
	const browser = await chromium.launch(
		existsSync(chromiumPath) ? { executablePath: chromiumPath } : {},
	);
	let count = 0;
	try {
		for (const device of Object.keys(devices) as Device[]) {
			for (const scheme of schemes) {
				const chooser = await open(browser, `${base}/`, device, scheme);
				const file = join(out, `root-${device}-${scheme}.png`);
				await chooser.page.screenshot({ path: file, fullPage: true });
				await chooser.close();
				count++;
				for (const shot of shots) {
					for (const lang of langs) {
						const { page, close } = await open(browser, base + shot.path(lang), device, scheme);
						await shot.prepare?.(page, lang);
						// From the top: a full-page picture taken scrolled down draws the sticky header there.
						await page.evaluate(() => window.scrollTo(0, 0));
						const file = `${shot.name}-${lang}-${device}-${scheme}.png`;
						await page.screenshot({ path: join(out, file), fullPage: true });
						await close();
						count++;
					}
				}
			}
		}
		for (const [name, path, prepare] of [
			['article', '/en/icloud-mail/', undefined],
			['admin', '/admin/feedback/?lang=en', signIn],
		] as const) {
			const { page, close } = await open(browser, base + path, 'desktop', 'light');
			await prepare?.(page, 'en');
			await page.emulateMedia({ media: 'print' });
			await page.screenshot({ path: join(out, `${name}-en-print.png`), fullPage: true });
			await close();
			count++;
		}
		console.log(`${count} screenshots in ${out}`);

		if (!flags['no-readme']) {
			mkdirSync(readmeDir, { recursive: true });
			for (const [name, path] of [
				['home', '/en/'],
				['article', '/en/icloud-mail/'],
			] as const) {
				for (const device of Object.keys(devices) as Device[]) {
					for (const scheme of schemes) {
						const { page, close } = await open(browser, base + path, device, scheme);
						const png = await page.screenshot();
						await close();
						// A 256-colour palette: a fifth of the size, and text stays sharp (unlike JPEG).
						const file = join(readmeDir, `${name}-${device}-${scheme}.png`);
						await sharp(png).png({ palette: true, compressionLevel: 9, effort: 10 }).toFile(file);
					}
				}
			}
			console.log(`README pictures in ${readmeDir}`);
		}
	} finally {
		await browser.close();
		server.kill('SIGTERM');
		await once(server, 'exit');
		rmSync(dataDir, { recursive: true, force: true });
	}
}

await main();
