/** What the feedback widget's boot code (feedback-element.ts) and its actions share. */

/** The widget's visible state. */
export type FeedbackState = 'question' | 'yes' | 'no' | 'sent';

/** The UI strings the widget receives in `data-strings` (templates keep `{{placeholders}}`). */
export type FeedbackStrings = Record<
	| 'reasonsError'
	| 'captchaError'
	| 'counter'
	| 'sending'
	| 'submit'
	| 'error'
	| 'rateLimited'
	| 'summaryOne'
	| 'summaryOther',
	string
>;

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

/** Fills `{{name}}` placeholders. */
export const fill = (template: string, values: Record<string, string | number>) =>
	template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''));
