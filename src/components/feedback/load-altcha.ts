import altchaCss from 'altcha/altcha.css?url';

/** Links a stylesheet; resolves once it applies, or failed (an unstyled captcha still works). */
function stylesheet(href: string): Promise<void> {
	return new Promise((resolve) => {
		const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href });
		link.addEventListener('load', () => resolve(), { once: true });
		link.addEventListener('error', () => resolve(), { once: true });
		document.head.append(link);
	});
}

/**
 * Loads the ALTCHA widget in its Content-Security-Policy-friendly form: the "external" build,
 * whose stylesheet is a file (the default build inserts a <style> element) and whose
 * proof-of-work worker is a file of this site (the default build makes it from a Blob URL). The
 * policy then needs neither 'unsafe-inline' styles nor blob: workers. The stylesheet is linked
 * here, not imported: Astro adds every stylesheet a page's scripts import, even dynamically, to
 * the page itself, which would put 15 KB of captcha CSS on every article at load.
 */
export async function loadAltcha(lang: 'nl' | 'en'): Promise<void> {
	const [, , { default: Pbkdf2Worker }] = await Promise.all([
		import('altcha/external'),
		stylesheet(altchaCss),
		import('altcha/workers/pbkdf2?worker'),
	]);
	// The algorithm of the server's challenges (src/lib/feedback/captcha.ts).
	globalThis.$altcha.algorithms.set('PBKDF2/SHA-256', () => new Pbkdf2Worker());
	// The translations register themselves with the loaded widget.
	await (lang === 'nl' ? import('altcha/i18n/nl') : import('altcha/i18n/en'));
}
