import { describe, expect, test } from 'vitest';
import {
	boostByTitle,
	coversQuery,
	mergeResults,
	resembles,
	titleMatch,
	type PageTitles,
} from '../../src/components/search/ranking.ts';

describe('resembles()', () => {
	test('returns true for forms of the term and for a long word that starts the term', () => {
		expect(resembles('app-wachtwoorden,', 'wachtwoord')).toBe(true);
		expect(resembles('intrekt', 'intrekken')).toBe(true);
		expect(resembles('wachtwoord', 'wachtwoordt')).toBe(true);
	});

	test('returns false for a short word that merely starts the term', () => {
		expect(resembles('I', 'iclould')).toBe(false);
		expect(resembles('app', 'appxyz')).toBe(false);
	});
});

describe('titleMatch()', () => {
	test('returns 1 when the query is the title', () => {
		expect(
			titleMatch('Wat is een app-wachtwoord?', ['wat', 'is', 'een', 'app', 'wachtwoord']),
		).toBe(1);
	});

	test('returns more for a short title about the query than for a long one mentioning it', () => {
		const query = ['appwachtwoord'];
		expect(titleMatch('Wat is een app-wachtwoord?', query)).toBeGreaterThan(
			titleMatch('Gmail: een app-wachtwoord voor SpinOffice CRM', query),
		);
	});

	test('returns 0 when no query word is in the title', () => {
		expect(titleMatch('Problemen oplossen', ['icloud'])).toBe(0);
		expect(titleMatch('', ['icloud'])).toBe(0);
	});
});

describe('boostByTitle()', () => {
	const page = (title: string, providers: string[] = [], headings: string[] = []) => ({
		title,
		providers,
		headings,
	});

	test('returns the page whose title is the query first among close scores', () => {
		const ranked = boostByTitle(
			[
				{ item: page('Gmail: een app-wachtwoord voor SpinOffice CRM'), score: 1.1 },
				{ item: page('Wat is een app-wachtwoord?'), score: 1 },
			],
			(p) => p,
			['wat', 'is', 'een', 'app', 'wachtwoord'],
		);
		expect(ranked[0]!.title).toBe('Wat is een app-wachtwoord?');
	});

	test('returns the guide of the one provider the query names first', () => {
		const ranked = boostByTitle(
			[
				{ item: page('Een app-wachtwoord intrekken', ['iCloud Mail', 'Gmail']), score: 5 },
				{ item: page('iCloud Mail: een app-specifiek wachtwoord', ['iCloud Mail']), score: 4 },
			],
			(p) => p,
			['icloud', 'intrekken'],
		);
		expect(ranked[0]!.title).toMatch(/^iCloud/);
	});

	test('returns the original order when nothing matches a title', () => {
		const ranked = boostByTitle(
			[
				{ item: page('A'), score: 2 },
				{ item: page('B'), score: 2 },
			],
			(p) => p,
			['x'],
		);
		expect(ranked.map((p) => p.title)).toEqual(['A', 'B']);
	});
});

describe('mergeResults()', () => {
	test('returns pages found by more searches first, then by score', () => {
		const merged = mergeResults([
			[
				{ id: 'a', score: 1 },
				{ id: 'b', score: 5 },
			],
			[
				{ id: 'a', score: 1 },
				{ id: 'c', score: 9 },
			],
		]);
		expect(merged.map((m) => m.item.id)).toEqual(['a', 'c', 'b']);
		expect(merged[0]!.score).toBe(1);
	});

	test('returns nothing for no searches', () => {
		expect(mergeResults([])).toEqual([]);
	});
});

describe('boostByTitle() with a RankQuery', () => {
	const page = (title: string, extra: Partial<PageTitles> = {}): PageTitles => ({
		title,
		providers: [],
		headings: [],
		...extra,
	});

	test('returns the overview of a one-topic query first, whatever the scores', () => {
		const ranked = boostByTitle(
			[
				{ item: page('Een app-wachtwoord intrekken', { article: 'revoke' }), score: 5 },
				{ item: page('Gmail: een app-wachtwoord', { article: 'gmail' }), score: 4 },
				{ item: page('Wat is een app-wachtwoord?', { article: 'what-is' }), score: 0.5 },
			],
			(p) => p,
			{ variants: [['wachtwoorden']], exact: [['wachtwoorden']], overview: 'what-is' },
		);
		expect(ranked.map((p) => p.article)).toEqual(['what-is', 'revoke', 'gmail']);
	});

	test('returns a page whose keyword is the query before one that only mentions it', () => {
		const ranked = boostByTitle(
			[
				{ item: page('Microsoft 365', { article: 'm365' }), score: 2 },
				{
					item: page('Outlook.com', { article: 'outlook', keywords: ['sign microsoft'] }),
					score: 1,
				},
			],
			(p) => p,
			{ variants: [['sign', 'microsoft']], exact: [['sign', 'microsoft']] },
		);
		expect(ranked[0]!.article).toBe('outlook');
	});

	test('returns a page with a heading holding every typed word before keyword-only pages', () => {
		const ranked = boostByTitle(
			[
				{ item: page('GMX', { keywords: ['two factor authentication'] }), score: 1.2 },
				{ item: page('Gmail', { headings: ['Turn on 2-Step Verification'] }), score: 1 },
			],
			(p) => p,
			{
				variants: [['2', 'step', 'verification']],
				exact: [['2', 'step', 'verification']],
				synonyms: [['two', 'factor', 'authentication']],
			},
		);
		expect(ranked[0]!.title).toBe('Gmail');
	});
});

describe('coversQuery()', () => {
	test('returns true when every query word is in the heading, in any form', () => {
		expect(
			coversQuery('Ik heb mijn wachtwoord gewijzigd en nu werkt mail niet meer', [
				'wachtwoord',
				'gewijzigd',
				'werkt',
			]),
		).toBe(true);
		expect(coversQuery('Turn on 2-Step Verification', ['2', 'step', 'verification'])).toBe(true);
	});

	test('returns false when a word is missing', () => {
		expect(coversQuery('Een app-wachtwoord maken', ['wachtwoord', 'intrekken'])).toBe(false);
	});
});
