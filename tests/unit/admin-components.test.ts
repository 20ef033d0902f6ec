import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, test } from 'vitest';
import CommentList from '../../src/components/admin/CommentList.astro';
import HealthList from '../../src/components/admin/HealthList.astro';
import HelpfulBar from '../../src/components/admin/HelpfulBar.astro';
import { useTranslations } from '../../src/i18n/translations.ts';
import type { Finding } from '../../src/lib/content-health/check.ts';
import { scriptComment } from '../fixtures/insights-votes.ts';

const container = await AstroContainer.create();
const locals = (lang: 'nl' | 'en') => ({ lang, t: useTranslations(lang) });
/** The text a reader sees: tags dropped (the dev build adds source attributes to them). */
const text = (html: string) => html.replace(/<[^>]+>/g, '');

describe('HealthList', () => {
	const findings: Finding[] = [
		{
			severity: 'error',
			kind: 'stale-translation',
			lang: 'nl',
			slug: 'gmail',
			file: 'content/articles/nl/gmail.mdx',
			message: '…',
			params: { other: 'en', days: 120, updated: '2026-05-01', otherUpdated: '2026-08-29' },
		},
		{
			severity: 'warning',
			kind: 'outdated',
			lang: 'en',
			slug: 'gmail',
			file: 'content/articles/en/gmail.mdx',
			message: '…',
			params: { months: 12, updated: '2025-10-01' },
		},
		{
			severity: 'error',
			kind: 'broken-anchor',
			lang: 'en',
			slug: 'yahoo-mail',
			file: 'content/articles/en/yahoo-mail.mdx',
			line: 42,
			message: '…',
			params: { url: '#nowhere' },
		},
	];

	test('renders each finding in the reader language with its severity in words', async () => {
		const html = await container.renderToString(HealthList, {
			props: { findings },
			locals: locals('nl'),
		});
		expect(text(html)).toContain(
			'Fout: Laatst gewijzigd op 1 mei 2026, 120 dagen vóór de vertaling (English, 29 augustus 2026). content/articles/nl/gmail.mdx',
		);
		expect(text(html)).toContain(
			'Waarschuwing: Al 12 maanden niet bijgewerkt (laatst op 1 oktober 2025).',
		);
	});

	test('names the line of a finding that has one, so the author can go straight to it', async () => {
		const html = await container.renderToString(HealthList, {
			props: { findings },
			locals: locals('en'),
		});
		expect(text(html)).toContain('content/articles/en/yahoo-mail.mdx:42');
		expect(text(html)).not.toContain('content/articles/nl/gmail.mdx:');
	});

	test('renders a reassuring line when there is nothing to report', async () => {
		const html = await container.renderToString(HealthList, {
			props: { findings: [] },
			locals: locals('en'),
		});
		expect(html).toContain('No problems found.');
	});
});

describe('CommentList', () => {
	test('renders markup in a comment as text, never as elements', async () => {
		const html = await container.renderToString(CommentList, {
			props: {
				comments: [
					{
						text: scriptComment,
						at: new Date('2026-11-20'),
						reasons: ['step-failed'],
						section: null,
						lang: 'en',
					},
				],
			},
			locals: locals('en'),
		});
		expect(html).not.toContain('<script>window');
		expect(html).not.toContain('<b>not bold');
		expect(html).toContain(
			'&lt;script&gt;window.__insightsPwned = true&lt;/script&gt;&lt;b&gt;not bold&lt;/b&gt;',
		);
		expect(html).toContain('English · 20 November 2026 · A step didn&#39;t work');
	});
});

describe('HelpfulBar', () => {
	test('renders the share and the count in text beside the bar', async () => {
		const html = await container.renderToString(HelpfulBar, {
			props: { tally: { votes: 8, yes: 3, no: 5 } },
			locals: locals('en'),
		});
		expect(html).toContain('38% helpful (3 of 8)');
		expect(html).toMatch(/<rect class="hc-chart-yes"[^>]* width="37.5%"/);
		expect(html).toMatch(/<rect class="hc-chart-no"[^>]* x="37.5%"[^>]* width="62.5%"/);
	});

	test('renders a single No vote as a filled part of at least 4%', async () => {
		const html = await container.renderToString(HelpfulBar, {
			props: { tally: { votes: 200, yes: 199, no: 1 } },
			locals: locals('en'),
		});
		expect(html).toMatch(/<rect class="hc-chart-no"[^>]* width="4%"/);
		expect(html).toContain('100% helpful (199 of 200)');
	});

	test('renders 0% as a full No bar with a zero mark and the "0%" label', async () => {
		const html = await container.renderToString(HelpfulBar, {
			props: { tally: { votes: 4, yes: 0, no: 4 } },
			locals: locals('en'),
		});
		expect(html).not.toContain('hc-chart-yes');
		expect(html).toMatch(/<rect class="hc-chart-no"[^>]* width="100%"/);
		expect(html).toContain('class="hc-chart-zero"');
		expect(html).toContain('0% helpful (0 of 4)');
	});

	test('renders "no votes yet" and no bar without votes', async () => {
		const html = await container.renderToString(HelpfulBar, {
			props: { tally: undefined },
			locals: locals('nl'),
		});
		expect(html).toContain('Nog geen stemmen');
		expect(html).not.toContain('<svg');
	});
});
