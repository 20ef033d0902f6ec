/**
 * The "needs attention" score that orders the report and the dashboard.
 *
 * attention = No votes × the lower bound of the 95 % Wilson interval of the No share.
 *
 * The first factor puts the articles that let down the most readers first; the second weighs
 * that by how sure the votes make us that the article fails a real share of its readers. A lone
 * No (1 of 1) scores 0.21, 10 No of 20 votes 3.0, 10 of 100 only 0.55, 50 of 1000 1.9: many
 * readers and a high, well-supported No share both push an article up.
 */

/**
 * The score in one line, as the report prints it and the dashboard's English intro says it
 * (a unit test keeps the two the same): both score each article in each language on its own.
 */
export const attentionDefinition =
	'attention per article and language = No votes × lower bound of the 95% Wilson interval of the No share';

/** z for a two-sided 95 % interval. */
const z = 1.959964;

/**
 * Lower bound of the Wilson score interval for `hits` successes in `total` trials (0 when
 * there are no trials). Unlike the plain share it stays low while the sample is small.
 */
export function wilsonLowerBound(hits: number, total: number): number {
	if (total <= 0) return 0;
	const p = hits / total;
	const z2 = z * z;
	const centre = p + z2 / (2 * total);
	const spread = z * Math.sqrt((p * (1 - p) + z2 / (4 * total)) / total);
	return Math.max(0, (centre - spread) / (1 + z2 / total));
}

/** The attention score of an article with `no` No votes out of `total` votes (see above). */
export function attentionScore(no: number, total: number): number {
	return no * wilsonLowerBound(no, total);
}
