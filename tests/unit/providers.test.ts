import { domainToASCII } from 'node:url';
import { describe, expect, test } from 'vitest';
import providers from '../../content/providers.json';
import { browserToAscii, normaliseDomain } from '../../src/lib/mail-provider/domain.ts';
import { providerForDomain } from '../../src/lib/mail-provider/guides.ts';

/** What the finder does with what a reader typed: keep the domain, then match the data. */
function matchAddress(input: string, toAscii = browserToAscii) {
	const result = normaliseDomain(input, toAscii, 'strip');
	return result.ok ? providerForDomain(result.domain, providers) : null;
}

describe('providerForDomain() after normaliseDomain() (the finder in the browser)', () => {
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
		// A domain alone, or odd text before the @, still names the provider: only the domain counts.
		['me.com', 'icloud'],
		['@me.com', 'icloud'],
		['jan @me.com', 'icloud'],
		['a@b@me.com', 'icloud'],
	])('matches %s to %s', (email, id) => {
		expect(matchAddress(email)?.id).toBe(id);
		expect(matchAddress(email, domainToASCII)?.id).toBe(id);
	});

	test.each(['jan@example.org', 'jan@notme.com', 'jan@gmail.com.evil.org', 'jan@icloud.co'])(
		'returns null for the unknown domain in %s',
		(email) => {
			expect(matchAddress(email)).toBeNull();
		},
	);

	test.each(['', 'jan', 'jan@', 'jan@me', 'jan@me..com', 'jan@1.2.3.4'])(
		'returns null for %j, which holds no domain',
		(email) => {
			expect(matchAddress(email)).toBeNull();
		},
	);

	test('lower-cases and trims', () => {
		expect(normaliseDomain(' Jan@ICloud.COM ', browserToAscii, 'strip')).toEqual({
			ok: true,
			domain: 'icloud.com',
		});
	});
});
