import { expect, test } from '@playwright/test';
import { gunzipSync } from 'node:zlib';

/** The raw response, not decoded: `fetch` in the test runner, with an explicit Accept-Encoding. */
async function get(baseURL: string | undefined, path: string, acceptEncoding: string) {
	const response = await fetch(new URL(path, baseURL), {
		headers: { 'Accept-Encoding': acceptEncoding },
	});
	return { response, body: Buffer.from(await response.arrayBuffer()) };
}

test.describe('npm start compresses text as a CDN would', () => {
	test('pages go out as Brotli or gzip, by Accept-Encoding, and plain when asked', async ({
		baseURL,
	}) => {
		const brotli = await get(baseURL, '/nl/gmail/', 'br, gzip');
		expect(brotli.response.status).toBe(200);
		expect(brotli.response.headers.get('content-encoding')).toBe('br');
		expect(brotli.response.headers.get('vary')).toMatch(/accept-encoding/i);
		// Security headers survive compression.
		expect(brotli.response.headers.get('content-security-policy')).toContain("default-src 'none'");

		const gzip = await get(baseURL, '/nl/gmail/', 'gzip');
		expect(gzip.response.headers.get('content-encoding')).toBe('gzip');
		const plain = await get(baseURL, '/nl/gmail/', 'identity');
		expect(plain.response.headers.get('content-encoding')).toBeNull();
		// Node's fetch decodes the body; the compressed page is the same page.
		expect(gzip.body.toString()).toBe(plain.body.toString());
		expect(plain.body.toString()).toContain('<h1');
	});

	test('the on-demand API and already compressed search files are left alone', async ({
		baseURL,
		request,
	}) => {
		const api = await request.post('/api/feedback', {
			headers: { 'Content-Type': 'application/json', Origin: baseURL ?? '' },
			data: { nonsense: true },
		});
		expect(api.status()).toBe(400);
		expect(api.headers()['content-type']).toContain('application/problem+json');

		const html = await get(baseURL, '/en/gmail/', 'identity');
		const lang = /<html[^>]*\blang="([^"]+)"/.exec(html.body.toString())?.[1]?.toLowerCase();
		const entry = (await (
			await fetch(new URL('/pagefind/pagefind-entry.json', baseURL))
		).json()) as {
			languages: Record<string, { hash: string }>;
		};
		const meta = `/pagefind/pagefind.${entry.languages[lang!]!.hash}.pf_meta`;
		const file = await get(baseURL, meta, 'br, gzip');
		expect(file.response.status).toBe(200);
		expect(file.response.headers.get('content-encoding')).toBeNull();
		// Pagefind's files are gzip data that Pagefind itself unpacks.
		expect(() => gunzipSync(file.body)).not.toThrow();
	});
});
