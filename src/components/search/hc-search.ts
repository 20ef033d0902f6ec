/**
 * `<hc-search>`: the part of search that every page loads. It is tiny on purpose: the search code
 * and Pagefind's index are fetched only when a reader focuses or uses a search box, and the
 * shortcuts `/` and Ctrl/Cmd+K bring the focus there. Without JavaScript the box is a plain GET
 * form to the results page.
 */
import type { SearchConfig } from './config.ts';
import { filterNames } from './filters.ts';
import { highlightSearchedWords } from './highlight.ts';

class HcSearch extends HTMLElement {
	#started = false;

	connectedCallback(): void {
		const input = this.querySelector('input');
		if (!input) return;
		const start = () => void this.#start();
		input.addEventListener('focus', start, { once: true });
		input.addEventListener('input', start, { once: true });
		// A filter chosen first (the results page); the controller reads its value as it starts.
		this.addEventListener('change', start, { once: true });
		// A results page opened with a search (shared link, GET form, back button) searches at once.
		const params = new URLSearchParams(location.search);
		if (this.dataset['variant'] === 'page' && ['q', ...filterNames].some((p) => params.get(p))) {
			start();
		}
	}

	async #start(): Promise<void> {
		if (this.#started) return;
		this.#started = true;
		const config = JSON.parse(this.dataset['config'] ?? '{}') as SearchConfig;
		const { SearchController } = await import('./controller.ts');
		new SearchController(this, config).start();
	}
}

customElements.define('hc-search', HcSearch);

/** The box a shortcut focuses: the results page's own box, a visible hero box, else the header. */
function shortcutTarget(): HTMLInputElement | null {
	const boxes = [...document.querySelectorAll<HTMLElement>('hc-search')];
	const order = ['page', 'hero', 'header'];
	const inView = (node: HTMLElement) => {
		const rect = node.getBoundingClientRect();
		return rect.bottom > 0 && rect.top < window.innerHeight;
	};
	const box = boxes
		.filter((b) => b.dataset['variant'] !== 'hero' || inView(b))
		.sort(
			(a, b) =>
				order.indexOf(a.dataset['variant'] ?? '') - order.indexOf(b.dataset['variant'] ?? ''),
		)[0];
	return box?.querySelector('input') ?? null;
}

function isEditable(target: EventTarget | null): boolean {
	return (
		target instanceof HTMLElement &&
		(target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
	);
}

document.addEventListener('keydown', (event) => {
	const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey;
	const commandK = event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey);
	if (!commandK && !(slash && !isEditable(event.target))) return;
	const input = shortcutTarget();
	if (!input) return;
	event.preventDefault();
	input.focus();
	input.select();
});

void highlightSearchedWords();
