/**
 * Links a stylesheet from the browser, once per URL. For CSS that belongs to code loaded on
 * demand (search results, the captcha): Astro puts every stylesheet that a page's scripts import,
 * even through a dynamic import(), on the page itself, so it would load with every page.
 */
const linked = new Map<string, Promise<void>>();

/** Resolves once the stylesheet applies, or failed to load (unstyled beats not working). */
export function linkStylesheet(href: string): Promise<void> {
	let done = linked.get(href);
	if (!done) {
		done = new Promise((resolve) => {
			const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href });
			link.addEventListener('load', () => resolve(), { once: true });
			link.addEventListener('error', () => resolve(), { once: true });
			document.head.append(link);
		});
		linked.set(href, done);
	}
	return done;
}
