// @ts-check
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { defineConfig } from 'eslint/config';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
	{ languageOptions: { globals: { ...globals.browser } } },
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
	{
		files: ['scripts/**', 'tests/**', '*.config.*'],
		languageOptions: { globals: globals.node },
	},
);
