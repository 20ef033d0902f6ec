/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

/**
 * The Vitest projects, each a stage of `npm test` (scripts/test.ts) and an npm script of its own
 * (`vitest run --project <name>`). A new test file joins its folder's project by itself.
 * - unit: no build, no child process of the project; quick.
 * - integration: build a copy of the project, or install the shared build (slow, mostly waiting
 *   for child processes, so the files run side by side).
 * - dist and reliability: read the shared build (`npm run build`, or HC_OUT_DIR) and never write it.
 */
export default getViteConfig({
	test: {
		passWithNoTests: true,
		projects: [
			{
				extends: true,
				test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], testTimeout: 60_000 },
			},
			{
				extends: true,
				test: {
					name: 'integration',
					include: ['tests/integration/**/*.test.ts'],
					testTimeout: 120_000,
					hookTimeout: 300_000,
					maxWorkers: 3,
				},
			},
			{
				extends: true,
				test: { name: 'dist', include: ['tests/dist/**/*.test.ts'], testTimeout: 120_000 },
			},
			{
				extends: true,
				test: {
					name: 'reliability',
					include: ['tests/reliability/**/*.test.ts'],
					testTimeout: 180_000,
					hookTimeout: 120_000,
					maxWorkers: 3,
				},
			},
		],
	},
});
