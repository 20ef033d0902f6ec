/** The dashboard's CSV download: the votes behind what it shows, one row per vote. */
import { isoDate } from '../dates.ts';
import { toCsv } from '../votes/csv.ts';
import type { ArticleInfo } from './dashboard.ts';
import type { VoteRecord } from '../votes/summary.ts';

/** Columns of the download; no visitor hash, which would only help to link votes together. */
export const votesCsvHeader = [
	'date',
	'article',
	'lang',
	'title',
	'vote',
	'reasons',
	'stuck_at',
	'comment',
	'article_version',
] as const;

/**
 * The votes as CSV, newest first, with a byte order mark so Excel reads the UTF-8 (é, ë) right.
 * Every text cell goes through the formula guard of `csv.ts`.
 */
export function votesCsv(votes: readonly VoteRecord[], articles: readonly ArticleInfo[]): string {
	const titles = new Map(articles.map((a) => [`${a.lang}/${a.slug}`, a.title]));
	const sections = new Map(articles.map((a) => [`${a.lang}/${a.slug}`, a.sections]));
	const rows = [...votes]
		.sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime())
		.map((v) => [
			v.updatedAt.toISOString(),
			v.article,
			v.lang,
			titles.get(`${v.lang}/${v.article}`) ?? '',
			v.vote,
			v.reasons.join('; '),
			v.section ? (sections.get(`${v.lang}/${v.article}`)?.get(v.section) ?? v.section) : '',
			v.comment,
			v.articleUpdated,
		]);
	return `\uFEFF${toCsv(votesCsvHeader, rows)}`;
}

/** The download's file name for a day. */
export const votesCsvName = (now: Date) => `feedback-${isoDate(now)}.csv`;
