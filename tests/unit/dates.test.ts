import { describe, expect, test } from 'vitest';
import { formatDate, isoDate } from '../../src/lib/dates.ts';

describe('formatDate()', () => {
	const date = new Date('2025-02-11');

	test('writes the Dutch month name in lower case', () => {
		expect(formatDate(date, 'nl')).toBe('11 februari 2025');
	});

	test('writes day month year in English', () => {
		expect(formatDate(date, 'en')).toBe('11 February 2025');
	});

	test('never shifts a calendar day, whatever the time zone', () => {
		expect(formatDate(new Date('2025-12-31T00:00:00Z'), 'en')).toBe('31 December 2025');
	});
});

describe('isoDate()', () => {
	test('returns YYYY-MM-DD', () => {
		expect(isoDate(new Date('2025-02-11'))).toBe('2025-02-11');
	});
});
