import { describe, expect, test } from 'vitest';
import { looksLikeToken, maxQueryLength, normaliseQuery } from '../../src/lib/search-log/mask.ts';

describe('normaliseQuery: what the search log keeps of a query', () => {
	test.each([
		['  Gmail   App-Wachtwoord ', 'gmail app-wachtwoord'],
		['ICLOUD\tMAIL\n', 'icloud mail'],
		['wachtwoord\u200b intrekken', 'wachtwoord intrekken'],
	])('trims, collapses white space and lower-cases: %j', (raw, kept) => {
		expect(normaliseQuery(raw)).toBe(kept);
	});

	test.each([
		['jan@bedrijf.nl werkt niet', '[e-mail] werkt niet'],
		['Jan.Jansen+crm@Example.COM', '[e-mail]'],
		['mail van piet@', 'mail van [e-mail]'],
		['wachtwoord voor j.de.vries@kpnmail.nl en outlook', 'wachtwoord voor [e-mail] en outlook'],
		['"jan@x.nl"', '[e-mail]'],
	])('masks e-mail addresses: %j', (raw, kept) => {
		expect(normaliseQuery(raw)).toBe(kept);
	});

	test('keeps a bare domain with @ (it names no one)', () => {
		expect(normaliseQuery('@kpnmail.nl instellen')).toBe('@kpnmail.nl instellen');
	});

	test.each([
		['bel 06-12345678', 'bel [nummer]'],
		['06 12 34 56 78 terugbellen', '[nummer] terugbellen'],
		['+31 (0)20 123 4567', '[nummer]'],
		['+31612345678', '[nummer]'],
		['klantnummer 4711081', 'klantnummer [nummer]'],
		['verificatiecode 123456', 'verificatiecode [nummer]'],
		['0201234567', '[nummer]'],
	])('masks phone numbers and long digit runs: %j', (raw, kept) => {
		expect(normaliseQuery(raw)).toBe(kept);
	});

	test.each([
		['abcd efgh ijkl mnop', '[token]'],
		['ABCD-EFGH-IJKL-MNOP gmail', '[token] gmail'],
		['wachtwoord qwer tyui opas dfgh werkt niet', 'wachtwoord [token] werkt niet'],
		['Welkom123!', '[token]'],
		['P@ssw0rd', '[e-mail]'],
		['mijn wachtwoord is Zomer#2026', 'mijn wachtwoord is [token]'],
		['ab12cd34ef', '[token]'],
		['x7k9p2m4', '[token]'],
		['sk_live_abcdef1234567890', '[token]'],
		['NL91ABNA0417164300', '[token]'],
	])('masks app passwords and password-like tokens: %j', (raw, kept) => {
		expect(normaliseQuery(raw)).toBe(kept);
	});

	test.each([
		['535 5.7.8', '535 5.7.8'],
		[
			'535-5.7.8 Username and Password not accepted',
			'535-5.7.8 username and password not accepted',
		],
		[
			'534-5.7.9 Application-specific password required',
			'534-5.7.9 application-specific password required',
		],
		['550 5.7.1', '550 5.7.1'],
		['AADSTS50076', 'aadsts50076'],
		['0x800CCC0E outlook', '0x800ccc0e outlook'],
		['smtp.office365.com poort 587', 'smtp.office365.com poort 587'],
		['imap.kpnmail.nl', 'imap.kpnmail.nl'],
		['iPhone15 mail', 'iphone15 mail'],
		['ios 17.2', 'ios 17.2'],
		['2026', '2026'],
		['postcode 1234 AB', 'postcode 1234 ab'],
		['app-specifieke wachtwoorden', 'app-specifieke wachtwoorden'],
		['tweestapsverificatie', 'tweestapsverificatie'],
		['datum 07-12-2026', 'datum 07-12-2026'],
	])('keeps what readers search for: %j', (raw, kept) => {
		expect(normaliseQuery(raw)).toBe(kept);
	});

	test('cuts to 100 characters, after masking', () => {
		expect([...normaliseQuery('x'.repeat(150))]).toHaveLength(maxQueryLength);
		// The address starts before the cut and ends after it: still masked, not half kept.
		const query = `${'a '.repeat(48)}jan.jansen@example.com`;
		expect(normaliseQuery(query)).not.toContain('jan');
	});

	test('never leaves half a mask at the end', () => {
		const query = `${'a '.repeat(49)}jan@x.nl`;
		const kept = normaliseQuery(query);
		expect(kept).not.toMatch(/\[[^\]]*$/);
		expect(kept.length).toBeLessThanOrEqual(maxQueryLength);
	});

	test('counts characters, not UTF-16 units', () => {
		expect([...normaliseQuery('é'.repeat(120))]).toHaveLength(maxQueryLength);
		expect(normaliseQuery('😀'.repeat(120))).toBe('😀'.repeat(100));
	});

	test('white space alone is nothing', () => {
		expect(normaliseQuery(' \t\n ')).toBe('');
	});
});

describe('looksLikeToken', () => {
	test.each(['Zomer#2026', 'ab12cd34', 'a1b2c3d4e5', 'QmFzZTY0ZW5jb2RlZDEyMzQ1Ng'])(
		'%s is a token',
		(word) => expect(looksLikeToken(word)).toBe(true),
	);
	test.each([
		'gmail',
		'wachtwoorden',
		'AADSTS50076',
		'0x80042109',
		'office365',
		'smtp.office365.com',
		'[nummer]',
	])('%s is not', (word) => expect(looksLikeToken(word)).toBe(false));
});
