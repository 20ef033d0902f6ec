/**
 * Errors as `application/problem+json` (RFC 9457). Every client mistake names the field it is
 * about, so the widget can put the message next to the right control.
 */

/** One bad field: its name in the request and what is wrong with it. */
export interface FieldError {
	field: string;
	message: string;
}

/** The RFC 9457 members this API sends. */
export interface ProblemDetails {
	/** A URI naming the kind of problem; `about:blank` means "see the status code". */
	type: string;
	title: string;
	status: number;
	detail: string;
	errors: FieldError[];
}

/**
 * Problem type of a request whose fields failed validation (400). A `tag:` URI (RFC 4151), as
 * RFC 9457 §4 suggests for types that have no documentation page to dereference.
 */
export const validationProblemType = 'tag:spinoffice-crm.com,2026:help-feedback/validation';

/** A problem the handler stops with; {@link problemResponse} turns it into the HTTP answer. */
export class ProblemError extends Error {
	/** The response body. */
	readonly details: ProblemDetails;
	/** Extra response headers, such as `Allow` or `Retry-After`. */
	readonly headers: Record<string, string>;

	constructor(
		status: number,
		title: string,
		detail: string,
		options: { errors?: FieldError[]; type?: string; headers?: Record<string, string> } = {},
	) {
		super(detail);
		this.name = 'ProblemError';
		this.details = {
			type: options.type ?? 'about:blank',
			title,
			status,
			detail,
			errors: options.errors ?? [],
		};
		this.headers = options.headers ?? {};
	}
}

/** A 400 for one or more bad fields. */
export function invalid(errors: FieldError[]): ProblemError {
	const names = [...new Set(errors.map((e) => e.field))].join(', ');
	return new ProblemError(400, 'Invalid feedback', `Check these fields: ${names}.`, {
		type: validationProblemType,
		errors,
	});
}

/** The HTTP response for a problem. Problems are never cached. */
export function problemResponse(problem: ProblemError): Response {
	return new Response(JSON.stringify(problem.details), {
		status: problem.details.status,
		headers: {
			'Content-Type': 'application/problem+json',
			'Cache-Control': 'no-store',
			...problem.headers,
		},
	});
}

/** A JSON response. */
export function jsonResponse(
	body: unknown,
	status = 200,
	headers: Record<string, string> = {},
): Response {
	return new Response(JSON.stringify(body), {
		status,
		headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers },
	});
}
