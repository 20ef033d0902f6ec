/** Pagefind's own name for the query parameter its highlight script reads. */
export const highlightParam = 'pagefind-highlight';

/** Adds the words to highlight on arrival to a result URL, before any `#section`. */
export function highlightUrl(url: string, words: readonly string[], hash?: string): string {
	const [path = '', query = ''] = url.split('#')[0]!.split('?');
	const params = new URLSearchParams(query);
	for (const word of words) params.append(highlightParam, word);
	const search = params.toString();
	return `${path}${search ? `?${search}` : ''}${hash ? `#${hash}` : ''}`;
}

/**
 * On an article opened from a search result, marks the searched words with Pagefind's highlight
 * script. It is fetched only when the URL asks for it, so ordinary page views load nothing.
 */
export async function highlightSearchedWords(): Promise<void> {
	const url = new URL(window.location.href);
	if (!url.searchParams.has(highlightParam)) return;
	const body = document.querySelector('[data-pagefind-body]');
	if (!body) return;
	const path = '/pagefind/pagefind-highlight.js';
	const { default: PagefindHighlight } = (await import(/* @vite-ignore */ path)) as {
		default: new (options: Record<string, unknown>) => unknown;
	};
	new PagefindHighlight({
		highlightParam,
		addStyles: false,
		markOptions: {
			className: 'hc-highlight',
			exclude: ['[data-pagefind-ignore]', '[data-pagefind-ignore] *', '[aria-hidden="true"]'],
		},
	});
}
