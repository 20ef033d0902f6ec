import { z } from 'astro/zod';
import { createChallenge, randomInt, verifySolution, type Challenge } from 'altcha-lib';
// The Web Crypto variant runs on every serverless runtime, not only Node.
import { deriveKey } from 'altcha-lib/algorithms/web/pbkdf2';
import type { DerivedSecrets } from './hash.ts';

/** How hard the proof of work is and how long a challenge lives. */
export interface CaptchaOptions {
	/** PBKDF2 iterations per attempt. */
	cost: number;
	/**
	 * The solution counter is drawn from this range (deterministic mode): the browser needs about
	 * that many attempts, the server derives once per challenge and verifies with one HMAC.
	 */
	counterMin: number;
	counterMax: number;
	/** Seconds from issue to expiry. */
	ttlSeconds: number;
}

/** About 0.6 s for a desktop browser with four workers, 2–3 s on a slow phone. */
export const defaultCaptchaOptions: CaptchaOptions = {
	cost: 5000,
	counterMin: 1000,
	counterMax: 4000,
	ttlSeconds: 600,
};

/** The algorithm the `altcha` widget bundles by default. */
const algorithm = 'PBKDF2/SHA-256';

/** A verified captcha: the id to record as used and when the record may go. */
export type CaptchaResult =
	{ ok: true; id: string; expiresAt: Date } | { ok: false; message: string };

/**
 * What the widget posts: base64 of `{ challenge: { parameters, signature }, solution }`
 * (altcha 3.x, `node_modules/altcha/dist/main/altcha.js`). Only the shape is checked here;
 * the parameters are passed on untouched because the signature covers every key.
 */
const payloadSchema = z.object({
	challenge: z.object({
		parameters: z.looseObject({
			algorithm: z.literal(algorithm),
			nonce: z.string().regex(/^[0-9a-f]{2,128}$/),
			salt: z.string(),
			keyPrefix: z.string(),
			expiresAt: z.number(),
		}),
		signature: z.string(),
	}),
	solution: z.object({ counter: z.number(), derivedKey: z.string() }),
});

/** Issues ALTCHA challenges and checks solutions, signed with keys derived from the secret. */
export class Captcha {
	readonly #secrets: DerivedSecrets;
	readonly #options: CaptchaOptions;

	constructor(secrets: DerivedSecrets, options: CaptchaOptions) {
		this.#secrets = secrets;
		this.#options = options;
	}

	/** A new challenge, in the JSON shape the `altcha` widget fetches from its `challenge` URL. */
	challenge(now: Date): Promise<Challenge> {
		const { cost, counterMin, counterMax, ttlSeconds } = this.#options;
		return createChallenge({
			algorithm,
			cost,
			counter: randomInt(counterMax, counterMin),
			deriveKey,
			expiresAt: Math.floor(now.getTime() / 1000) + ttlSeconds,
			hmacSignatureSecret: this.#secrets.captchaSignature,
			hmacKeySignatureSecret: this.#secrets.captchaKey,
		});
	}

	/** Checks a payload: its shape, expiry (against `now`), signature and solution. */
	async verify(payload: string, now: Date): Promise<CaptchaResult> {
		let decoded: unknown;
		try {
			decoded = JSON.parse(atob(payload));
		} catch {
			return { ok: false, message: 'is not an ALTCHA payload' };
		}
		const parsed = payloadSchema.safeParse(decoded);
		if (!parsed.success) return { ok: false, message: 'is not an ALTCHA payload' };
		const { challenge, solution } = parsed.data;
		const expiresAt = new Date(challenge.parameters.expiresAt * 1000);
		if (!(expiresAt > now)) return { ok: false, message: 'has expired; solve a new one' };
		try {
			const result = await verifySolution({
				challenge: challenge as unknown as Challenge,
				solution,
				deriveKey,
				hmacSignatureSecret: this.#secrets.captchaSignature,
				hmacKeySignatureSecret: this.#secrets.captchaKey,
			});
			if (result.verified) return { ok: true, id: challenge.parameters.nonce, expiresAt };
			if (result.expired) return { ok: false, message: 'has expired; solve a new one' };
			if (result.invalidSignature) return { ok: false, message: 'was not issued by this server' };
		} catch {
			// Malformed numbers or hex inside a well-formed payload: an invalid solution.
		}
		return { ok: false, message: 'is not solved' };
	}
}
