/**
 * Answers a Node request with a web-standard handler (`Request` in, `Response` out), for the
 * routes the production server (scripts/serve.ts) answers itself instead of through Astro's
 * handler. The request is made as the Node adapter makes it (`astro/app/node`): the URL from the
 * `Host` header, `https` only on a TLS socket, the body streamed, the client's address from the
 * socket (the adapter trusts `X-Forwarded-For` only for `security.allowedDomains`, which this site
 * does not set). The response gets the headers `src/middleware.ts` gives on-demand responses.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { ProblemError, problemResponse, type FieldError } from '../feedback/problem.ts';
import { withSecurityHeaders } from './response.ts';

/** A route's handler: the request, and the client's address when the socket tells it. */
export type FetchHandler = (
	request: Request,
	clientAddress: string | undefined,
) => Promise<Response>;

/**
 * The web `Request` for a Node request, or the field that makes one impossible: a `Host` that
 * makes no URL, a header `Headers` refuses, or a method `fetch` refuses (TRACE, TRACK, CONNECT).
 */
export function toRequest(req: IncomingMessage): Request | FieldError {
	const protocol = 'encrypted' in req.socket && req.socket.encrypted === true ? 'https' : 'http';
	let url: URL;
	try {
		url = new URL(req.url ?? '/', `${protocol}://${req.headers.host ?? 'localhost'}`);
	} catch {
		return { field: 'Host', message: 'must make a valid URL with the request path' };
	}
	const headers = new Headers();
	try {
		for (const [name, value] of Object.entries(req.headers)) {
			if (value === undefined || name.startsWith(':')) continue;
			if (Array.isArray(value)) for (const item of value) headers.append(name, item);
			else headers.set(name, value);
		}
	} catch {
		return { field: 'headers', message: 'must be headers fetch can take' };
	}
	const method = req.method ?? 'GET';
	const hasBody = method !== 'GET' && method !== 'HEAD';
	try {
		return new Request(url, {
			method,
			headers,
			...(hasBody
				? { body: Readable.toWeb(req) as ReadableStream<Uint8Array>, duplex: 'half' }
				: {}),
		} as RequestInit);
	} catch {
		return { field: 'method', message: `${method} is not a method this server answers` };
	}
}

/** Writes a web `Response` (status, headers, body) to a Node response. */
export async function writeResponse(response: Response, res: ServerResponse): Promise<void> {
	const headers: Record<string, string | string[]> = Object.fromEntries(response.headers);
	const cookies = response.headers.getSetCookie();
	if (cookies.length > 1) headers['set-cookie'] = cookies;
	const body = response.body ? Buffer.from(await response.arrayBuffer()) : undefined;
	res.writeHead(response.status, headers);
	res.end(body);
}

/**
 * Answers `req` with `handle`; never rejects. A request that cannot be made into a `Request`
 * gets a 400, a handler that throws (it should answer every failure itself) a 500, both as
 * problem+json.
 */
export async function answerWith(
	req: IncomingMessage,
	res: ServerResponse,
	handle: FetchHandler,
): Promise<void> {
	const made = toRequest(req);
	const request = made instanceof Request ? made : undefined;
	let response: Response;
	if (!request) {
		const error = made as FieldError;
		response = problemResponse(
			new ProblemError(400, 'Bad Request', `The request cannot be read: check ${error.field}.`, {
				errors: [error],
			}),
		);
	} else {
		try {
			response = await handle(request, req.socket.remoteAddress);
		} catch (error) {
			console.error(`Could not answer ${req.method ?? ''} ${req.url ?? ''}`, error);
			response = problemResponse(
				new ProblemError(500, 'Internal Server Error', 'Something went wrong on our side.'),
			);
		}
	}
	const https = request ? new URL(request.url).protocol === 'https:' : false;
	try {
		await writeResponse(withSecurityHeaders(response, https), res);
	} catch (error) {
		console.error(`Could not send the answer to ${req.method ?? ''} ${req.url ?? ''}`, error);
		if (!res.headersSent) res.writeHead(500);
		res.end();
	}
}
