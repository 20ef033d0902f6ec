/**
 * The security headers besides the CSP, the same wherever the site is served: by `npm start`
 * (scripts/start.ts), by a serverless function (src/middleware.ts) or by a static host (the
 * `_headers` file the build writes).
 */
/** Sent on every response. */
export const securityHeaders: Readonly<Record<string, string>> = {
	'X-Content-Type-Options': 'nosniff',
	'Referrer-Policy': 'strict-origin-when-cross-origin',
	// Features a help center never uses. Only names Chromium knows: an unknown one is logged as a
	// console error on every page.
	'Permissions-Policy': [
		'accelerometer=()',
		'camera=()',
		'display-capture=()',
		'geolocation=()',
		'gyroscope=()',
		'magnetometer=()',
		'microphone=()',
		'midi=()',
		'payment=()',
		'usb=()',
		'browsing-topics=()',
	].join(', '),
	'Cross-Origin-Opener-Policy': 'same-origin',
	// For browsers without CSP frame-ancestors.
	'X-Frame-Options': 'DENY',
};

/** Strict-Transport-Security, sent only over HTTPS (browsers ignore it over plain HTTP anyway). */
export const hstsHeader = { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' };

/**
 * The CSP of responses that are not pages (API answers, redirects, CSV): they load nothing and
 * may be framed by no one.
 */
export const resourceCsp = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";
