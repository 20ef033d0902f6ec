import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

/** Content types of the files in a Pagefind bundle; the index files are opaque binaries. */
const types: Record<string, string> = {
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
};

/**
 * Connect middleware for `astro dev`: serves `/pagefind/*` from the last build, so search works
 * in development without indexing on every change. Without a build it answers 404 and the search
 * box shows its "search is unavailable" message.
 */
export function servePagefindBundle(bundleDir: string) {
	// Connect ignores a middleware's promise: a rejection (a malformed %-escape in the URL) would
	// be unhandled and stop `astro dev`, so it goes to next() as an error answer instead.
	return (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void): void => {
		serve(bundleDir, req, res, next).catch(next);
	};
}

async function serve(
	bundleDir: string,
	req: IncomingMessage,
	res: ServerResponse,
	next: () => void,
): Promise<void> {
	const path = decodeURIComponent((req.url ?? '').split('?')[0] ?? '');
	if (!path.startsWith('/pagefind/')) return next();
	const file = normalize(join(bundleDir, path.slice('/pagefind/'.length)));
	// Never serve anything outside the bundle (`/pagefind/../../etc/passwd`).
	if (!file.startsWith(bundleDir + sep)) return next();
	try {
		const body = await readFile(file);
		res.setHeader('Content-Type', types[extname(file)] ?? 'application/octet-stream');
		res.setHeader('Cache-Control', 'no-cache');
		res.end(body);
	} catch {
		next();
	}
}
