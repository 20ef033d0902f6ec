/**
 * What the search log keeps of a query: trimmed, with white space collapsed, anything that looks
 * like personal data or a secret masked, lower-cased and cut to 100 characters. Masking runs on
 * the query as typed (case tells a password from a word) and before the cut (so half an address
 * at the end is still recognised). The rules, in order:
 *
 * - `[e-mail]`: a word with an `@` and something before it (`jan@bedrijf.nl`, `jan@`); a bare
 *   `@gmail.com` names no one and stays.
 * - `[token]`: four groups of four letters joined by spaces or hyphens, the way Apple and Google
 *   show an app-specific password (`abcd efgh ijkl mnop`), even when the groups are words.
 * - `[nummer]`: a run of digits, spaces, hyphens and brackets (optionally after `+`) holding nine
 *   digits or more, such as a phone number (`06-12345678`, `+31 (0)20 123 4567`), and any six or
 *   more digits standing apart from letters (a code, an account or customer number). Dots do not
 *   join digits here, so error codes such as `535 5.7.8` stay.
 * - `[token]`: a word of eight characters or more that looks like a password or a key: one with a
 *   symbol such as `!`, `#` or `$`; one that switches between letters and digits three times or
 *   more (`ab12cd34`); or sixteen characters or more mixing letters and digits without a dot.
 *   Host names (`smtp.office365.com`), error codes (`AADSTS50076`, `0x800CCC0E`) and device names
 *   (`iPhone15`) stay.
 */

/** The longest query kept, in characters (code points). */
export const maxQueryLength = 100;

/** The masks, as they appear in the log. */
export const masks = { email: '[e-mail]', number: '[nummer]', token: '[token]' } as const;

const email = /[^\s@]+@\S*/gu;
const appPassword = /(?<![\p{L}\p{N}])\p{L}{4}([ -])\p{L}{4}\1\p{L}{4}\1\p{L}{4}(?![\p{L}\p{N}])/gu;
const digitRun = /\+?[\d(][\d ()-]*\d/g;
const longNumber = /(?<![\p{L}\d])\d{6,}(?![\p{L}\d])/gu;
const symbol = /[!#$%^&*+=?~|<>{}[\]\\;"`]/u;
const letterDigitSwitch = /(?<=\p{L})\d|(?<=\d)\p{L}/gu;

function digitCount(text: string): number {
	let n = 0;
	for (const c of text) if (c >= '0' && c <= '9') n++;
	return n;
}

/** Whether one word (no white space) looks like a password or a key. */
export function looksLikeToken(word: string): boolean {
	if (Object.values(masks).includes(word as never)) return false;
	const length = [...word].length;
	if (length < 8) return false;
	if (symbol.test(word)) return true;
	const hasLetter = /\p{L}/u.test(word);
	const hasDigit = /\d/.test(word);
	if (!hasLetter || !hasDigit) return false;
	if ((word.match(letterDigitSwitch)?.length ?? 0) >= 3) return !/^0x[\da-f]+$/i.test(word);
	return length >= 16 && !word.includes('.');
}

/** The query with personal data and secrets masked (case and length as given). */
export function maskQuery(text: string): string {
	return text
		.replace(email, masks.email)
		.replace(appPassword, masks.token)
		.replace(digitRun, (run) => {
			if (digitCount(run) < 9) return run;
			// Keep the spaces around the number: they separate it from the words beside it.
			const [, lead = '', number = '', trail = ''] = /^(\s*)(.*?)(\s*)$/su.exec(run) ?? [];
			return number ? `${lead}${masks.number}${trail}` : run;
		})
		.replace(longNumber, masks.number)
		.split(' ')
		.map((word) => (looksLikeToken(word) ? masks.token : word))
		.join(' ');
}

/**
 * The query as the log stores it: white space collapsed and trimmed, masked, lower-cased and cut
 * to {@link maxQueryLength} characters (never in the middle of a mask).
 */
export function normaliseQuery(raw: string): string {
	const collapsed = raw
		.normalize('NFC')
		.replace(/[\p{Cc}\p{Cf}\s]+/gu, ' ')
		.trim();
	const lower = maskQuery(collapsed).toLowerCase();
	let cut = [...lower].slice(0, maxQueryLength).join('');
	// A mask cut in two would read as a query; drop the broken end instead.
	const open = cut.lastIndexOf('[');
	if (open !== -1 && !cut.includes(']', open) && cut.length < lower.length)
		cut = cut.slice(0, open);
	return cut.trim();
}
