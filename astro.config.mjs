// @ts-check
import mdx from '@astrojs/mdx';
import node from '@astrojs/node';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { defaultLocale, localeTags } from './src/i18n/locales.ts';
import { siteConfig } from './src/site.config.ts';

export default defineConfig({
	site: siteConfig.siteUrl,
	// A separate output folder lets parallel builds (tests, benchmarks) not overwrite each other.
	outDir: process.env.HC_OUT_DIR ?? 'dist',
	trailingSlash: 'always',
	output: 'static',
	adapter: node({ mode: 'standalone' }),
	integrations: [
		mdx(),
		sitemap({
			i18n: { defaultLocale, locales: localeTags },
			filter: (page) => !/\/404\/$/.test(page),
		}),
	],
	build: { format: 'directory' },
});
