/**
 * Turns what a reader typed (an e-mail address or a domain) into the ASCII domain name that DNS
 * knows, or says what is wrong with it. Pure and free of Node APIs: the browser island runs it
 * too, with its own IDN conversion passed in, so the two sides accept exactly the same input.
 */

/** DNS limits (RFC 1035 §2.3.4): a name of at most 253 characters, labels of at most 63. */
export const maxDomainLength = 253;
export const maxLabelLength = 63;

/** Converts a Unicode domain to its ASCII (punycode) form; `''` when it cannot be converted. */
export type ToAscii = (domain: string) => string;

/** Why a domain is refused; each is a message that reads after the field's name. */
export type DomainProblem =
	'empty' | 'local-part' | 'ip-literal' | 'too-long' | 'label-too-long' | 'invalid';

/** The English message per problem, as the API sends it after the field name. */
export const domainMessages: Record<DomainProblem, string> = {
	empty: 'is required: the part of an e-mail address after the @',
	'local-part': 'must be the domain only (what follows the @), without the part before it',
	'ip-literal': 'must be a domain name, not an IP address',
	'too-long': `must be at most ${maxDomainLength} characters (in its ASCII form)`,
	'label-too-long': `must have parts of at most ${maxLabelLength} characters between the dots`,
	invalid: 'is not a valid domain name, such as jouwbedrijf.nl',
};

/** The outcome: the normalised domain, or the reason it was refused. */
export type DomainResult = { ok: true; domain: string } | { ok: false; problem: DomainProblem };

const ipv4 = /^\d+(\.\d+){3}$/;
// Letters, digits and hyphens, not at either end (RFC 1123); the top level is not all digits.
const label = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;
const topLevel = /^(?:[a-z]{2,}|xn--[a-z0-9-]+)$/;

/**
 * Normalises a domain: trimmed, without one trailing dot, IDN to ASCII, lower case. With
 * `address: 'strip'` an e-mail address is accepted and only its domain kept (the finder's form);
 * with `'refuse'` a local part is an error (the API, which must only ever be sent the domain).
 */
export function normaliseDomain(
	input: string,
	toAscii: ToAscii,
	address: 'strip' | 'refuse' = 'refuse',
): DomainResult {
	let text = input.trim();
	const at = text.lastIndexOf('@');
	if (at >= 0) {
		if (address === 'refuse') return { ok: false, problem: 'local-part' };
		text = text.slice(at + 1).trim();
	}
	if (text.endsWith('.')) text = text.slice(0, -1);
	if (!text) return { ok: false, problem: 'empty' };
	if (text.startsWith('[') || text.includes(':') || ipv4.test(text)) {
		return { ok: false, problem: 'ip-literal' };
	}
	// Checked before conversion too: a huge input is refused without the work of converting it.
	if (text.length > maxDomainLength * 4) return { ok: false, problem: 'too-long' };
	const ascii = toAscii(text).toLowerCase();
	// WHATWG hosts turn some numbers into IPv4 addresses (`0x7f.1` → `127.0.0.1`).
	if (ipv4.test(ascii)) return { ok: false, problem: 'ip-literal' };
	if (!ascii) return { ok: false, problem: 'invalid' };
	if (ascii.length > maxDomainLength) return { ok: false, problem: 'too-long' };
	const labels = ascii.split('.');
	if (labels.some((l) => l.length > maxLabelLength))
		return { ok: false, problem: 'label-too-long' };
	if (labels.length < 2 || !labels.every((l) => label.test(l)) || !topLevel.test(labels.at(-1)!)) {
		return { ok: false, problem: 'invalid' };
	}
	return { ok: true, domain: ascii };
}

/**
 * IDN to ASCII in a browser, by the URL parser (the same WHATWG algorithm as Node's
 * `domainToASCII`); `''` when the text is no host.
 */
export function browserToAscii(domain: string): string {
	if (/[/?#\\%\s]/.test(domain)) return '';
	try {
		return new URL(`http://${domain}/`).hostname;
	} catch {
		return '';
	}
}
