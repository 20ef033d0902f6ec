/**
 * The "No" form's labels (build time): one file per language (`/<lang>/feedback-form.json`),
 * fetched when a reader answers No, so articles do not carry a form most readers never open.
 */
import type { Locale } from '../../i18n/locales.ts';
import { uiStrings } from '../../i18n/translations.ts';
import { commentMaxLength, reasons } from '../../lib/feedback/contract.ts';
import { versionedJson, type VersionedJson } from '../versioned-json.ts';
import type { FeedbackFormConfig } from './feedback-state.ts';

const made = new Map<Locale, VersionedJson<FeedbackFormConfig>>();

export function feedbackFormFile(lang: Locale): VersionedJson<FeedbackFormConfig> {
	let file = made.get(lang);
	if (!file) {
		const ui = uiStrings(lang);
		file = versionedJson(`/${lang}/feedback-form.json`, {
			legend: ui['feedback.reasonsLegend'],
			reasons: reasons.map((value) => ({ value, label: ui[`feedback.reason.${value}`] })),
			more: ui['feedback.more'],
			sectionLabel: ui['feedback.sectionLabel'],
			sectionNone: ui['feedback.sectionNone'],
			commentLabel: ui['feedback.commentLabel'],
			commentHint: ui['feedback.commentHint'],
			commentMax: commentMaxLength,
		});
		made.set(lang, file);
	}
	return file;
}
