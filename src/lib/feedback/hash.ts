/**
 * Keyed hashes (HMAC-SHA-256). The API stores these instead of client addresses and visitor ids:
 * the same input gives the same hash, but without the secret nobody can test a guessed address
 * against the database.
 *
 * Where the runtime offers `node:crypto` (Node from 22.3, through `process.getBuiltinModule`) the
 * HMAC is computed there, synchronously: Web Crypto's `sign()` is a thread-pool job and a promise
 * per call, 11% of the endpoint's CPU profile for the two hashes of a vote (bench:endpoint, see
 * README.md). Other runtimes use Web Crypto, which gives the same hash.
 */
import type * as NodeCrypto from 'node:crypto';

const nodeCrypto = (
	globalThis.process as { getBuiltinModule?: (id: string) => unknown } | undefined
)?.getBuiltinModule?.('node:crypto') as typeof NodeCrypto | undefined;

const encoder = new TextEncoder();
const keys = new Map<string, Promise<CryptoKey>>();

function importKey(secret: string): Promise<CryptoKey> {
	let key = keys.get(secret);
	if (!key) {
		key = crypto.subtle.importKey(
			'raw',
			encoder.encode(secret),
			{ name: 'HMAC', hash: 'SHA-256' },
			false,
			['sign'],
		);
		keys.set(secret, key);
	}
	return key;
}

/** HMAC-SHA-256 of `message` under `secret`, as lower-case hex. */
export async function hmacHex(secret: string, message: string): Promise<string> {
	if (nodeCrypto) return nodeCrypto.createHmac('sha256', secret).update(message).digest('hex');
	return webCryptoHmacHex(secret, message);
}

/** {@link hmacHex} through Web Crypto (exported for the test that both give the same hash). */
export async function webCryptoHmacHex(secret: string, message: string): Promise<string> {
	const signature = await crypto.subtle.sign(
		'HMAC',
		await importKey(secret),
		encoder.encode(message),
	);
	return Array.from(new Uint8Array(signature), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Separate keys for separate purposes, all derived from the one configured secret. */
export interface DerivedSecrets {
	/** Signs ALTCHA challenges. */
	captchaSignature: string;
	/** Signs ALTCHA derived keys (deterministic mode: verification is one HMAC). */
	captchaKey: string;
	/** Hashes client addresses for rate limits. */
	client: string;
	/** Hashes visitor ids. */
	visitor: string;
}

/** Derives one key per purpose, so a leaked hash of one kind says nothing about another. */
export async function deriveSecrets(secret: string): Promise<DerivedSecrets> {
	const [captchaSignature, captchaKey, client, visitor] = await Promise.all(
		['altcha-signature', 'altcha-key', 'client-address', 'visitor-id'].map((purpose) =>
			hmacHex(secret, `help-feedback:${purpose}`),
		),
	);
	return {
		captchaSignature: captchaSignature!,
		captchaKey: captchaKey!,
		client: client!,
		visitor: visitor!,
	};
}
