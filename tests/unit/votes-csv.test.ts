import { describe, expect, test } from 'vitest';
import { csvCell, toCsv } from '../../src/lib/votes/csv.ts';

describe('csvCell()', () => {
	test('returns plain text and numbers unchanged', () => {
		expect(csvCell('icloud-mail')).toBe('icloud-mail');
		expect(csvCell(42)).toBe('42');
		expect(csvCell(-3)).toBe('-3');
	});

	test('returns an empty cell for null and undefined', () => {
		expect(csvCell(null)).toBe('');
		expect(csvCell(undefined)).toBe('');
	});

	test('returns quoted text with doubled quotes when it has a comma, quote or line break', () => {
		expect(csvCell('a, b')).toBe('"a, b"');
		expect(csvCell('say "hi"')).toBe('"say ""hi"""');
		expect(csvCell('line 1\nline 2')).toBe('"line 1\nline 2"');
		expect(csvCell('cr\r')).toBe('"cr\r"');
	});

	test('returns quoted text when it starts or ends with a space', () => {
		expect(csvCell(' padded ')).toBe('" padded "');
	});

	test.each(['=1+1', '+31 6 1234', '-2+3', '@SUM(A1)', '\t=1', '\r=1'])(
		'returns %j defused with a leading apostrophe',
		(text) => {
			expect(csvCell(text).replace(/^"|"$/g, '').startsWith(`'`)).toBe(true);
		},
	);

	test('returns a formula with quotes both defused and quoted', () => {
		expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
	});
});

describe('toCsv()', () => {
	test('returns a header and rows with CRLF line ends and a final line end', () => {
		expect(
			toCsv(
				['a', 'b'],
				[
					[1, 'x'],
					[null, 'y,z'],
				],
			),
		).toBe('a,b\r\n1,x\r\n,"y,z"\r\n');
	});
});
