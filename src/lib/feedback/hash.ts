/**
 * Keyed hashes (HMAC-SHA-256, Web Crypto so the handler runs on any serverless runtime). The API
 * stores these instead of client addresses and visitor ids: the same input gives the same hash,
 * but without the secret nobody can test a guessed address against the database.
 */

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
