/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

/**
 * Reliability tests of the feedback endpoint that need the built server (crash durability,
 * concurrency across processes, a bounded soak). `npm test` runs them after `npm run build`.
 */
export default getViteConfig({
	test: {
		include: ['tests/reliability/**/*.test.ts'],
		testTimeout: 180_000,
		hookTimeout: 120_000,
		fileParallelism: false,
		passWithNoTests: true,
	},
});
