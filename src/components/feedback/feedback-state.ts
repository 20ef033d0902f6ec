/** What the feedback widget's boot code (feedback-element.ts) and its actions share. */
import type { PluralForms } from '../islands/strings.ts';

/** The widget's visible state. */
export type FeedbackState = 'question' | 'yes' | 'no' | 'sent';

/**
 * The UI strings the widget receives in `data-strings` (templates keep `{{placeholders}}`; shown
 * with `translate()`, src/components/islands/strings.ts).
 */
export type FeedbackStrings = Record<
	'reasonsError' | 'captchaError' | 'counter' | 'sending' | 'submit' | 'error' | 'rateLimited',
	string
> & {
	/** "12 of 15 readers found this helpful", by the plural rules of the reader's language. */
	summary: PluralForms;
};

/** The "No" form's labels, fetched when a reader answers No (form-config.ts). */
export interface FeedbackFormConfig {
	legend: string;
	reasons: { value: string; label: string }[];
	/** The disclosure that holds the optional fields. */
	more: string;
	sectionLabel: string;
	sectionNone: string;
	commentLabel: string;
	commentHint: string;
	commentMax: number;
}

/** The answer remembered in localStorage, per article and language. */
export interface Remembered {
	vote: 'yes' | 'no';
	sent: boolean;
}

/** What the actions need from the element: its node, strings, memory and state switch. */
export interface FeedbackHost {
	element: HTMLElement;
	strings: FeedbackStrings;
	remember(value: Remembered): void;
	show(state: FeedbackState, focus: boolean): void;
}
