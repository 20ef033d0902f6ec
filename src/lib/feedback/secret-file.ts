import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Shortest accepted secret: 32 characters, e.g. the output of `openssl rand -hex 32` is 64. */
const minLength = 32;

/**
 * The master secret: `FEEDBACK_HMAC_KEY` when set, otherwise `hmac.key` in the data folder,
 * created once (mode 0600) so captchas and hashes stay valid across restarts. Serverless
 * platforms have no lasting disk: set the variable there.
 * @throws when the variable or the file holds a secret that is too short.
 */
export function loadSecret(fromEnv: string | undefined, dataDir: string): string {
	if (fromEnv !== undefined) {
		if (fromEnv.length < minLength) {
			throw new Error(`FEEDBACK_HMAC_KEY: expected at least ${minLength} characters.`);
		}
		return fromEnv;
	}
	const file = join(dataDir, 'hmac.key');
	if (!existsSync(file)) {
		mkdirSync(dataDir, { recursive: true });
		// Written whole to a temporary file, then linked into place: `link` fails when the key
		// exists, so two processes starting together both end up with the first complete key.
		const temporary = `${file}.${process.pid}.tmp`;
		writeFileSync(temporary, randomBytes(32).toString('hex'), { mode: 0o600 });
		try {
			linkSync(temporary, file);
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		} finally {
			unlinkSync(temporary);
		}
	}
	const secret = readFileSync(file, 'utf8').trim();
	if (secret.length < minLength) {
		throw new Error(`${file}: expected a secret of at least ${minLength} characters.`);
	}
	return secret;
}
