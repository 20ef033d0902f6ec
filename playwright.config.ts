import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env['E2E_PORT'] ?? 4399);
/** The e2e server's feedback database (SQLite) and generated key; tests read the rows back from it. */
export const e2eDataDir = join(tmpdir(), `hc-e2e-${port}`);
/** Turns /admin/feedback/ on for the e2e servers; the admin tests sign in with it. */
export const e2eAdminToken = 'e2e-admin-token-not-a-secret';
/**
 * The dashboard tests get a server and database of their own (port + 2; port + 1 is the
 * token-less server they start themselves), so votes posted by the feedback tests running in
 * parallel never change the figures they check.
 */
export const e2eAdminPort = port + 2;
export const e2eAdminDataDir = join(tmpdir(), `hc-e2e-admin-${port}`);
/**
 * The UDP port of the fixture DNS server (tests/e2e/dns-setup.ts) the e2e servers ask for MX
 * records, so the e-mail address finder's lookups never leave the machine.
 */
export const e2eDnsPort = port + 10;
/** Debian's Chromium (Playwright cannot download browsers here); Playwright's own where present. */
const chromium = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export default defineConfig({
	testDir: 'tests/e2e',
	// Its own folder, which it empties at the start: npm test's logs and the screenshots in
	// test-results/ stay.
	outputDir: 'test-results/e2e',
	fullyParallel: true,
	forbidOnly: !!process.env['CI'],
	// A failed test runs once more, with a trace: recording one for every test (retain-on-failure)
	// cost 10-20 % of the e2e stage's time. A test that passes only on its retry still fails the
	// run (failOnFlakyTests), so a retry never hides a flaky test.
	retries: 1,
	failOnFlakyTests: true,
	// Two: the tests are independent (each writes its own rows, the dashboard has its own server),
	// and `npm test` runs other stages beside them on a 2-core machine. E2E_WORKERS to change.
	workers: Number(process.env['E2E_WORKERS'] ?? 2),
	reporter: process.env['CI'] ? 'line' : 'list',
	globalSetup: './tests/e2e/dns-setup.ts',
	use: {
		baseURL: `http://localhost:${port}`,
		trace: 'on-first-retry',
		...devices['Desktop Chrome'],
		launchOptions: {
			...(existsSync(chromium) ? { executablePath: chromium } : {}),
			args: ['--disable-background-networking', '--disable-component-update', '--no-first-run'],
		},
	},
	webServer: [port, e2eAdminPort].map((serverPort) => ({
		// The production build, served by the real server (`npm test` builds first).
		command: `node scripts/start.ts --no-build`,
		url: `http://localhost:${serverPort}/nl/`,
		env: {
			PORT: String(serverPort),
			HOST: 'localhost',
			FEEDBACK_DATA_DIR: serverPort === port ? e2eDataDir : e2eAdminDataDir,
			// Every browser test posts from 127.0.0.1; the real limits are unit-tested.
			FEEDBACK_RATE_CLIENT: '10000/60',
			FEEDBACK_RATE_ARTICLE: '10000/60',
			FEEDBACK_RATE_CHALLENGE: '10000/60',
			// A cheaper (but real) ALTCHA proof of work, so a busy CI machine solves it in seconds.
			FEEDBACK_CAPTCHA_COST: '500',
			FEEDBACK_ADMIN_TOKEN: e2eAdminToken,
			FEEDBACK_ADMIN_LOGIN_RATE: '10000/60',
			MAIL_PROVIDER_DNS_SERVER: `127.0.0.1:${e2eDnsPort}`,
			MAIL_PROVIDER_RATE: '10000/60',
			SEARCH_LOG_RATE: '10000/60',
		},
		reuseExistingServer: false,
		timeout: 30_000,
	})),
});
