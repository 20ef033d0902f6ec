import type { APIRoute, GetStaticPaths } from 'astro';
import { locales, type Locale } from '../../i18n/locales.ts';
import { searchConfigFile } from '../../components/search/search-config.ts';

/** `/<lang>/search-config.json`: what the search boxes of a language fetch when search starts. */
export const getStaticPaths = (() =>
	locales.map((lang) => ({ params: { lang } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
	new Response(searchConfigFile(params['lang'] as Locale).json, {
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
	});
