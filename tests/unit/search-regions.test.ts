import { describe, expect, test } from 'vitest';
import {
	highlightWords,
	keywordsId,
	matchPage,
	wordMatchesTerm,
} from '../../src/components/search/regions.ts';
import type { PagefindFragment } from '../../src/components/search/types.ts';

/**
 * A page as Pagefind returns it: title (0–2), keywords (3–5), intro (6–9), two sections.
 * Matched words are listed by position with Pagefind's score.
 */
function fragment(matches: [location: number, score: number][]): PagefindFragment {
	const content = [
		'iCloud Mail: wachtwoord.',
		'2FA, intrekken, revoke.',
		'Wil je iCloud gebruiken?',
		'Wachtwoord aanmaken',
		'Maak een nieuw wachtwoord aan.',
		'Wachtwoord intrekken',
		'Trek het wachtwoord weer in: intrekken gaat snel.',
	].join(' ');
	return {
		url: '/nl/icloud-mail/',
		content,
		excerpt: '',
		meta: { title: 'iCloud Mail: wachtwoord' },
		filters: {},
		locations: matches.map(([l]) => l),
		weighted_locations: matches.map(([location, balanced_score]) => ({
			location,
			balanced_score,
			weight: 1,
		})),
		anchors: [
			{ element: 'h1', id: 'article-title', text: 'iCloud Mail: wachtwoord.', location: 0 },
			{ element: 'p', id: keywordsId, text: '2FA, intrekken, revoke.', location: 3 },
			{ element: 'h2', id: 'aanmaken', text: 'Wachtwoord aanmaken', location: 10 },
			{ element: 'h2', id: 'intrekken', text: 'Wachtwoord intrekken', location: 17 },
		],
	};
}

describe('wordMatchesTerm()', () => {
	test('returns true for a word containing the term or sharing a long start', () => {
		expect(wordMatchesTerm('app-wachtwoorden', 'wachtwoord')).toBe(true);
		expect(wordMatchesTerm('Intrekt.', 'intrekken')).toBe(true);
	});

	test('returns false for unrelated words and empty input', () => {
		expect(wordMatchesTerm('wachten', 'wachtwoord')).toBe(false);
		expect(wordMatchesTerm('...', 'x')).toBe(false);
	});
});

describe('matchPage()', () => {
	test('returns the section holding the words the title lacks as the destination', () => {
		// "intrekken" in the keywords (4), the intro has "iCloud" (8), the second section both
		// its heading (18) and body (24).
		const match = matchPage(
			fragment([
				[0, 100],
				[4, 50],
				[8, 5],
				[18, 60],
				[24, 5],
			]),
			['icloud', 'intrekken'],
			{ sections: 2 },
		);
		expect(match.destination?.id).toBe('intrekken');
		expect(match.excerpt.some((p) => p.mark && p.text === 'intrekken')).toBe(true);
	});

	test('returns the top of the article when the title holds every word', () => {
		const match = matchPage(
			fragment([
				[0, 100],
				[8, 5],
				[13, 5],
			]),
			['icloud'],
			{ sections: 2 },
		);
		expect(match.destination).toBeUndefined();
		expect(match.others.map((o) => o.region.id)).toEqual(['aanmaken']);
	});

	test('returns no keyword in excerpts and no keyword match as a section', () => {
		const match = matchPage(fragment([[4, 50]]), ['intrekken'], { sections: 2 });
		expect(match.destination).toBeUndefined();
		expect(match.others).toEqual([]);
		expect(match.excerpt.map((p) => p.text).join('')).not.toContain('2FA');
	});

	test('returns the matched words to highlight on arrival', () => {
		const match = matchPage(
			fragment([
				[2, 10],
				[21, 5],
			]),
			['wachtwoord'],
			{ sections: 2 },
		);
		expect(match.matchedWords).toEqual(['wachtwoord']);
	});
});

describe('highlightWords()', () => {
	test('returns distinct lower-case words without forms containing a shorter one', () => {
		expect(highlightWords(['App-wachtwoord,', 'wachtwoord', 'Wachtwoord.', 'iCloud', 'x'])).toEqual(
			['icloud', 'wachtwoord'],
		);
	});

	test('returns at most the limit', () => {
		expect(highlightWords(['aa', 'bb', 'cc'], 2)).toHaveLength(2);
	});
});

describe('matchPage() on the error reference', () => {
	/** Two entries, as indexed: each heading carries its anchor, code tokens follow it. */
	const entries: PagefindFragment = {
		url: '/en/error-messages/',
		content: [
			'Error messages.',
			'NO AUTHENTICATE failed.',
			'hcerrb535q Seen at: iCloud.',
			'NO [AUTHENTICATIONFAILED] Authentication failed.',
			'Seen at: Yahoo. Authentication failed again.',
		].join(' '),
		excerpt: '',
		meta: { title: 'Error messages' },
		filters: {},
		locations: [],
		weighted_locations: [
			[4, 1],
			[6, 1],
			[12, 1],
			[14, 1],
			[15, 1],
		].map(([location, balanced_score]) => ({
			location: location!,
			balanced_score: balanced_score!,
			weight: 1,
		})),
		anchors: [
			{ element: 'h1', id: 'article-title', text: 'Error messages.', location: 0 },
			{ element: 'h3', id: 'no-authenticate-failed', text: 'NO AUTHENTICATE failed.', location: 2 },
			{
				element: 'h3',
				id: 'authenticationfailed',
				text: 'NO [AUTHENTICATIONFAILED] Authentication failed.',
				location: 9,
			},
		],
	};

	test('returns the entry whose heading holds the query word for word', () => {
		const match = matchPage(entries, ['no', 'authenticate', 'failed'], { sections: 2 });
		expect(match.destination?.id).toBe('no-authenticate-failed');
	});

	test('returns excerpts without the status code tokens', () => {
		const token: PagefindFragment = {
			...entries,
			weighted_locations: [{ location: 5, balanced_score: 1, weight: 1 }],
		};
		const match = matchPage(token, ['hcerrb535q'], { sections: 2 });
		expect(match.destination?.id).toBe('no-authenticate-failed');
		const text = match.excerpt.map((p) => p.text).join('');
		expect(text).not.toContain('hcerr');
		expect(text).toContain('Seen at: iCloud.');
	});
});
