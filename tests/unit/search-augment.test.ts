import { describe, expect, test } from 'vitest';
import { augmentForIndex } from '../../src/integrations/search-augment.ts';

const providers = [
	{ name: 'KPN Mail', aliases: ['Hetnet', 'XS4ALL'], domains: ['planet.nl', 'hetnet.nl'] },
	{ name: 'Gmail', aliases: ['Google Mail'], domains: ['gmail.com'] },
	{ name: 'Strato' },
];
const article = (
	names: string[],
	keywords = '<p id="hc-search-keywords" data-pagefind-weight="5">KPN</p>',
) =>
	`<article data-pagefind-body><header><h1 id="article-title">Title</h1><div hidden data-pagefind-ignore>${names
		.map((n) => `<span data-pagefind-filter="provider">${n}</span>`)
		.join('')}</div>${keywords}</header><p>Text</p></article>`;

describe('augmentForIndex()', () => {
	test("returns a provider guide with its provider's aliases and domains as keywords", () => {
		const html = augmentForIndex(article(['KPN Mail']), providers);
		expect(html).toContain('>KPN, Hetnet, XS4ALL, planet.nl, hetnet.nl</p>');
	});

	test('returns a keyword list after the title for a guide without keywords', () => {
		const html = augmentForIndex(article(['Gmail'], ''), providers);
		expect(html).toContain(
			'</h1><p id="hc-search-keywords" data-pagefind-weight="5">Google Mail, gmail.com</p>',
		);
	});

	test('returns an article about several providers, or one without data, unchanged', () => {
		const many = article(['KPN Mail', 'Gmail']);
		expect(augmentForIndex(many, providers)).toBe(many);
		const bare = article(['Strato']);
		expect(augmentForIndex(bare, providers)).toBe(bare);
	});

	test('returns error entries with their anchor on the heading and their code tokens', () => {
		const entry =
			'<div class="hc-error" id="535-5-7-8"><h3 class="hc-error__title"><code><span class="hc-error__code">535-5.7.8</span> Username and Password not accepted.</code></h3><p>Komt voor bij</p></div>';
		const html = augmentForIndex(entry, providers);
		expect(html).toContain('<div class="hc-error"><h3 class="hc-error__title" id="535-5-7-8">');
		expect(html).toContain('</h3><p>hcerrc535x5x7x8q hcerrs5x7x8q hcerrb535q</p>');
	});

	test('returns an entry without a code with its anchor moved and no tokens', () => {
		const entry =
			'<div class="hc-error" id="authenticationfailed"><h3 class="hc-error__title"><code>[AUTHENTICATIONFAILED]</code></h3></div>';
		expect(augmentForIndex(entry, providers)).toBe(
			'<div class="hc-error"><h3 class="hc-error__title" id="authenticationfailed"><code>[AUTHENTICATIONFAILED]</code></h3></div>',
		);
	});

	test('returns table cells ending in a separator, so excerpts do not run cells together', () => {
		const table =
			'<table><tr><th scope="row">Server</th><td><code>imap.gmail.com</code></td><td>smtp.gmail.com</td></tr></table>';
		expect(augmentForIndex(table, providers)).toBe(
			'<table><tr><th scope="row">Server · </th><td><code>imap.gmail.com</code> · </td><td>smtp.gmail.com · </td></tr></table>',
		);
	});
});
