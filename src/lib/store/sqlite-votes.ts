/**
 * The SQLite store's vote rows: the upsert, run inside the store's transaction, and the row as the
 * support report reads it (src/lib/store/sqlite.ts).
 */
import type { SQLInputValue } from 'node:sqlite';
import type { Locale } from '../../i18n/locales.ts';
import type { Reason, Vote } from '../feedback/contract.ts';
import type { StoredVote, VoteInput } from './store.ts';

/** A row as `node:sqlite` returns it. */
export type Row = Record<string, unknown>;

/** Runs one prepared statement of the store and returns its rows. */
type Run = (sql: string, ...params: SQLInputValue[]) => Row[];

/** Inserts the vote, or updates the visitor's row for this article and language. */
export function writeVote(run: Run, vote: VoteInput, at: string): 'created' | 'updated' {
	const values = [
		vote.articleUpdated,
		vote.vote,
		JSON.stringify(vote.reasons),
		vote.comment,
		vote.section,
		at,
	];
	if (vote.visitorHash !== null) {
		// max(): overlapping requests can commit in the other order than they arrived in; the
		// row then holds the last commit's values, and its times still never run backwards.
		const updated = run(
			`UPDATE votes SET article_updated = ?, vote = ?, reasons = ?, comment = ?, section = ?,
				updated_at = max(updated_at, ?)
			WHERE article = ? AND lang = ? AND visitor_hash = ? RETURNING id`,
			...values,
			vote.article,
			vote.lang,
			vote.visitorHash,
		);
		if (updated.length > 0) return 'updated';
	}
	run(
		`INSERT INTO votes (article_updated, vote, reasons, comment, section, updated_at, article, lang, visitor_hash, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		...values,
		vote.article,
		vote.lang,
		vote.visitorHash,
		at,
	);
	return 'created';
}

/** A `votes` row as the report reads it. */
export function toStoredVote(row: Row): StoredVote {
	return {
		id: Number(row['id']),
		article: String(row['article']),
		lang: row['lang'] as Locale,
		articleUpdated: String(row['article_updated']),
		vote: row['vote'] as Vote,
		reasons: JSON.parse(String(row['reasons'])) as Reason[],
		comment: row['comment'] as string | null,
		section: row['section'] as string | null,
		visitorHash: row['visitor_hash'] as string | null,
		createdAt: new Date(String(row['created_at'])),
		updatedAt: new Date(String(row['updated_at'])),
	};
}
