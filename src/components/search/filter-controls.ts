import {
	filterNames,
	filtersFromUrl,
	pagefindFilters,
	type ChosenFilters,
	type FilterName,
	type FilterOptions,
} from './filters.ts';

/** The `<select>`s of the results page's filters (src/components/search/SearchFilters.astro). */
export class FilterControls {
	readonly #selects: { name: FilterName; select: HTMLSelectElement }[];
	readonly #options: FilterOptions | undefined;

	constructor(host: HTMLElement, options: FilterOptions | undefined) {
		this.#options = options;
		this.#selects = [...host.querySelectorAll<HTMLSelectElement>('select[data-filter]')].flatMap(
			(select) => {
				const name = filterNames.find((n) => n === select.dataset['filter']);
				return name ? [{ name, select }] : [];
			},
		);
	}

	/** Calls `listener` when the reader chooses another value. */
	onChange(listener: () => void): void {
		for (const { select } of this.#selects) select.addEventListener('change', listener);
	}

	/** The ids the reader has chosen. */
	chosen(): ChosenFilters {
		const chosen: ChosenFilters = {};
		for (const { name, select } of this.#selects) if (select.value) chosen[name] = select.value;
		return chosen;
	}

	/** Sets the filters to what a URL says, or to none (ids the page does not offer are dropped). */
	restore(url: URL): void {
		const chosen = this.#options ? filtersFromUrl(url, this.#options) : {};
		for (const { name, select } of this.#selects) select.value = chosen[name] ?? '';
	}

	/** Chooses no filter. */
	clear(): void {
		for (const { select } of this.#selects) select.value = '';
	}

	/** The labels of the chosen values, as the page shows them ("Gmail"), in filter order. */
	labels(chosen: ChosenFilters): string[] {
		return this.#options ? Object.values(pagefindFilters(chosen, this.#options) ?? {}) : [];
	}
}
