import { describe, expect, test } from 'vitest';
import { parseErrorMessageProps } from '../../src/lib/error-message.ts';

const providerIds = ['gmail', 'google-workspace', 'microsoft-365'];
const valid = {
	id: '534-5-7-9',
	code: '534-5.7.9',
	text: 'Application-specific password required.',
	providers: ['gmail', 'google-workspace'],
	sources: ['https://github.com/example/project/issues/1'],
};

describe('parseErrorMessageProps()', () => {
	test('returns the props when they are valid, without a code too', () => {
		expect(parseErrorMessageProps(valid, providerIds)).toEqual(valid);
		const { code: _code, ...withoutCode } = valid;
		expect(parseErrorMessageProps(withoutCode, providerIds).code).toBeUndefined();
	});

	test.each([
		[{ id: 'Bad Id' }, /<ErrorMessage id="Bad Id">: id must be lower-case/],
		[{ id: '534--5' }, /id must be lower-case/],
		[{ id: '-534' }, /id must be lower-case/],
		[{ text: '  ' }, /<ErrorMessage id="534-5-7-9">: text must not be empty/],
		[{ code: '' }, /code must not be empty when given/],
		[{ providers: ['gmial'] }, /providers\.0 unknown provider id "gmial"/],
		[{ providers: [] }, /providers must name at least one provider/],
		[{ sources: [] }, /sources must list at least one source/],
		[{ sources: ['not a url'] }, /sources\.0 must be a URL/],
	])('throws naming the entry and the prop for %j', (change, message) => {
		expect(() => parseErrorMessageProps({ ...valid, ...change }, providerIds)).toThrow(message);
	});

	test('names every wrong prop at once, and an entry without an id', () => {
		const { id: _id, ...withoutId } = valid;
		expect(() => parseErrorMessageProps({ ...withoutId, text: '' }, providerIds)).toThrow(
			/<ErrorMessage id=\(without an id\)>: id .*; text must not be empty/,
		);
	});
});
