import { describe, expect, test } from 'vitest';
import providers from '../../content/providers.json';
import { checkProviders } from '../../src/lib/content-health/providers.ts';

const now = new Date('2026-12-07T12:00:00Z');
const good = {
	id: 'icloud',
	verified: '2026-11-01',
	sources: ['https://support.apple.com/102654'],
};

describe('checkProviders()', () => {
	test('finds nothing in the real provider data', () => {
		expect(checkProviders(providers, now).filter((f) => f.severity === 'error')).toEqual([]);
	});

	test('returns no finding for a provider with sources checked this month', () => {
		expect(checkProviders([good], now)).toEqual([]);
	});

	test.each([
		['no sources field', { ...good, sources: undefined }],
		['an empty sources list', { ...good, sources: [] }],
	])('returns an error for %s, naming the provider', (_, record) => {
		expect(checkProviders([record], now)).toEqual([
			{
				severity: 'error',
				kind: 'provider-no-sources',
				file: 'content/providers.json',
				provider: 'icloud',
				message: 'provider icloud lists no sources for its facts',
			},
		]);
	});

	test.each([
		['missing', undefined],
		['not a date', 'last week'],
		['an impossible date', '2026-13-40'],
	])('returns an error when the verified date is %s', (_, verified) => {
		const [finding] = checkProviders([{ ...good, verified }], now);
		expect(finding).toMatchObject({ severity: 'error', kind: 'provider-no-check-date' });
	});

	test('warns when the last check is more than six months old, not on the day itself', () => {
		expect(checkProviders([{ ...good, verified: '2026-06-07' }], now)).toEqual([]);
		expect(checkProviders([{ ...good, verified: '2026-06-06' }], now)).toEqual([
			expect.objectContaining({
				severity: 'warning',
				kind: 'provider-check-outdated',
				message: 'provider icloud was last checked 2026-06-06, more than 6 months ago',
			}),
		]);
	});

	test('names a record without an id by its position', () => {
		expect(checkProviders([good, { sources: [], verified: '2026-12-01' }], now)).toEqual([
			expect.objectContaining({ provider: '#2', kind: 'provider-no-sources' }),
		]);
	});
});
