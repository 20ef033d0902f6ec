import { describe, expect, test } from 'vitest';
import { parseFeedback } from '../../src/lib/feedback/schema.ts';
import { articles } from '../fixtures/feedback.ts';

const id = '0b9e7a8e-4d8c-4d0a-9a65-2f1f0d5e2c11';
const vote = { article: 'icloud-mail', lang: 'en', vote: 'yes' };
const details = {
	...vote,
	vote: 'no',
	reasons: ['inaccurate'],
	captcha: 'payload',
	visitor: id,
};

/** The fields a post is rejected for (empty when accepted). */
function rejected(input: unknown): string[] {
	const result = parseFeedback(input, articles);
	return result.ok ? [] : result.errors.map((e) => e.field);
}

describe('parseFeedback()', () => {
	test('accepts a vote-only post and fills in the article date', () => {
		const result = parseFeedback(vote, articles);
		expect(result).toEqual({
			ok: true,
			feedback: {
				article: 'icloud-mail',
				lang: 'en',
				vote: 'yes',
				reasons: [],
				comment: null,
				section: null,
				captcha: null,
				visitor: null,
				articleUpdated: '2026-11-28',
				detailed: false,
				honeypot: false,
			},
		});
	});

	test('accepts a detailed "no" and marks it detailed', () => {
		const result = parseFeedback(
			{ ...details, comment: ' Te kort ', section: 'generate-an-app-specific-password' },
			articles,
		);
		expect(result.ok && result.feedback).toMatchObject({
			detailed: true,
			comment: 'Te kort',
			section: 'generate-an-app-specific-password',
		});
	});

	test('treats the blank fields of a plain form as absent', () => {
		const form = { ...vote, comment: '', section: '', captcha: '', visitor: '', website: '' };
		expect(parseFeedback(form, articles)).toMatchObject({
			ok: true,
			feedback: { detailed: false },
		});
	});

	test('drops repeated reasons and lower-cases the visitor id', () => {
		const result = parseFeedback(
			{ ...details, reasons: ['inaccurate', 'inaccurate'], visitor: id.toUpperCase() },
			articles,
		);
		expect(result.ok && result.feedback).toMatchObject({ reasons: ['inaccurate'], visitor: id });
	});

	test('counts a CRLF line break as one character, like the textarea maxlength', () => {
		const comment = `${'a'.repeat(499)}\r\n${'b'.repeat(500)}`;
		expect(rejected({ ...details, comment })).toEqual([]);
	});

	test.each([
		['a filled website field', { website: 'http://spam' }, true],
		['a non-string website field', { website: 1 }, true],
		['a blank website field', { website: '  ' }, false],
	])('flags the honeypot for %s', (_, extra, honeypot) => {
		const result = parseFeedback({ ...vote, ...extra }, articles);
		expect(result.ok && result.feedback.honeypot).toBe(honeypot);
	});

	test.each([
		['a missing article', { ...vote, article: undefined }, ['article']],
		['an article that is not a string', { ...vote, article: 7 }, ['article']],
		['an article that is not a slug', { ...vote, article: '../admin' }, ['article']],
		['an article slug of 201 characters', { ...vote, article: 'a'.repeat(201) }, ['article']],
		['an unpublished article', { ...vote, article: 'lycos-mail' }, ['article']],
		['an article not in that language', { ...vote, article: 'gmail', lang: 'nl' }, ['article']],
		['a missing language', { ...vote, lang: undefined }, ['lang']],
		['an unknown language', { ...vote, lang: 'de' }, ['lang']],
		['a language in capitals', { ...vote, lang: 'EN' }, ['lang']],
		['a missing vote', { ...vote, vote: undefined }, ['vote']],
		['a vote that is not yes or no', { ...vote, vote: 'meh' }, ['vote']],
		['a vote that is a boolean', { ...vote, vote: true }, ['vote']],
		['reasons that are not a list', { ...details, reasons: 'inaccurate' }, ['reasons']],
		['an unknown reason', { ...details, reasons: ['boring'] }, ['reasons']],
		['eight reasons', { ...details, reasons: Array(8).fill('inaccurate') }, ['reasons']],
		['no reason with a comment', { ...details, reasons: [], comment: 'x' }, ['reasons']],
		['a comment that is not a string', { ...details, comment: ['x'] }, ['comment']],
		['a comment of 1,001 characters', { ...details, comment: 'x'.repeat(1001) }, ['comment']],
		[
			'a comment of 501 emoji (1,002 UTF-16 units)',
			{ ...details, comment: '😀'.repeat(501) },
			['comment'],
		],
		['a comment with a NUL character', { ...details, comment: 'a\u0000b' }, ['comment']],
		['a comment with a lone surrogate', { ...details, comment: 'a\ud800b' }, ['comment']],
		['a section that is not a string', { ...details, section: 2 }, ['section']],
		[
			'a section of another article',
			{ ...details, section: 'create-an-app-password' },
			['section'],
		],
		['a section that is an h3', { ...details, section: 'a-sub-heading' }, ['section']],
		['details with a "yes"', { ...details, vote: 'yes' }, ['vote']],
		['details without a captcha', { ...details, captcha: undefined }, ['captcha']],
		['a captcha that is not a string', { ...details, captcha: {} }, ['captcha']],
		['details without a visitor id', { ...details, visitor: undefined }, ['visitor']],
		['a visitor id that is not a UUID', { ...vote, visitor: 'me' }, ['visitor']],
	])('rejects %s, naming the field', (_, input, fields) => {
		expect(rejected(input)).toEqual(fields);
	});

	test('accepts a comment of exactly 1,000 characters after trimming', () => {
		expect(rejected({ ...details, comment: ` ${'x'.repeat(1000)} ` })).toEqual([]);
	});

	test('accepts 500 emoji: 1,000 UTF-16 units, what the textarea maxlength allows', () => {
		expect(rejected({ ...details, comment: '😀'.repeat(500) })).toEqual([]);
	});

	test('names every bad field at once', () => {
		expect(rejected({ article: 1, lang: 2, vote: 3, reasons: 4, visitor: 5 })).toEqual([
			'article',
			'lang',
			'vote',
			'reasons',
			'visitor',
		]);
	});

	test('reports a huge reasons list once, not once per item', () => {
		const result = parseFeedback({ ...details, reasons: Array(5000).fill('x') }, articles);
		expect(result.ok ? [] : result.errors).toHaveLength(1);
	});

	test.each([null, 'text', 42, [vote]])('rejects %j as a whole, without throwing', (input) => {
		expect(rejected(input).length).toBeGreaterThan(0);
	});
});
