import { afterEach, describe, expect, test } from 'vitest';
import { finderForm } from '../../src/lib/mail-provider/form-route.ts';
import { finderFormPaths } from '../../src/lib/mail-provider/paths.ts';
import { testFinderApi } from '../fixtures/mail-provider.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
	await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

async function form(overrides: Parameters<typeof testFinderApi>[0] = {}) {
	const t = await testFinderApi(overrides);
	cleanups.push(t.cleanup);
	return {
		...t,
		get: (search: string, lang: 'nl' | 'en' = 'nl', clientAddress = '192.0.2.5') =>
			finderForm(new Request(`https://help.test${finderFormPaths[lang]}?${search}`), lang, t.deps, {
				clientAddress,
			}),
	};
}

describe('finderForm() (the finder without JavaScript)', () => {
	test('redirects a known address to its guide, without DNS', async () => {
		const t = await form();
		expect(await t.get('email=Jan%40Me.com', 'en')).toEqual({
			kind: 'redirect',
			location: '/en/icloud-mail/',
		});
		expect(t.asked).toEqual([]);
	});

	test('looks up only the domain of any other address', async () => {
		const t = await form({
			lookup: (domain) => {
				t.asked.push(domain);
				return Promise.resolve({
					kind: 'records',
					records: [{ exchange: 'x.mail.protection.outlook.com', priority: 0 }],
				});
			},
		});
		expect(await t.get('email=jan.de.vries%40Bedrijf.NL')).toEqual({
			kind: 'redirect',
			location: '/nl/microsoft-365/',
		});
		expect(t.asked).toEqual(['bedrijf.nl']);
	});

	test('a bare domain works too; an unknown one leads to the own-domain guide', async () => {
		const t = await form();
		expect(await t.get('email=jouwbedrijf.nl')).toEqual({
			kind: 'redirect',
			location: '/nl/own-domain-mail/',
		});
	});

	test.each([
		['', 'empty'],
		['email=', 'empty'],
		['email=piet%40', 'empty'],
		['email=piet%40127.0.0.1', 'ip-literal'],
		['email=piet', 'invalid'],
		['email=a%40b.nl&email=c%40d.nl', 'repeated'],
	])('%j: the form again with a message (400, %s)', async (search, problem) => {
		const t = await form();
		expect(await t.get(search)).toEqual({ kind: 'invalid', problem, status: 400 });
		expect(t.asked).toEqual([]);
	});

	test('429 with Retry-After past the limit, counted with the API', async () => {
		const t = await form({ rate: { max: 1, windowSeconds: 600 } });
		expect((await t.get('email=a%40jouwbedrijf.nl')).kind).toBe('redirect');
		expect(await t.get('email=a%40jouwbedrijf.nl')).toEqual({
			kind: 'limited',
			status: 429,
			retryAfter: '600',
		});
	});

	test('a store failure is a 503, logged, and no lookup', async () => {
		const t = await form({ store: () => Promise.reject(new Error('down')) });
		expect(await t.get('email=a%40jouwbedrijf.nl')).toEqual({ kind: 'unavailable', status: 503 });
		expect(t.asked).toEqual([]);
		expect(t.logged).toHaveLength(1);
	});
});
