import { describe, expect, test } from 'vitest';
import providers from '../../content/providers.json';
import { emailDomain, matchProvider } from '../../src/lib/providers.ts';

describe('matchProvider()', () => {
	test.each([
		['jan@me.com', 'icloud'],
		['jan@icloud.com', 'icloud'],
		['jan@mac.com', 'icloud'],
		['x@GMAIL.com', 'gmail'],
		['  Piet@Hotmail.NL  ', 'outlook'],
		['iemand@live.nl', 'outlook'],
		['a@yahoo.com', 'yahoo'],
		['a@mail.kpnmail.nl', 'kpn'],
		['a@xs4all.nl', 'kpn'],
		['a@ziggo.nl', 'ziggo'],
		['jan@me.com.', 'icloud'],
	])('matches %s to %s', (email, id) => {
		expect(matchProvider(email, providers)?.id).toBe(id);
	});

	test.each(['jan@example.org', 'jan@notme.com', 'jan@gmail.com.evil.org', 'jan@icloud.co'])(
		'returns null for the unknown domain in %s',
		(email) => {
			expect(matchProvider(email, providers)).toBeNull();
		},
	);

	test.each(['', 'jan', '@me.com', 'jan@', 'jan@me', 'jan @me.com', 'a@b@me.com'])(
		'returns null for %j, which is not an address',
		(email) => {
			expect(matchProvider(email, providers)).toBeNull();
		},
	);
});

describe('emailDomain()', () => {
	test('lower-cases and trims', () => {
		expect(emailDomain(' Jan@ICloud.COM ')).toBe('icloud.com');
	});
});
