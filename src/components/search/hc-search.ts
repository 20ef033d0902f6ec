/**
 * `<hc-search>`: the part of search that every page loads. It is tiny on purpose: the search code
 * and Pagefind's index are fetched only when a reader focuses or uses a search box, and the
 * shortcuts `/` and Ctrl/Cmd+K bring the focus there. Without JavaScript the box is a plain GET
 * form to the results page.
 */
import type { SearchConfig, SearchVariant, SharedSearchConfig } from './config.ts';
import { filterNames } from './filters.ts';
import { highlightSearchedWords } from './highlight.ts';

/**
 * The language's search settings (search-config.ts); one request, shared by every box on the page.
 * Declared before the element: defining it upgrades the boxes already in the page at once.
 */
const configs = new Map<string, Promise<SharedSearchConfig>>();
function fetchConfig(url: string): Promise<SharedSearchConfig> {
	let pending = configs.get(url);
	if (!pending) {
		pending = fetch(url).then(async (response) => {
			if (!response.ok) throw new Error(`${url}: ${response.status}`);
			return (await response.json()) as SharedSearchConfig;
		});
		// A failure is not remembered, so a later start can try again.
		pending.catch(() => configs.delete(url));
		configs.set(url, pending);
	}
	return pending;
}

class HcSearch extends HTMLElement {
	#started = false;

	connectedCallback(): void {
		const input = this.querySelector('input');
		if (!input) return;
		const start = () => void this.#start();
		// Not `once`: after a failed start (offline) the next focus tries again; a started box ignores them.
		input.addEventListener('focus', start);
		input.addEventListener('input', start);
		// A filter chosen first (the results page); the controller reads its value as it starts.
		this.addEventListener('change', start);
		// A results page opened with a search (shared link, GET form, back button) searches at once.
		const params = new URLSearchParams(location.search);
		if (this.dataset['variant'] === 'page' && ['q', ...filterNames].some((p) => params.get(p))) {
			start();
		}
	}

	async #start(): Promise<void> {
		if (this.#started) return;
		this.#started = true;
		try {
			const [shared, { SearchController }] = await Promise.all([
				fetchConfig(this.dataset['configSrc'] ?? ''),
				import('./controller.ts'),
			]);
			const variant = (this.dataset['variant'] ?? 'header') as SearchVariant;
			const config: SearchConfig = { ...shared, variant };
			// Only the results page has filter controls to drive, and a correction note (the
			// header's status names the corrected words itself).
			if (variant !== 'page') {
				delete config.filters;
				const { corrected: _c, searchAsTyped: _s, ...strings } = shared.strings;
				config.strings = strings;
			}
			new SearchController(this, config).start();
		} catch {
			// Offline or a failed deploy: the box stays the plain form to the results page, and the
			// next focus tries again.
			this.#started = false;
		}
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
