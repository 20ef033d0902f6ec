import { defineConfig } from 'vitest/config';

/**
 * Checks over the built site (`dist/`, or `HC_OUT_DIR`): valid HTML, links and anchors,
 * hreflang, sitemap, page weight. `npm test` runs them after `npm run build`.
 */
export default defineConfig({
	test: {
		include: ['tests/dist/**/*.test.ts'],
		testTimeout: 120_000,
		passWithNoTests: true,
	},
});
