import { describe, expect, test } from 'vitest';
import { hmacHex, webCryptoHmacHex } from '../../src/lib/feedback/hash.ts';

describe('hmacHex()', () => {
	test('gives the same hash through node:crypto as through Web Crypto', async () => {
		for (const [secret, message] of [
			['a-secret', '203.0.113.7'],
			['ünïcode-sëcret', 'visitor 🙂 2001:db8::7'],
			['k', ''],
		] as const) {
			expect(await hmacHex(secret, message)).toBe(await webCryptoHmacHex(secret, message));
		}
	});

	test('returns the RFC 4231 test case 2 HMAC-SHA-256 in lower-case hex', async () => {
		expect(await hmacHex('Jefe', 'what do ya want for nothing?')).toBe(
			'5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
		);
	});
});
