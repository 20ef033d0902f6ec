// @ts-check
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { defineConfig } from 'eslint/config';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Browser code: the islands (TypeScript next to the components, and the <script> blocks of
 * .astro files, which eslint-plugin-astro lints as virtual `*.astro/*.ts` files). Everything
 * else runs on Node: the build (frontmatter, integrations), the server, the CLIs and the tests.
 */
const browserFiles = ['src/components/**/*.ts', '**/*.astro/*.ts', '**/*.astro/*.js'];

export default defineConfig(
	{
		ignores: [
			'dist/',
			'dist-*/',
			'.astro/',
			'node_modules/',
			'data/',
			'test-results/',
			'playwright-report/',
			'.netlify/',
		],
	},
	js.configs.recommended,
	tseslint.configs.recommended,
	astro.configs.recommended,
	prettier,
	{
		rules: {
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
			],
			'@typescript-eslint/no-non-null-assertion': 'off',
		},
	},
	{ languageOptions: { globals: globals.node } },
	{ files: browserFiles, languageOptions: { globals: globals.browser } },
	{
		// Type-aware rules for the bugs types can show: a promise nobody awaits or catches (an
		// unhandled rejection, a write not finished before the answer), or one passed where a
		// callback's result is ignored (an event listener, forEach). The project service reads
		// tsconfig.json; .astro files and their scripts are not TypeScript files it knows.
		files: ['**/*.ts', '**/*.mts', '**/*.mjs'],
		ignores: ['**/*.astro/*'],
		languageOptions: { parserOptions: { projectService: true } },
		rules: {
			'@typescript-eslint/no-floating-promises': 'error',
			'@typescript-eslint/no-misused-promises': 'error',
			'@typescript-eslint/await-thenable': 'error',
		},
	},
);
