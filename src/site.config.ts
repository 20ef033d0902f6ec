/**
 * Site-wide settings. Values that differ per deployment come from environment variables read at
 * build time; each has a safe default (see README, "Configuration").
 */
export const siteConfig = {
	/** Public origin, for canonical URLs, `hreflang`, Open Graph and the sitemap. */
	siteUrl: process.env['SITE_URL'] ?? 'http://localhost:4321',
	/** Where readers contact SpinOffice support. */
	supportUrl: process.env['SUPPORT_URL'] ?? 'https://support.spinoffice-crm.com/',
};
