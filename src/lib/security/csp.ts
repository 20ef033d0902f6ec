/**
 * The Content-Security-Policy: Astro's `security.csp` option, and the helpers that turn the
 * per-page policies Astro computes into one site-wide policy.
 */
import type { AstroConfig } from 'astro';

/** Astro's CSP option: the object form of `security.csp` (as `updateConfig` takes it). */
type CspConfig = Exclude<AstroConfig['security']['csp'], boolean>;

/**
 * What the pages may load. Astro adds the SHA-256 hashes of the scripts and styles each page
 * inlines to `script-src` and `style-src` and (with the adapters' `staticHeaders`) sends the policy
 * as a header, never as a `<meta>`, which could not carry `frame-ancestors`.
 *
 * - `'wasm-unsafe-eval'`: Pagefind compiles its WebAssembly search engine (this allows no `eval`).
 * - `worker-src 'self'`: the ALTCHA captcha's proof-of-work worker, a file of this site
 *   (src/components/feedback/load-altcha.ts: not the Blob URL of ALTCHA's default build).
 * - `connect-src 'self'`: the search index and the feedback API are on this origin.
 */
export const csp: CspConfig = {
	algorithm: 'SHA-256',
	directives: [
		"default-src 'none'",
		"connect-src 'self'",
		"img-src 'self'",
		"font-src 'self'",
		"manifest-src 'self'",
		"worker-src 'self'",
		"object-src 'none'",
		"base-uri 'none'",
		"form-action 'self'",
		"frame-ancestors 'none'",
	],
	scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
	styleDirective: { resources: ["'self'"] },
};

/** A policy as an ordered map of directive name to its sources. */
export type ParsedCsp = Map<string, string[]>;

/** Splits a policy (`a b; c d`) into directives; names lower-cased, empty parts dropped. */
export function parseCsp(policy: string): ParsedCsp {
	const parsed: ParsedCsp = new Map();
	for (const part of policy.split(';')) {
		const [name, ...sources] = part.trim().split(/\s+/);
		if (name) parsed.set(name.toLowerCase(), sources);
	}
	return parsed;
}

/** Writes a parsed policy back as a header value. */
export function formatCsp(policy: ParsedCsp): string {
	return [...policy].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

/**
 * One policy that allows what each of `policies` allows: per directive, the union of the sources,
 * in first-seen order. Used to give every page the same policy, so a static host needs one header
 * rule (`/*`) and unknown URLs (their 404 page) are covered too. Every source in it is one of our
 * own hashes or a source in `csp` above, so no page gains more than another page's inline code.
 */
export function mergeCsp(policies: Iterable<string>): string {
	const merged: ParsedCsp = new Map();
	for (const policy of policies) {
		for (const [name, sources] of parseCsp(policy)) {
			const known = merged.get(name) ?? [];
			merged.set(name, [...known, ...sources.filter((s) => !known.includes(s))]);
		}
	}
	return formatCsp(merged);
}
