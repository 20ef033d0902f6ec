/**
 * The "No" form's labels (build time): one file per language (`/<lang>/feedback-form.json`),
 * fetched when a reader answers No, so articles do not carry a form most readers never open.
 */
import { uiStrings } from '../../i18n/translations.ts';
import { commentMaxLength, reasons } from '../../lib/feedback/contract.ts';
import { perLanguageJson } from '../versioned-json.ts';
import type { FeedbackFormConfig } from './feedback-state.ts';

export const feedbackFormFile = perLanguageJson(
	'feedback-form.json',
	(lang): FeedbackFormConfig => {
		const ui = uiStrings(lang);
		return {
			legend: ui['feedback.reasonsLegend'],
			reasons: reasons.map((value) => ({ value, label: ui[`feedback.reason.${value}`] })),
			more: ui['feedback.more'],
			sectionLabel: ui['feedback.sectionLabel'],
			sectionNone: ui['feedback.sectionNone'],
			commentLabel: ui['feedback.commentLabel'],
			commentHint: ui['feedback.commentHint'],
			commentMax: commentMaxLength,
		};
	},
);
