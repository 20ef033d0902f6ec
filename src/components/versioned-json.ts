/**
 * A JSON file an island fetches when it starts (build time), with a URL that changes with its
 * content: a copy cached by a browser or CDN never outlives a deploy that changed it. Settings
 * that are the same on every page of a language live in such a file, not in an attribute that
 * every page would carry (the article page-weight budget).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { createHash } from 'node:crypto';
import { locales, type Locale } from '../i18n/locales.ts';

export interface VersionedJson<T> {
	value: T;
	/** The file's body. */
	json: string;
	/** `path?v=<first 10 hex digits of its SHA-256>`. */
	url: string;
}

export function versionedJson<T>(path: string, value: T): VersionedJson<T> {
	const json = JSON.stringify(value);
	const version = createHash('sha256').update(json).digest('hex').slice(0, 10);
	return { value, json, url: `${path}?v=${version}` };
}

/**
 * One such file per language, `/<lang>/<name>`, made once per build: every page of a language
 * asks for its URL, the route for its body.
 */
export function perLanguageJson<T>(
	name: string,
	make: (lang: Locale) => T,
): (lang: Locale) => VersionedJson<T> {
	const made = new Map<Locale, VersionedJson<T>>();
	return (lang) => {
		let file = made.get(lang);
		if (!file) {
			file = versionedJson(`/${lang}/${name}`, make(lang));
			made.set(lang, file);
		}
		return file;
	};
}

/** The prerendered route of a per-language file: `export const { getStaticPaths, GET } = …`. */
export function perLanguageJsonRoute(file: (lang: Locale) => VersionedJson<unknown>): {
	getStaticPaths: GetStaticPaths;
	GET: APIRoute;
} {
	return {
		getStaticPaths: () => locales.map((lang) => ({ params: { lang } })),
		GET: ({ params }) =>
			new Response(file(params['lang'] as Locale).json, {
				headers: { 'Content-Type': 'application/json; charset=utf-8' },
			}),
	};
}
