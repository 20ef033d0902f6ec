import type { Page } from '@playwright/test';

/** A result as the reader sees it: where its main link goes, and its title. */
export interface RenderedHit {
	href: string;
	title: string;
}

/**
 * Types a query into the search box of a variant (without the per-key delay of real typing) and
 * resolves with the rendered results once `<hc-search>` reports that it rendered this query.
 */
export async function searchFor(
	page: Page,
	query: string,
	variant: 'page' | 'header' | 'hero' = 'page',
): Promise<RenderedHit[]> {
	return page.evaluate(
		async ({ query, variant }) => {
			const host = document.querySelector<HTMLElement>(`hc-search[data-variant="${variant}"]`)!;
			const input = host.querySelector('input')!;
			const rendered = new Promise<void>((resolve) => {
				const listener = (event: Event) => {
					if ((event as CustomEvent<{ query: string }>).detail.query !== query.trim()) return;
					host.removeEventListener('hc-search:rendered', listener);
					resolve();
				};
				host.addEventListener('hc-search:rendered', listener);
			});
			input.focus();
			input.value = query;
			input.dispatchEvent(new Event('input', { bubbles: true }));
			await rendered;
			return [...host.querySelectorAll('.hc-hit')].map((hit) => ({
				href: hit.querySelector('.hc-hit__link')!.getAttribute('href')!,
				title: hit.querySelector('.hc-hit__title')!.textContent!,
			}));
		},
		{ query, variant },
	);
}

/** The page path and section of a result link, without the highlight parameters. */
export function target(href: string): { path: string; hash: string } {
	const url = new URL(href, 'http://localhost');
	return { path: url.pathname, hash: url.hash.slice(1) };
}
