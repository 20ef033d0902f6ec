import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env['E2E_PORT'] ?? 4399);
/** Debian's Chromium (Playwright cannot download browsers here); Playwright's own where present. */
const chromium = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: true,
	forbidOnly: !!process.env['CI'],
	retries: 0,
	workers: process.env['CI'] ? 2 : '50%',
	reporter: process.env['CI'] ? 'line' : 'list',
	use: {
		baseURL: `http://localhost:${port}`,
		trace: 'retain-on-failure',
		...devices['Desktop Chrome'],
		launchOptions: {
			...(existsSync(chromium) ? { executablePath: chromium } : {}),
			args: ['--disable-background-networking', '--disable-component-update', '--no-first-run'],
		},
	},
	webServer: {
		// The production build, served by the real server (`npm test` builds first).
		command: `node scripts/start.ts --no-build`,
		url: `http://localhost:${port}/nl/`,
		env: { PORT: String(port), HOST: 'localhost' },
		reuseExistingServer: false,
		timeout: 30_000,
	},
});
