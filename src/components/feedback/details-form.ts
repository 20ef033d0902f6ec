/**
 * Builds the "No" form from its labels (form-config.ts) and the article's sections, in the
 * browser, when a reader answers No. The reasons come first; the optional fields sit in a
 * disclosure, so the form asks one question at a time.
 */
import { interpolate } from '../islands/strings.ts';
import type { FeedbackFormConfig } from './feedback-state.ts';

type Attributes = Record<string, string | number | boolean>;

function node<K extends keyof HTMLElementTagNameMap>(
	tag: K,
	attributes: Attributes = {},
	...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
	const element = document.createElement(tag);
	for (const [name, value] of Object.entries(attributes)) {
		if (value === false) continue;
		element.setAttribute(name, value === true ? '' : String(value));
	}
	element.append(...children);
	return element;
}

/** The article's own sections: its h2 headings with an id, as the server knows them. */
export function articleSections(): { slug: string; text: string }[] {
	return [...document.querySelectorAll<HTMLHeadingElement>('.hc-prose h2[id]')].map((h) => ({
		slug: h.id,
		text: (h.textContent ?? '').trim(),
	}));
}

export function buildDetailsForm(
	config: FeedbackFormConfig,
	sections: { slug: string; text: string }[],
	counter: string,
	submit: string,
): HTMLFormElement {
	const reasons = node(
		'fieldset',
		{ class: 'hc-feedback__reasons', 'aria-describedby': 'feedback-reasons-error' },
		node('legend', {}, config.legend),
		...config.reasons.map((r) =>
			node(
				'label',
				{},
				node('input', { type: 'checkbox', name: 'reasons', value: r.value }),
				r.label,
			),
		),
		node('p', { id: 'feedback-reasons-error', class: 'hc-feedback__error', hidden: true }),
	);
	const more = node('details', { class: 'hc-feedback__more' }, node('summary', {}, config.more));
	if (sections.length > 0) {
		more.append(
			node(
				'p',
				{ class: 'hc-feedback__field' },
				node('label', { for: 'feedback-section' }, config.sectionLabel),
				node(
					'select',
					{ class: 'hc-field', id: 'feedback-section', name: 'section' },
					node('option', { value: '' }, config.sectionNone),
					...sections.map((s) => node('option', { value: s.slug }, s.text)),
				),
			),
		);
	}
	more.append(
		node(
			'p',
			{ class: 'hc-feedback__field' },
			node('label', { for: 'feedback-comment' }, config.commentLabel),
			node('textarea', {
				class: 'hc-field',
				id: 'feedback-comment',
				name: 'comment',
				rows: 4,
				maxlength: config.commentMax,
				'aria-describedby': 'feedback-comment-hint feedback-comment-counter',
			}),
			node('span', { id: 'feedback-comment-hint', class: 'hc-feedback__hint' }, config.commentHint),
			node(
				'span',
				{ id: 'feedback-comment-counter', class: 'hc-feedback__hint', 'aria-live': 'polite' },
				interpolate(counter, { used: 0, max: config.commentMax }),
			),
		),
	);
	return node(
		'form',
		{ class: 'hc-feedback__details', novalidate: true },
		reasons,
		more,
		node('div', { class: 'hc-feedback__captcha', 'aria-describedby': 'feedback-captcha-error' }),
		node('p', { id: 'feedback-captcha-error', class: 'hc-feedback__error', hidden: true }),
		node('button', { class: 'hc-button', type: 'submit' }, submit),
	);
}
