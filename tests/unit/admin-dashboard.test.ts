import { describe, expect, test } from 'vitest';
import { helpfulShares, niceCeil, scaled, visible } from '../../src/lib/admin/chart.ts';
import { buildDashboard, type ArticleInfo } from '../../src/lib/admin/dashboard.ts';
import { formatJson, formatTable } from '../../src/lib/report/format.ts';
import { attentionDefinition } from '../../src/lib/votes/score.ts';
import { summarizeVotes, type VoteRecord } from '../../src/lib/votes/summary.ts';
import en from '../../src/i18n/ui/en.json' with { type: 'json' };
import { votesCsv } from '../../src/lib/admin/votes-csv.ts';
import { weekStart, weeklyTallies } from '../../src/lib/admin/weeks.ts';
import { fixtureNow, formulaComment, insightsVotes } from '../fixtures/insights-votes.ts';

const votes: VoteRecord[] = insightsVotes(fixtureNow).map(({ at, ...v }) => ({
	...v,
	reasons: [...v.reasons],
	updatedAt: at,
}));

const info = (lang: 'nl' | 'en', slug: string, title: string, sections: [string, string][] = []) =>
	({ lang, slug, title, sections: new Map(sections) }) satisfies ArticleInfo;

const articles: ArticleInfo[] = [
	info('nl', 'icloud-mail', 'iCloud (nl)'),
	info('en', 'icloud-mail', 'iCloud (en)', [
		['generate-an-app-specific-password', 'Generate an app-specific password'],
	]),
	info('nl', 'enter-app-password', 'Invullen'),
	info('en', 'enter-app-password', 'Enter'),
	info('nl', 'gmail', 'Gmail'),
	info('en', 'revoke-app-passwords', 'Revoke'),
];

describe('weekStart()', () => {
	test('returns the Monday at midnight UTC for any day of the week', () => {
		expect(weekStart(new Date('2026-11-28T15:00:00Z')).toISOString()).toBe(
			'2026-11-23T00:00:00.000Z',
		);
		expect(weekStart(new Date('2026-11-23T00:00:00Z')).toISOString()).toBe(
			'2026-11-23T00:00:00.000Z',
		);
		expect(weekStart(new Date('2026-11-22T23:59:59Z')).toISOString()).toBe(
			'2026-11-16T00:00:00.000Z',
		);
	});
});

describe('weeklyTallies()', () => {
	test('returns every week of the range, empty ones included', () => {
		const icloudEn = votes.filter((v) => v.article === 'icloud-mail' && v.lang === 'en');
		const weeks = weeklyTallies(icloudEn, new Date('2026-10-12'), fixtureNow);
		expect(weeks.map((w) => [w.week, w.yes, w.no])).toEqual([
			['2026-10-12', 0, 0],
			['2026-10-19', 0, 2],
			['2026-10-26', 0, 1],
			['2026-11-02', 0, 1],
			['2026-11-09', 0, 0],
			['2026-11-16', 2, 0],
			['2026-11-23', 1, 1],
		]);
	});
});

describe('buildDashboard()', () => {
	const dashboard = buildDashboard({ votes, articles, findings: [], lang: 'en', now: fixtureNow });

	test('returns one overview row per article and language, most in need of attention first', () => {
		expect(
			dashboard.rows.map((r) => [r.slug, r.lang, r.title, r.stats.votes, r.stats.attention]),
		).toEqual([
			['icloud-mail', 'en', 'iCloud (en)', 8, expect.closeTo(1.529, 3)],
			['enter-app-password', 'nl', 'Enter', 2, expect.closeTo(0.685, 3)],
			['icloud-mail', 'nl', 'iCloud (en)', 4, expect.closeTo(0.046, 3)],
			['revoke-app-passwords', 'en', 'Revoke', 10, expect.closeTo(0.018, 3)],
		]);
		expect(dashboard.unvoted.map((u) => `${u.lang}/${u.slug}`)).toEqual([
			'en/enter-app-password',
			'nl/gmail',
		]);
		expect(dashboard.total).toEqual({ votes: 24, yes: 15, no: 9 });
	});

	test('returns the same rows and attention scores as the report for the same votes', () => {
		const report = JSON.parse(formatJson(summarizeVotes(votes), { generatedAt: fixtureNow })) as {
			articles: { article: string; lang: string; attention: number }[];
		};
		expect(
			dashboard.rows.map((r) => [r.slug, r.lang, Number(r.stats.attention.toFixed(3))]),
		).toEqual(report.articles.map((a) => [a.article, a.lang, a.attention]));
	});

	test('labels the score as the report does: per article and language, one definition', () => {
		const table = formatTable(summarizeVotes(votes), { generatedAt: fixtureNow });
		expect(attentionDefinition).toContain('per article and language');
		expect(table).toContain(attentionDefinition);
		expect(en['admin.overview.intro']).toContain(attentionDefinition);
		expect(table).toMatch(/ Attention /);
		expect(en['admin.overview.attention']).toBe('Attention');
	});

	test('returns the articles in the order of their first row, unvoted ones last', () => {
		expect(dashboard.articles.map((a) => [a.slug, a.total.votes])).toEqual([
			['icloud-mail', 12],
			['enter-app-password', 2],
			['revoke-app-passwords', 10],
			['gmail', 0],
		]);
	});

	test('returns Dutch and English side by side with titles in the reader language', () => {
		const icloud = dashboard.articles[0]!;
		expect(icloud.title).toBe('iCloud (en)');
		expect(icloud.languages.map((l) => [l.lang, l.stats?.yes, l.stats?.votes])).toEqual([
			['nl', 3, 4],
			['en', 3, 8],
		]);
		const revoke = dashboard.articles.find((a) => a.slug === 'revoke-app-passwords')!;
		expect(revoke.languages[0]).toEqual({ lang: 'nl', title: undefined, stats: undefined });
	});

	test('returns 12 weeks ending with this week by default', () => {
		const weeks = dashboard.articles[0]!.weeks;
		expect(weeks).toHaveLength(12);
		expect(weeks.at(-1)!.week).toBe('2026-11-23');
		expect(weeks.reduce((n, w) => n + w.votes, 0)).toBe(12);
	});

	test('returns the stuck-at sections with their heading, or none when it is gone', () => {
		expect(dashboard.articles[0]!.stuckAt).toEqual([
			{
				lang: 'en',
				id: 'generate-an-app-specific-password',
				heading: 'Generate an app-specific password',
				count: 3,
			},
			{ lang: 'en', id: 'turn-on-two-factor-authentication', heading: undefined, count: 1 },
		]);
	});

	test('returns reasons summed over both languages and revisions per language', () => {
		const icloud = dashboard.articles[0]!;
		expect(icloud.reasons[0]).toEqual({ value: 'step-failed', count: 4 });
		expect(icloud.reasons.find((r) => r.value === 'translation')).toEqual({
			value: 'translation',
			count: 1,
		});
		expect(icloud.revisions.map((r) => [r.lang, r.articleUpdated, r.yes, r.votes])).toEqual([
			['nl', '2026-11-28', 3, 4],
			['en', '2026-11-28', 3, 4],
			['en', '2026-10-01', 0, 4],
		]);
	});

	test('returns each content finding with its article, also for articles without votes', () => {
		const finding = {
			severity: 'error',
			kind: 'broken-anchor',
			lang: 'nl',
			slug: 'gmail',
			file: 'content/articles/nl/gmail.mdx',
			message: 'link ../x/#y: …',
			params: { url: '../x/#y', anchor: 'y' },
		} as const;
		const withFindings = buildDashboard({
			votes,
			articles,
			findings: [finding],
			lang: 'en',
			now: fixtureNow,
		});
		expect(withFindings.articles.find((a) => a.slug === 'gmail')!.findings).toEqual([finding]);
		expect(withFindings.articles.find((a) => a.slug === 'icloud-mail')!.findings).toEqual([]);
	});

	test('returns only the chosen article and a chart from the since week', () => {
		const one = buildDashboard({
			votes,
			articles,
			findings: [],
			lang: 'nl',
			now: fixtureNow,
			article: 'enter-app-password',
			since: new Date('2026-11-01'),
		});
		expect(one.articles.map((a) => a.title)).toEqual(['Invullen']);
		expect(one.articles[0]!.weeks[0]!.week).toBe('2026-10-26');
		expect(one.total.votes).toBe(2);
	});
});

describe('votesCsv()', () => {
	test('returns one row per vote, newest first, with a BOM, titles and defused formulas', () => {
		const csv = votesCsv(votes, articles);
		expect(
			csv.startsWith(
				'\uFEFFdate,article,lang,title,vote,reasons,stuck_at,comment,article_version\r\n',
			),
		).toBe(true);
		const lines = csv.trimEnd().split('\r\n');
		expect(lines).toHaveLength(1 + votes.length);
		expect(lines[1]).toBe(`2026-11-27T12:00:11.000Z,icloud-mail,nl,iCloud (nl),yes,,,,2026-11-28`);
		expect(lines[2]).toBe(
			`2026-11-26T12:00:07.000Z,icloud-mail,en,iCloud (en),no,step-failed,turn-on-two-factor-authentication,"'${formulaComment.replace(/"/g, '""')}",2026-11-28`,
		);
		expect(csv).toContain(',Generate an app-specific password,');
	});
});

describe('niceCeil()', () => {
	test.each([
		[0, 1],
		[1, 1],
		[3, 5],
		[7, 10],
		[12, 20],
		[48, 50],
		[101, 200],
	])('returns a round axis end for %i', (value, expected) => {
		expect(niceCeil(value)).toBe(expected);
	});
});

describe('visible()', () => {
	test('returns at least the minimum for a part above 0, and 0 for none', () => {
		expect(visible(1, 200, 100, 4)).toBe(4);
		expect(visible(50, 200, 100, 4)).toBe(25);
		expect(visible(0, 200, 100, 4)).toBe(0);
	});
});

describe('helpfulShares()', () => {
	test('returns a visible No part for a single No among many Yes votes', () => {
		expect(helpfulShares({ votes: 200, yes: 199, no: 1 })).toEqual({ yes: 96, no: 4 });
	});

	test('returns a visible Yes part for a single Yes among many No votes', () => {
		expect(helpfulShares({ votes: 200, yes: 1, no: 199 })).toEqual({ yes: 4, no: 96 });
	});

	test('returns all No for 0% helpful and nothing without votes', () => {
		expect(helpfulShares({ votes: 4, yes: 0, no: 4 })).toEqual({ yes: 0, no: 100 });
		expect(helpfulShares({ votes: 0, yes: 0, no: 0 })).toEqual({ yes: 0, no: 0 });
	});
});

describe('scaled()', () => {
	test('returns the share of the length, and 0 without a whole', () => {
		expect(scaled(3, 4, 100)).toBe(75);
		expect(scaled(3, 0, 100)).toBe(0);
	});
});
