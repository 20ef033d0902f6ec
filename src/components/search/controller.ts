import { linkStylesheet } from '../stylesheet.ts';
import { translate } from '../islands/strings.ts';
import type { SearchConfig } from './config.ts';
import { loadPagefind, search } from './engine.ts';
import { FilterControls } from './filter-controls.ts';
import { hasFilters, pagefindFilters } from './filters.ts';
import { QueryHistory, queryFromUrl, verbatimFromUrl } from './history.ts';
import { focusables, isTypingKey, nextIndex } from './keyboard.ts';
import {
	renderButton,
	renderCorrection,
	renderEmptyState,
	renderHit,
	renderMoreButton,
	renderShowAll,
} from './render.ts';
import { syncResultsPage } from './results-page.ts';
import { SearchLog } from './search-log.ts';
import type { SearchOutcome } from './types.ts';
import resultsCss from './results.css?url';

/** Wait after a keystroke before searching: short enough to feel instant, long enough to skip. */
const debounceMs = 80;
/** A search slower than this (a slow network fetching the index) says "Searching…". */
const slowMs = 500;
const limits = {
	// Rows of title and section (render.ts): six fit a phone's screen and a desktop's panel, and
	// each row is a download (its result data) on every search while the reader types.
	header: { results: 6, sections: 0, step: 0 },
	hero: { results: 6, sections: 0, step: 0 },
	page: { results: 10, sections: 3, step: 10 },
};

/**
 * Makes one `<hc-search>` box search as the reader types. Header and hero boxes show results in
 * a panel under the box; the results page shows them in the page and keeps the query in the URL.
 * Loaded only once a reader starts using a search box (see hc-search.ts).
 */
export class SearchController {
	readonly #host: HTMLElement;
	readonly #config: SearchConfig;
	readonly #form: HTMLFormElement;
	readonly #input: HTMLInputElement;
	readonly #panel: HTMLElement;
	readonly #status: HTMLElement;
	readonly #list: HTMLOListElement;
	readonly #extra: HTMLElement;
	/** The results page's category and provider filters. */
	readonly #filters: FilterControls;
	readonly #history = new QueryHistory();
	readonly #isPage: boolean;
	#limit: number;
	#timer: ReturnType<typeof setTimeout> | undefined;
	/** Sequence number of the latest search; an older one that finishes late is dropped. */
	#seq = 0;
	/** Stops the previous search from fetching result data once a newer one starts. */
	#abort: AbortController | undefined;
	#shown = '';
	/** The reader asked for the words as typed (the link under a corrected search). */
	#verbatim = false;
	/** "Showing results for …", above the results after a spelling correction. */
	readonly #note: HTMLElement;
	/** The words in the box when the results on screen were searched for. */
	#shownFor = '';
	/** A press inside the box is under way: the focus it moves must not close the panel. */
	#pressing = false;
	/** The results' stylesheet, fetched with search rather than with every page. */
	readonly #styled = linkStylesheet(resultsCss);
	/** Reports settled searches and opened results to the support team's search log. */
	readonly #log: SearchLog;
	/** The next results shown answer a deliberate act (Enter, a filter): they settle at once. */
	#settleNext = false;

	constructor(host: HTMLElement, config: SearchConfig) {
		this.#host = host;
		this.#config = config;
		this.#isPage = config.variant === 'page';
		this.#limit = limits[config.variant].results;
		const part = <T extends Element>(selector: string) => {
			const node = host.querySelector<T>(selector);
			if (!node) throw new Error(`<hc-search>: missing ${selector}`);
			return node;
		};
		this.#form = part('form');
		this.#input = part('input[type="search"]');
		this.#panel = part('[data-search-panel]');
		this.#status = part('[data-search-status]');
		this.#list = part('[data-search-results]');
		this.#extra = part('[data-search-extra]');
		this.#filters = new FilterControls(host, config.filters);
		this.#note = document.createElement('div');
		this.#list.before(this.#note);
		this.#log = new SearchLog(config.lang);
	}

	/** Wires the box up and, if it already holds a query, searches at once. */
	start(): void {
		// The reader is about to type: fetch Pagefind and the index metadata now, so the first
		// keystroke only waits for the search itself.
		loadPagefind({ worker: this.#isPage }).catch(() => undefined);
		this.#input.addEventListener('input', () => this.#schedule());
		this.#input.addEventListener('focus', () => this.#open());
		this.#host.addEventListener('keydown', (event) => this.#onKey(event));
		this.#host.addEventListener('focusout', (event) => this.#onFocusOut(event));
		this.#form.addEventListener('submit', (event) => this.#onSubmit(event));
		this.#host.addEventListener('pointerdown', () => (this.#pressing = true));
		document.addEventListener('pointerup', () => setTimeout(() => (this.#pressing = false)));
		this.#panel.addEventListener('click', (event) => {
			const link = (event.target as Element).closest('a');
			if (!link) return;
			this.#commit();
			const hit = link.closest('[data-search-results] > li');
			if (hit) this.#log.opened([...this.#list.children].indexOf(hit) + 1);
			// "All results", "search as typed", the other language: that page reports the search.
			else if (new URL(link.href, location.href).searchParams.has('q')) this.#log.drop();
			else this.#log.settle();
		});
		// A filter the reader chose before this code arrived (it started the search) is kept:
		// the selects have autocomplete="off", so no value is left over from an earlier visit.
		const chosenFirst = hasFilters(this.#filters.chosen());
		if (this.#isPage) {
			const fromUrl = queryFromUrl(new URL(location.href));
			if (fromUrl) this.#input.value = fromUrl;
			this.#verbatim = fromUrl !== '' && verbatimFromUrl(new URL(location.href));
			if (!chosenFirst) this.#filters.restore(new URL(location.href));
			this.#host.dataset['title'] = document.title;
			this.#history.start(this.#input.value.trim(), this.#filters.chosen(), this.#verbatim);
			window.addEventListener('popstate', () => {
				this.#input.value = queryFromUrl(new URL(location.href));
				this.#verbatim = verbatimFromUrl(new URL(location.href));
				this.#filters.restore(new URL(location.href));
				void this.#run(false);
			});
			this.#filters.onChange(() => this.#searchNow());
		}
		if (chosenFirst) this.#searchNow();
		else if (this.#input.value.trim() || hasFilters(this.#filters.chosen())) {
			void this.#run(this.#isPage);
		}
	}

	/** A deliberate act (Enter, a filter chosen): a committed history entry, searched at once. */
	#searchNow(): void {
		clearTimeout(this.#timer);
		this.#limit = limits[this.#config.variant].results;
		// Committed at once, not after the search: the reader may type on before it finishes.
		this.#history.show(this.#input.value.trim(), this.#filters.chosen(), this.#verbatim);
		this.#commit();
		this.#settleNext = true;
		void this.#run(false);
	}

	#schedule(): void {
		clearTimeout(this.#timer);
		// The reader typed on: a search still under way fetches no result data for old letters.
		this.#abort?.abort();
		// The reader is still typing: the results on screen are not the search they settle on.
		this.#log.drop();
		this.#verbatim = false;
		this.#limit = limits[this.#config.variant].results;
		this.#timer = setTimeout(() => void this.#run(this.#isPage), debounceMs);
	}

	async #run(updateUrl: boolean): Promise<void> {
		const query = this.#input.value.trim();
		const chosen = this.#filters.chosen();
		const seq = ++this.#seq;
		if (updateUrl) this.#history.show(query, chosen, this.#verbatim);
		this.#abort?.abort();
		if (!query && !hasFilters(chosen)) {
			this.#render(query, undefined);
			return;
		}
		const { sections } = limits[this.#config.variant];
		this.#abort = new AbortController();
		const { signal } = this.#abort;
		const slow = setTimeout(() => {
			if (seq === this.#seq) this.#status.textContent = this.#config.strings.loading;
		}, slowMs);
		let outcome: SearchOutcome;
		try {
			outcome = await search(query, {
				lang: this.#config.lang,
				synonyms: this.#config.synonyms,
				limit: this.#limit,
				sections,
				signal,
				verbatim: this.#verbatim,
				filters: this.#config.filters && pagefindFilters(chosen, this.#config.filters),
			});
		} catch (error) {
			if (seq !== this.#seq || signal.aborted) return;
			console.error('Search failed:', error);
			this.#status.textContent = this.#config.strings.unavailable;
			this.#list.replaceChildren();
			this.#extra.replaceChildren();
			this.#open();
			return;
		} finally {
			clearTimeout(slow);
		}
		await this.#styled;
		if (seq !== this.#seq) return;
		this.#render(query, outcome);
	}

	#render(typed: string, outcome: SearchOutcome | undefined): void {
		const { strings } = this.#config;
		const chosen = this.#filters.chosen();
		// Filters without words list what they select: "3 results for 'Gmail'".
		const query = typed || this.#filters.labels(chosen).join(' · ');
		this.#shown = query;
		this.#shownFor = typed;
		this.#host.toggleAttribute('data-has-query', query !== '');
		// Filters alone are browsing, not a search; an emptied box leaves nothing to report.
		if (outcome && typed) this.#log.shown(typed, outcome);
		else this.#log.drop();
		if (this.#settleNext) this.#log.settle();
		this.#settleNext = false;
		this.#list.replaceChildren(...(outcome?.hits ?? []).map((h) => renderHit(h, this.#config)));
		this.#extra.replaceChildren();
		this.#note.replaceChildren();
		if (outcome?.corrected && outcome.total > 0 && this.#config.strings.corrected) {
			this.#note.append(
				renderCorrection(outcome.corrected, typed, this.#config, (event) => this.#asTyped(event)),
			);
		}
		if (!outcome) {
			this.#status.textContent = '';
			this.#close();
		} else if (outcome.total === 0) {
			this.#status.textContent = translate(this.#config.locale, strings.noResults, { query });
			if (hasFilters(chosen)) {
				this.#extra.append(renderButton(strings.clearFilters, () => this.#clearFilters()));
			}
			this.#extra.append(renderEmptyState(query, this.#config));
		} else {
			const count = translate(this.#config.locale, strings.resultCount, {
				count: outcome.total,
				query: outcome.corrected ?? query,
			});
			this.#status.textContent =
				outcome.exact || outcome.corrected
					? count
					: `${translate(this.#config.locale, strings.approximate, { query })} ${count}`;
			this.#extra.append(
				this.#isPage ? this.#moreButton(outcome) : renderShowAll(query, this.#config),
			);
		}
		if (this.#isPage) {
			syncResultsPage(typed, chosen, this.#config, this.#host.dataset['title'] ?? '');
		} else if (outcome && this.#host.contains(document.activeElement)) this.#open();
		this.#host.dispatchEvent(
			new CustomEvent('hc-search:rendered', { detail: { query }, bubbles: true }),
		);
	}

	/** The "search instead for" link: on the results page, search again here. */
	#asTyped(event: MouseEvent): void {
		if (!this.#isPage) return; // header and hero boxes follow the link to the results page
		event.preventDefault();
		this.#verbatim = true;
		this.#searchNow();
		this.#input.focus();
	}

	#clearFilters(): void {
		this.#filters.clear();
		this.#searchNow();
		this.#input.focus();
	}

	#moreButton(outcome: SearchOutcome): Node {
		if (outcome.total <= outcome.hits.length) return document.createTextNode('');
		// #run answers its own failures (the "unavailable" message): nothing is left to reject.
		return renderMoreButton(this.#config.strings.showMore, () => void this.#more(outcome));
	}

	async #more(outcome: SearchOutcome): Promise<void> {
		const first = outcome.hits.length;
		this.#limit += limits.page.step;
		await this.#run(false);
		// Keep the keyboard where the new results start.
		this.#list.querySelectorAll<HTMLElement>('.hc-hit__link')[first]?.focus();
	}

	#open(): void {
		if (this.#isPage || !this.#shown) return;
		this.#panel.hidden = false;
	}

	#close(): void {
		if (!this.#isPage) this.#panel.hidden = true;
	}

	#commit(): void {
		if (this.#isPage) this.#history.commit();
	}

	#onSubmit(event: SubmitEvent): void {
		// Header and hero boxes submit to the results page as a plain GET form would.
		if (!this.#isPage) {
			// The results page reports this search itself.
			this.#log.drop();
			return;
		}
		event.preventDefault();
		this.#searchNow();
	}

	#onKey(event: KeyboardEvent): void {
		const items = focusables(this.#panel);
		const active = document.activeElement as HTMLElement | null;
		const current = active === this.#input ? -1 : items.indexOf(active as HTMLElement);
		if (event.key === 'Escape') {
			if (this.#isPage || this.#panel.hidden) return;
			event.preventDefault(); // a search field would also clear itself
			this.#log.settle();
			this.#close();
			this.#input.focus();
			return;
		}
		if (current === -1 && active !== this.#input) return;
		if (current >= 0 && isTypingKey(event)) {
			this.#input.focus(); // the character lands in the box
			return;
		}
		if (!this.#isPage && this.#panel.hidden) return;
		const next = nextIndex(event.key, current, items.length);
		if (next === undefined) return;
		event.preventDefault();
		if (current === -1 && next !== -1) this.#commit();
		if (current === -1 && next !== -1 && this.#shownFor !== this.#input.value.trim()) {
			// The results on screen are for fewer letters than the box holds (the search waits for
			// a pause in typing). Search now and go to the new results: a result focused now
			// would be replaced under the reader, and focus would fall back to the page.
			clearTimeout(this.#timer);
			void this.#run(this.#isPage).then(() => {
				if (this.#shownFor === this.#input.value.trim() && document.activeElement === this.#input) {
					focusables(this.#panel)[0]?.focus();
				}
			});
			return;
		}
		(next === -1 ? this.#input : items[next])?.focus();
	}

	#onFocusOut(event: FocusEvent): void {
		const to = event.relatedTarget as Node | null;
		if ((to && this.#host.contains(to)) || this.#pressing) return;
		this.#commit();
		this.#log.settle();
		this.#close();
	}
}
