import { describe, expect, test } from 'vitest';
import { attentionScore, wilsonLowerBound } from '../../src/lib/votes/score.ts';
import {
	formatCsv,
	formatJson,
	formatTable,
	helpfulLabel,
	terminalSafe,
} from '../../src/lib/report/format.ts';
import { helpfulPercent, summarizeVotes, type VoteRecord } from '../../src/lib/votes/summary.ts';
import {
	fixtureNow,
	formulaComment,
	insightsVotes,
	scriptComment,
} from '../fixtures/insights-votes.ts';

const records: VoteRecord[] = insightsVotes(fixtureNow).map(({ at, ...vote }) => ({
	...vote,
	reasons: [...vote.reasons],
	updatedAt: at,
}));
const stats = summarizeVotes(records);
const find = (article: string, lang: string) =>
	stats.find((s) => s.article === article && s.lang === lang)!;

describe('wilsonLowerBound()', () => {
	test('returns 0 when there are no votes', () => {
		expect(wilsonLowerBound(0, 0)).toBe(0);
	});

	test('returns the known 95% lower bound for 1 of 1 and 10 of 20', () => {
		expect(wilsonLowerBound(1, 1)).toBeCloseTo(0.2065, 4);
		expect(wilsonLowerBound(10, 20)).toBeCloseTo(0.2993, 4);
	});
});

describe('attentionScore()', () => {
	test('returns more for many No votes with a high share than for a lone No', () => {
		expect(attentionScore(1, 1)).toBeCloseTo(0.207, 3);
		expect(attentionScore(10, 20)).toBeCloseTo(2.993, 3);
		expect(attentionScore(10, 100)).toBeCloseTo(0.552, 3);
		expect(attentionScore(0, 50)).toBe(0);
	});
});

describe('summarizeVotes()', () => {
	test('returns one row per article and language, sorted by attention', () => {
		expect(stats.map((s) => `${s.lang}/${s.article}`)).toEqual([
			'en/icloud-mail',
			'nl/enter-app-password',
			'nl/icloud-mail',
			'en/revoke-app-passwords',
		]);
	});

	test('returns the exact counts, share and score for the fixture', () => {
		const icloud = find('icloud-mail', 'en');
		expect({ votes: icloud.votes, yes: icloud.yes, no: icloud.no }).toEqual({
			votes: 8,
			yes: 3,
			no: 5,
		});
		expect(helpfulPercent(icloud)).toBe(38);
		expect(icloud.attention).toBeCloseTo(5 * wilsonLowerBound(5, 8), 10);
		expect(icloud.attention).toBeCloseTo(1.529, 3);
		expect(helpfulPercent(find('revoke-app-passwords', 'en'))).toBe(90);
		expect(helpfulPercent(find('enter-app-password', 'nl'))).toBe(0);
	});

	test('returns reasons and stuck-at sections most chosen first', () => {
		const icloud = find('icloud-mail', 'en');
		expect(icloud.reasons).toEqual([
			{ value: 'step-failed', count: 4 },
			{ value: 'screen-differs', count: 2 },
			{ value: 'inaccurate', count: 1 },
		]);
		expect(icloud.sections).toEqual([
			{ value: 'generate-an-app-specific-password', count: 3 },
			{ value: 'turn-on-two-factor-authentication', count: 1 },
		]);
	});

	test('returns the three newest comments, newest first', () => {
		const comments = find('icloud-mail', 'en').comments;
		expect(comments.map((c) => c.text)).toEqual([
			formulaComment,
			scriptComment,
			'The button is called Generate now.',
		]);
		expect(comments[0]!.at.toISOString()).toBe('2026-11-26T12:00:07.000Z');
	});

	test('returns helpfulness per article revision, newest revision first', () => {
		expect(find('icloud-mail', 'en').revisions).toEqual([
			{ articleUpdated: '2026-11-28', votes: 4, yes: 3, no: 1 },
			{ articleUpdated: '2026-10-01', votes: 4, yes: 0, no: 4 },
		]);
	});

	test('returns an empty list when there are no votes', () => {
		expect(summarizeVotes([])).toEqual([]);
	});

	test('keeps only `commentLimit` comments', () => {
		expect(summarizeVotes(records, { commentLimit: 1 })[0]!.comments).toHaveLength(1);
	});
});

describe('helpfulLabel()', () => {
	test('returns the percentage with the count behind it', () => {
		expect(helpfulLabel({ votes: 13, yes: 8, no: 5 })).toBe('62% (8 of 13)');
	});

	test('returns a dash when there are no votes', () => {
		expect(helpfulLabel({ votes: 0, yes: 0, no: 0 })).toBe('–');
	});
});

describe('terminalSafe()', () => {
	test('returns control characters replaced and line breaks shown as ⏎', () => {
		expect(terminalSafe('a\u001b[2Jb\nc')).toBe('a\uFFFD[2Jb ⏎ c');
	});
});

describe('formatTable()', () => {
	const meta = { generatedAt: fixtureNow, since: new Date('2026-01-01') };
	const text = formatTable(stats, meta);

	test('returns a ranked table with the percentage and its count', () => {
		const lines = text.split('\n');
		expect(lines[0]).toBe(
			'Feedback report, 2026-11-28: 24 votes · since 2026-01-01 · all languages',
		);
		expect(lines[3]).toMatch(
			/^#\s+Article\s+Lang\s+Votes\s+No\s+Helpful\s+Attention\s+Top reasons$/,
		);
		expect(lines[4]).toMatch(
			/^1\s+icloud-mail\s+en\s+8\s+5\s+38% \(3 of 8\)\s+1\.53\s+step-failed 4, screen-differs 2, inaccurate 1$/,
		);
		expect(lines[7]).toMatch(/^4\s+revoke-app-passwords\s+en\s+10\s+1\s+90% \(9 of 10\)\s+0\.02/);
	});

	test('returns the newest comments under the article', () => {
		expect(text).toContain('   2026-10-21  “<script>window.__insightsPwned = true</script>');
	});

	test('says so when no votes match', () => {
		expect(formatTable([], meta)).toContain('No votes match.');
	});
});

describe('formatCsv()', () => {
	test('returns one row per article with the figures', () => {
		const lines = formatCsv(stats).split('\r\n');
		expect(lines[0]).toBe(
			'rank,article,lang,votes,yes,no,helpful_percent,attention,reasons,stuck_at,newest_comments',
		);
		expect(lines[2]).toBe(
			'2,enter-app-password,nl,2,0,2,0,0.685,"more-information 2, hard-to-understand 1",,',
		);
	});
});

describe('formatJson()', () => {
	test('returns the figures, the filters and the scoring rule', () => {
		const json = JSON.parse(formatJson(stats, { generatedAt: fixtureNow, lang: 'en' })) as {
			filters: unknown;
			order: string;
			articles: { article: string; helpfulPercent: number; attention: number }[];
		};
		expect(json.filters).toEqual({ since: null, lang: 'en', article: null });
		expect(json.order).toMatch(/Wilson/);
		expect(json.articles[0]).toMatchObject({
			article: 'icloud-mail',
			helpfulPercent: 38,
			attention: 1.529,
		});
	});
});
