/**
 * The field contract between the feedback widget and the API. The widget, the handler, the stores
 * and the report all import these lists, so a new reason is added here once.
 */

/** The two answers to "Was this article helpful?". */
export const votes = ['yes', 'no'] as const;

/** A reader's answer. */
export type Vote = (typeof votes)[number];

/**
 * Why an article did not help. The first four are Freshdesk's stock reasons (kept so reports stay
 * comparable with the old help center); the last three are the ones a how-to guide needs.
 */
export const reasons = [
	'more-information',
	'hard-to-understand',
	'inaccurate',
	'broken-link',
	'screen-differs',
	'step-failed',
	'translation',
] as const;

/** One of the fixed reason ids. */
export type Reason = (typeof reasons)[number];

/** Longest comment, in UTF-16 code units after trimming (what a textarea's `maxlength` counts). */
export const commentMaxLength = 1000;

/** Largest request body the API reads, in bytes. */
export const bodyMaxBytes = 16 * 1024;
