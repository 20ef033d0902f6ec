import { describe, expect, test } from 'vitest';
import categories from '../../content/categories.json';
import providers from '../../content/providers.json';
import { articleSchema, categorySchema, providerSchema } from '../../src/lib/schemas.ts';

const schema = articleSchema(
	categories.map((c) => c.id),
	providers.map((p) => p.id),
);
const good = {
	title: 'iCloud Mail',
	description: 'Een app-specifiek wachtwoord maken.',
	category: 'providers',
	providers: ['icloud'],
	updated: new Date('2026-11-28'),
	order: 1,
	keywords: ['2FA'],
};

/** The field paths a schema rejects. */
function rejected(input: unknown): string[] {
	const result = schema.safeParse(input);
	return result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
}

describe('articleSchema()', () => {
	test('accepts good frontmatter and fills defaults', () => {
		const data = schema.parse({ ...good, keywords: undefined });
		expect(data.draft).toBe(false);
		expect(data.keywords).toEqual([]);
	});

	test('accepts a date written as a string', () => {
		expect(schema.parse({ ...good, updated: '2025-02-11' }).updated.toISOString()).toBe(
			'2025-02-11T00:00:00.000Z',
		);
	});

	test.each([
		['a missing title', { ...good, title: undefined }, 'title'],
		['an empty title', { ...good, title: '  ' }, 'title'],
		['an unknown category', { ...good, category: 'billing' }, 'category'],
		['an unknown provider', { ...good, providers: ['icloud', 'hotmial'] }, 'providers.1'],
		['a date that is not a date', { ...good, updated: 'last tuesday' }, 'updated'],
		['a fractional order', { ...good, order: 1.5 }, 'order'],
		['a draft flag that is not a boolean', { ...good, draft: 'yes' }, 'draft'],
	])('rejects %s, naming the field', (_, input, field) => {
		expect(rejected(input)).toEqual([field]);
	});
});

describe('providerSchema', () => {
	test.each(providers.map((p) => [p.id, p]))('accepts %s in content/providers.json', (_, p) => {
		expect(providerSchema.safeParse(p).success).toBe(true);
	});

	test('rejects an upper-case host name, naming the field', () => {
		const bad = { ...providers[0], imap: { host: 'IMAP.mail.me.com', ports: [] } };
		const result = providerSchema.safeParse(bad);
		expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['imap.host', 'imap.ports']);
	});

	test('rejects servers without a user name rule, naming the field', () => {
		const result = providerSchema.safeParse({ ...providers[0], username: null });
		expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['username']);
	});

	test('accepts a record without servers (a web host known by its MX only)', () => {
		const host = providers.find((p) => p.id === 'strato');
		expect(host?.imap).toBeNull();
		expect(providerSchema.safeParse(host).success).toBe(true);
	});

	test.each([
		['an upper-case MX suffix', { mx: ['Mail.Protection.Outlook.com'] }, 'mx.0'],
		['an unknown auth model', { auth: 'password' }, 'auth'],
		['a verified date that is not a date', { verified: '7 december' }, 'verified'],
		['a source that is not a URL', { sources: ['Apple support'] }, 'sources.0'],
	])('rejects %s, naming the field', (_, override, field) => {
		const result = providerSchema.safeParse({ ...providers[0], ...override });
		expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual([field]);
	});

	test('has no MX suffix claimed by two providers', () => {
		const mx = providers.flatMap((p) => p.mx ?? []);
		expect(new Set(mx).size).toBe(mx.length);
	});

	test('has no domain claimed by two providers', () => {
		const domains = providers.flatMap((p) => p.domains);
		expect(new Set(domains).size).toBe(domains.length);
	});
});

describe('categorySchema', () => {
	test.each(categories.map((c) => [c.id, c]))('accepts %s in content/categories.json', (_, c) => {
		expect(categorySchema.safeParse(c).success).toBe(true);
	});

	test('rejects a category without an English title', () => {
		const result = categorySchema.safeParse({ ...categories[0], title: { nl: 'Basis' } });
		expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['title.en']);
	});
});
