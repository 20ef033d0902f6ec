import { describe, expect, test } from 'vitest';
import { codeTokens, isCodeToken, rewriteCodes } from '../../src/lib/search/error-codes.ts';

describe('codeTokens()', () => {
	test('returns the full, enhanced and reply code tokens of a printed code', () => {
		expect(codeTokens('534-5.7.9')).toEqual(['hcerrc534x5x7x9q', 'hcerrs5x7x9q', 'hcerrb534q']);
		expect(codeTokens('535 5.7.139')).toEqual([
			'hcerrc535x5x7x139q',
			'hcerrs5x7x139q',
			'hcerrb535q',
		]);
	});

	test('returns the tokens of a code printed without its reply code or without a status', () => {
		expect(codeTokens('5.7.8')).toEqual(['hcerrs5x7x8q']);
		expect(codeTokens('535')).toEqual(['hcerrb535q']);
	});

	test('returns nothing for a text without a code', () => {
		expect(codeTokens('[AUTHENTICATIONFAILED]')).toEqual([]);
		expect(codeTokens('')).toEqual([]);
	});
});

describe('rewriteCodes()', () => {
	const full = 'hcerrc535x5x7x8q';
	test.each(['535 5.7.8', '535-5.7.8', '535  5.7.8', ' 535 - 5.7.8 '])(
		'returns the same token for %j, then less specific ones',
		(query) => {
			const forms = rewriteCodes(query).map((q) => q.trim());
			expect(forms).toEqual([full, 'hcerrs5x7x8q', 'hcerrb535q']);
		},
	);

	test('returns the enhanced token for a code printed without the reply code', () => {
		expect(rewriteCodes('gmail 5.7.8 fout')[0]).toContain('hcerrs5x7x8q');
		expect(rewriteCodes('gmail 5.7.8 fout')[0]).toMatch(/^gmail .* fout$/);
	});

	test('returns a lone failure reply code as its token, never a port or a year', () => {
		expect(rewriteCodes('error 535')).toEqual(['error  hcerrb535q ']);
		expect(rewriteCodes('poort 587')).toEqual(['poort 587']);
		expect(rewriteCodes('port 465')).toEqual(['port 465']);
		expect(rewriteCodes('2026')).toEqual(['2026']);
	});

	test('returns tokens that never start one another, so 5.7.1 does not find 5.7.139', () => {
		const short = rewriteCodes('535 5.7.1')[0]!.trim();
		expect(codeTokens('535 5.7.139').some((t) => t.startsWith(short))).toBe(false);
	});
});

describe('isCodeToken()', () => {
	test('returns true for tokens only', () => {
		expect(isCodeToken('hcerrb535q')).toBe(true);
		expect(isCodeToken('535')).toBe(false);
	});
});
