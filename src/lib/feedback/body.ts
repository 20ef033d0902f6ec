import { ProblemError, invalid } from './problem.ts';

/** How the request was sent: `json` from the script, `form` from a plain HTML form (no JS). */
export type BodyKind = 'json' | 'form';

/** The request's fields, still unvalidated. */
export interface RequestFields {
	kind: BodyKind;
	fields: Record<string, unknown>;
}

const kinds: Record<string, BodyKind> = {
	'application/json': 'json',
	'application/x-www-form-urlencoded': 'form',
	'multipart/form-data': 'form',
};

/** Form fields that may repeat (checkboxes); every other field is a single value. */
const listFields = new Set(['reasons']);

function unsupported(detail: string): ProblemError {
	return new ProblemError(415, 'Unsupported Media Type', detail, {
		errors: [{ field: 'Content-Type', message: detail }],
	});
}

function tooLarge(maxBytes: number): ProblemError {
	const detail = `The request body is larger than ${maxBytes} bytes.`;
	return new ProblemError(413, 'Content Too Large', detail, {
		errors: [{ field: 'body', message: detail }],
	});
}

/**
 * Reads the body as JSON or form fields, within `maxBytes`, as strict UTF-8.
 * @throws {ProblemError} 415 for another media type or charset, 413 when too large, 400 when
 *   empty or malformed.
 */
export async function readFields(request: Request, maxBytes: number): Promise<RequestFields> {
	const contentType = request.headers.get('content-type') ?? '';
	const [essence = '', ...params] = contentType.split(';').map((p) => p.trim().toLowerCase());
	const kind = kinds[essence];
	if (!kind) {
		throw unsupported(
			'Send application/json, application/x-www-form-urlencoded or multipart/form-data.',
		);
	}
	const charset = params
		.find((p) => p.startsWith('charset='))
		?.slice(8)
		.replace(/"/g, '');
	if (charset && charset !== 'utf-8' && charset !== 'utf8') {
		throw unsupported('The only supported charset is UTF-8.');
	}
	const bytes = await readLimited(request, maxBytes);
	if (bytes.byteLength === 0) throw invalid([{ field: 'body', message: 'The body is empty.' }]);
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		throw invalid([{ field: 'body', message: 'The body is not valid UTF-8.' }]);
	}
	if (kind === 'json') return { kind, fields: parseJson(text) };
	if (essence === 'multipart/form-data') {
		return { kind, fields: await parseMultipart(bytes, contentType) };
	}
	return { kind, fields: collect(new URLSearchParams(text)) };
}

/** The stream failed before its end: the client went away or sent less than it announced. */
function cutOff(): ProblemError {
	return invalid([{ field: 'body', message: 'The body ended before it was complete.' }]);
}

/**
 * Reads at most `maxBytes`, trusting neither `Content-Length` nor the sender to stop. A body
 * that breaks off is the client's doing (a 400), not a server fault to log.
 */
async function readLimited(request: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
	const declared = Number(request.headers.get('content-length'));
	if (declared > maxBytes) throw tooLarge(maxBytes);
	if (!request.body) return new Uint8Array();
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let total = 0;
	for (;;) {
		const { done, value } = await reader.read().catch(() => {
			throw cutOff();
		});
		if (done) break;
		total += value.byteLength;
		if (total > maxBytes) {
			await reader.cancel().catch(() => {});
			throw tooLarge(maxBytes);
		}
		chunks.push(value);
	}
	const bytes = new Uint8Array(total);
	let offset = 0;
	for (const chunk of chunks) {
		bytes.set(chunk, offset);
		offset += chunk.byteLength;
	}
	return bytes;
}

function parseJson(text: string): Record<string, unknown> {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		throw invalid([{ field: 'body', message: 'The body is not valid JSON.' }]);
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		throw invalid([{ field: 'body', message: 'The body must be a JSON object.' }]);
	}
	return value as Record<string, unknown>;
}

async function parseMultipart(
	bytes: Uint8Array<ArrayBuffer>,
	contentType: string,
): Promise<Record<string, unknown>> {
	let form: FormData;
	try {
		form = await new Response(bytes, { headers: { 'Content-Type': contentType } }).formData();
	} catch {
		throw invalid([{ field: 'body', message: 'The multipart body is malformed.' }]);
	}
	const files = [...form].filter(([, value]) => typeof value !== 'string');
	if (files.length > 0) {
		throw invalid(files.map(([field]) => ({ field, message: 'must be text, not a file' })));
	}
	return collect(form as Iterable<[string, string]>);
}

/**
 * Turns form entries into fields: list fields always become arrays, a repeated single field
 * becomes an array too (so validation reports it). `Object.fromEntries` keeps a field named
 * `__proto__` an ordinary property.
 */
function collect(entries: Iterable<[string, string]>): Record<string, unknown> {
	const values = new Map<string, string[]>();
	for (const [name, value] of entries) {
		const list = values.get(name);
		if (list) list.push(value);
		else values.set(name, [value]);
	}
	return Object.fromEntries(
		[...values].map(([name, list]) => [
			name,
			listFields.has(name) || list.length > 1 ? list : list[0],
		]),
	);
}
