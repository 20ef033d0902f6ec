import { createServer, METHODS, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { answerWith, type FetchHandler } from '../../src/lib/security/node-fetch.ts';
import { securityHeaders } from '../../src/lib/security/headers.ts';

let server: Server | undefined;
afterEach(async () => {
	await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
	server = undefined;
	vi.restoreAllMocks();
});

/** A real node:http server answering every request with `handle`; resolves to its port. */
async function serve(handle: FetchHandler): Promise<number> {
	server = createServer((req, res) => void answerWith(req, res, handle));
	await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
	return (server.address() as AddressInfo).port;
}

/** A raw request, so that headers such as Host can be anything. */
function send(
	port: number,
	options: { method?: string; path?: string; headers?: Record<string, string>; body?: string },
): Promise<{
	status: number;
	headers: Record<string, string | string[] | undefined>;
	body: string;
}> {
	return new Promise((resolve, reject) => {
		const req = httpRequest(
			{
				host: '127.0.0.1',
				port,
				method: options.method ?? 'GET',
				path: options.path ?? '/',
				headers: options.headers,
			},
			(res) => {
				let body = '';
				res.setEncoding('utf8');
				res.on('data', (chunk: string) => (body += chunk));
				res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
			},
		);
		req.on('error', reject);
		req.end(options.body);
	});
}

describe('answerWith()', () => {
	test('hands the handler the request as the Node adapter makes it, and writes its answer', async () => {
		let seen:
			| { url: string; method: string; type: string | null; body: string; address?: string }
			| undefined;
		const port = await serve(async (request, clientAddress) => {
			seen = {
				url: request.url,
				method: request.method,
				type: request.headers.get('content-type'),
				body: await request.text(),
				...(clientAddress ? { address: clientAddress } : {}),
			};
			const headers = new Headers({ 'Content-Type': 'application/json' });
			headers.append('Set-Cookie', 'a=1');
			headers.append('Set-Cookie', 'b=2');
			return new Response('{"ok":true}', { status: 201, headers });
		});
		const answer = await send(port, {
			method: 'POST',
			path: '/api/feedback?x=1',
			headers: { Host: 'help.example:8080', 'Content-Type': 'application/json' },
			body: '{"vote":"yes"}',
		});
		expect(seen).toEqual({
			url: 'http://help.example:8080/api/feedback?x=1',
			method: 'POST',
			type: 'application/json',
			body: '{"vote":"yes"}',
			address: '127.0.0.1',
		});
		expect(answer.status).toBe(201);
		expect(answer.body).toBe('{"ok":true}');
		expect(answer.headers['set-cookie']).toEqual(['a=1', 'b=2']);
		// The headers src/middleware.ts gives on-demand answers; no HSTS over plain HTTP.
		for (const [name, value] of Object.entries(securityHeaders)) {
			expect(answer.headers[name.toLowerCase()]).toBe(value);
		}
		expect(answer.headers['content-security-policy']).toBeDefined();
		expect(answer.headers['strict-transport-security']).toBeUndefined();
	});

	test('answers a Host that makes no URL with a 400 naming Host, without calling the handler', async () => {
		const handle = vi.fn<FetchHandler>();
		const port = await serve(handle);
		const answer = await send(port, { headers: { Host: 'bad host:x' } });
		expect(answer.status).toBe(400);
		expect(answer.headers['content-type']).toContain('application/problem+json');
		expect(JSON.parse(answer.body).errors).toEqual([
			{ field: 'Host', message: expect.any(String) },
		]);
		expect(handle).not.toHaveBeenCalled();
	});

	test('answers a method fetch refuses (TRACE) with a 400 naming method, and goes on serving', async () => {
		const handle = vi.fn<FetchHandler>(async () => new Response('ok'));
		const port = await serve(handle);
		const answer = await send(port, { method: 'TRACE', path: '/api/feedback' });
		expect(answer.status).toBe(400);
		expect(answer.headers['content-type']).toContain('application/problem+json');
		expect(JSON.parse(answer.body).errors).toEqual([
			{ field: 'method', message: expect.stringContaining('TRACE') },
		]);
		expect(handle).not.toHaveBeenCalled();
		expect((await send(port, { method: 'POST', path: '/api/feedback', body: '{}' })).body).toBe(
			'ok',
		);
	});

	test('answers a handler that throws with a 500 problem, and logs it', async () => {
		const log = vi.spyOn(console, 'error').mockImplementation(() => {});
		const port = await serve(async () => {
			throw new Error('boom');
		});
		const answer = await send(port, { method: 'POST', path: '/api/feedback', body: '{}' });
		expect(answer.status).toBe(500);
		expect(answer.headers['content-type']).toContain('application/problem+json');
		expect(answer.body).not.toContain('boom');
		expect(log).toHaveBeenCalledWith(expect.stringContaining('/api/feedback'), expect.any(Error));
	});

	test('gives GET and HEAD requests no body, and HEAD answers none', async () => {
		const methods: string[] = [];
		const port = await serve(async (request) => {
			methods.push(`${request.method} ${request.body === null ? 'no body' : 'body'}`);
			return new Response('{"error":"method"}', { status: 405, headers: { Allow: 'POST' } });
		});
		const head = await send(port, { method: 'HEAD', path: '/api/feedback' });
		const get = await send(port, { method: 'GET', path: '/api/feedback' });
		expect(methods).toEqual(['HEAD no body', 'GET no body']);
		expect([head.status, head.body, head.headers['allow']]).toEqual([405, '', 'POST']);
		expect([get.status, get.body]).toEqual([405, '{"error":"method"}']);
	});
});

describe('answerWith() under random requests', () => {
	test('answers every one, with the handler or a 400, and the server goes on', async () => {
		const port = await serve(async (request) => new Response(`${request.method} ok`));
		const printable = fc.stringMatching(/^[\x21-\x7e]{0,40}$/);
		await fc.assert(
			fc.asyncProperty(
				// Every method Node's parser takes (CONNECT goes to a server's 'connect' event instead).
				fc.constantFrom(...METHODS.filter((m) => m !== 'CONNECT')),
				printable,
				fc.stringMatching(/^\/[\x21-\x7e]{0,60}$/),
				fc.string({ maxLength: 200 }),
				async (method, host, path, body) => {
					const answer = await send(port, {
						method,
						path,
						headers: { Host: host },
						...(method === 'GET' || method === 'HEAD' ? {} : { body }),
					});
					if (answer.status === 200) {
						expect(answer.body).toBe(method === 'HEAD' ? '' : `${method} ok`);
					} else {
						// Ours, as problem+json, or Node's parser's own bare 400 (a TRACE with a body).
						expect(answer.status).toBe(400);
						const type = answer.headers['content-type'];
						if (type !== undefined) expect(type).toContain('application/problem+json');
					}
				},
			),
			{ numRuns: 150 },
		);
		expect((await send(port, { path: '/' })).status).toBe(200);
	});
});
