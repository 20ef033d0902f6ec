import altchaCss from 'altcha/altcha.css?url';
import { linkStylesheet } from '../stylesheet.ts';

/**
 * Loads the ALTCHA widget in its Content-Security-Policy-friendly form: the "external" build,
 * whose stylesheet is a file (the default build inserts a <style> element) and whose
 * proof-of-work worker is a file of this site (the default build makes it from a Blob URL). The
 * policy then needs neither 'unsafe-inline' styles nor blob: workers. Its stylesheet is linked,
 * not imported, so its 15 KB do not load with every article (../stylesheet.ts).
 */
export async function loadAltcha(lang: 'nl' | 'en'): Promise<void> {
	const [, , { default: Pbkdf2Worker }] = await Promise.all([
		import('altcha/external'),
		linkStylesheet(altchaCss),
		import('altcha/workers/pbkdf2?worker'),
	]);
	// The algorithm of the server's challenges (src/lib/feedback/captcha.ts).
	globalThis.$altcha.algorithms.set('PBKDF2/SHA-256', () => new Pbkdf2Worker());
	// The translations register themselves with the loaded widget.
	await (lang === 'nl' ? import('altcha/i18n/nl') : import('altcha/i18n/en'));
}
