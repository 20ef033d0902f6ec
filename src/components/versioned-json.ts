/**
 * A JSON file an island fetches when it starts (build time), with a URL that changes with its
 * content: a copy cached by a browser or CDN never outlives a deploy that changed it. Settings
 * that are the same on every page of a language live in such a file, not in an attribute that
 * every page would carry (the article page-weight budget).
 */
import { createHash } from 'node:crypto';

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
