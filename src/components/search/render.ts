import { translate } from '../islands/strings.ts';
import type { SearchConfig } from './config.ts';
import { searchPageUrl } from './paths.ts';
import type { ExcerptPart, SearchHit } from './types.ts';

/** Creates an element with a class and children; text is always set as text, never as HTML. */
function el<K extends keyof HTMLElementTagNameMap>(
	tag: K,
	className: string,
	...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
	const node = document.createElement(tag);
	if (className) node.className = className;
	node.append(...children);
	return node;
}

function link(href: string, className: string, ...children: (Node | string)[]): HTMLAnchorElement {
	const a = el('a', className, ...children);
	a.href = href;
	return a;
}

/** An excerpt with its matched words in `<mark>`. */
export function renderExcerpt(parts: readonly ExcerptPart[], className: string): HTMLElement {
	return el(
		'p',
		className,
		...parts.map((part) => (part.mark ? el('mark', '', part.text) : part.text)),
	);
}

/** One result: the title links to the best place, matching sections are listed below it. */
export function renderHit(hit: SearchHit, config: SearchConfig): HTMLLIElement {
	const title = link(hit.url, 'hc-hit__link', el('span', 'hc-hit__title', hit.title));
	if (hit.section) title.append(el('span', 'hc-hit__section', hit.section));
	const item = el('li', 'hc-hit', title);
	// A dropdown under a box lists rows of title and section; excerpts are the results page's.
	if (config.variant !== 'page') return item;
	if (hit.category) item.append(el('p', 'hc-hit__category', hit.category));
	if (hit.excerpt.length > 0) item.append(renderExcerpt(hit.excerpt, 'hc-hit__excerpt'));
	if (hit.sections.length > 0) {
		const list = el('ul', 'hc-hit__sections');
		list.setAttribute('aria-label', config.strings.sectionsLabel);
		for (const section of hit.sections) {
			list.append(
				el(
					'li',
					'',
					link(section.url, 'hc-hit__sublink', section.title),
					renderExcerpt(section.excerpt, 'hc-hit__subexcerpt'),
				),
			);
		}
		item.append(list);
	}
	return item;
}

/**
 * What a reader sees when nothing matches: the provider guides most readers come for, the same
 * search in the other language, and the way to support.
 */
export function renderEmptyState(query: string, config: SearchConfig): HTMLElement {
	const { strings } = config;
	const box = el('div', 'hc-search-empty');
	box.append(
		el('p', 'hc-search-empty__lead', translate(config.locale, strings.noResults, { query })),
	);
	box.append(el('p', 'hc-search-empty__hint', strings.emptyHint));
	if (config.suggestions.length > 0) {
		const headingId = `hc-search-popular-${config.variant}`;
		const heading = el('p', 'hc-search-empty__heading', strings.popularHeading);
		heading.id = headingId;
		const list = el('ul', 'hc-search-empty__list');
		list.setAttribute('aria-labelledby', headingId);
		for (const s of config.suggestions) list.append(el('li', '', link(s.url, '', s.title)));
		box.append(heading, list);
	}
	const other = new URL(config.otherLanguageUrl, window.location.origin);
	other.searchParams.set('q', query);
	box.append(
		el(
			'p',
			'',
			link(
				other.pathname + other.search,
				'',
				translate(config.locale, strings.otherLanguage, { query }),
			),
		),
		el('p', '', `${strings.contactLead} `, link(config.supportUrl, '', strings.contactLink)),
	);
	return box;
}

/**
 * "Showing results for *gmail*" after a spelling correction, with a link that searches the
 * words as typed instead (`onFollow` may handle it in place).
 */
export function renderCorrection(
	corrected: string,
	typed: string,
	config: SearchConfig,
	onFollow: (event: MouseEvent) => void,
): HTMLElement {
	const { corrected: template = '{{query}}', searchAsTyped = '{{query}}' } = config.strings;
	const [before = '', after = ''] = template.split('{{query}}');
	const asTyped = link(
		searchPageUrl(config.lang, typed, true),
		'',
		translate(config.locale, searchAsTyped, { query: typed }),
	);
	asTyped.addEventListener('click', onFollow);
	return el('p', 'hc-search__corrected', before, el('em', '', corrected), after, ' ', asTyped);
}

/** The "all results" link under a header or hero dropdown. */
export function renderShowAll(query: string, config: SearchConfig): HTMLElement {
	return el(
		'p',
		'hc-search__all',
		link(
			searchPageUrl(config.lang, query),
			'',
			translate(config.locale, config.strings.showAll, { query }),
		),
	);
}

/** A button of the results page, such as "search without filters". */
export function renderButton(
	label: string,
	onClick: () => void,
	className = 'hc-button hc-search__action',
): HTMLButtonElement {
	const button = el('button', className, label);
	button.type = 'button';
	button.addEventListener('click', onClick);
	return button;
}

/** The results page's "more results" button. */
export function renderMoreButton(label: string, onClick: () => void): HTMLButtonElement {
	return renderButton(label, onClick, 'hc-button hc-search__more');
}
