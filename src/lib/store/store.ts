import type { Locale } from '../../i18n/locales.ts';
import type { Reason, Vote } from '../feedback/contract.ts';

/** A vote to save. One row per visitor, article and language: saving again replaces it. */
export interface VoteInput {
	article: string;
	lang: Locale;
	/** The article's `updated` date when the vote was cast (`YYYY-MM-DD`). */
	articleUpdated: string;
	vote: Vote;
	reasons: readonly Reason[];
	comment: string | null;
	section: string | null;
	/** Keyed hash of the visitor id; null (no-JS form) stores a row of its own every time. */
	visitorHash: string | null;
	/** When the vote arrived. */
	at: Date;
}

/** A solved captcha that must not be accepted again. */
export interface UsedChallenge {
	/** The challenge's signed nonce. */
	id: string;
	/** Past this the challenge is refused anyway, so the record may be dropped. */
	expiresAt: Date;
}

/** What {@link FeedbackStore.saveVote} did. */
export type SaveResult = 'created' | 'updated' | 'replayed';

/** A rate-limit counter to count in a vote's transaction, and the most hits it allows. */
export interface RateHit {
	bucket: string;
	windowSeconds: number;
	max: number;
}

/**
 * What {@link FeedbackStore.submitVote} did: saved (or found the captcha replayed), or refused
 * the vote because `hit` went past its limit; its window ends at `resetAt`.
 */
export type SubmitResult = { saved: SaveResult } | { limited: RateHit; resetAt: Date };

/** A stored vote, as the support report reads it. */
export interface StoredVote extends Omit<VoteInput, 'at' | 'reasons'> {
	id: number;
	reasons: Reason[];
	createdAt: Date;
	updatedAt: Date;
}

/** Filters for {@link FeedbackStore.listVotes}; all optional. */
export interface VoteFilter {
	/** Only votes created or changed at or after this moment. */
	since?: Date;
	lang?: Locale;
	article?: string;
	/** At most this many, newest first (default 1000). */
	limit?: number;
}

/** Yes and no counts. */
export interface VoteCounts {
	yes: number;
	no: number;
}

/** A fixed-window counter after one more hit. */
export interface RateCount {
	/** Hits in the current window, this one included. */
	count: number;
	/** When the current window ends. */
	resetAt: Date;
}

/** What a search-log row is about: a reader's settled search, or a domain the finder did not know. */
export type SearchLogKind = 'search' | 'finder';

/** A search-log row to save; everything in it is already normalised and masked. */
export interface SearchLogEntry {
	/** A random id (UUID) made by the browser for a search, so its click names it; made here for the finder. */
	id: string;
	kind: SearchLogKind;
	lang: Locale;
	/** The normalised, masked query (search) or the domain (finder), at most 100 characters. */
	query: string;
	/** How many articles the search found; null for the finder. */
	results: number | null;
	/** Search: `none`, `corrected` or `partial` (a looser search was used); finder: why no provider matched. */
	detail: string | null;
	at: Date;
}

/** A write to the search log: a new row, or the rank of the first result opened from one. */
export type SearchLogWrite =
	{ kind: 'entry'; entry: SearchLogEntry } | { kind: 'click'; id: string; rank: number; at: Date };

/**
 * What {@link FeedbackStore.writeSearchLog} did: `saved` is false when nothing changed (an id
 * seen before, a click on an unknown row or on one already clicked).
 */
export type SearchLogResult = { saved: boolean } | { limited: RateHit; resetAt: Date };

/** A stored search-log row. */
export interface StoredSearch extends Omit<SearchLogEntry, 'at'> {
	clickedRank: number | null;
	createdAt: Date;
}

/** Filters for {@link FeedbackStore.listSearches}; all optional. */
export interface SearchFilter {
	/** Only rows created at or after this moment. */
	since?: Date;
	lang?: Locale;
	kind?: SearchLogKind;
	/** At most this many, newest first (default 100,000). */
	limit?: number;
}

/**
 * Where feedback lives: SQLite (`node:sqlite`, the default) or PostgreSQL. Rate limits and
 * used captchas live here too, never in process memory, so they hold across serverless
 * instances. Every method rejects on a storage error; none swallows one.
 */
export interface FeedbackStore {
	/** `sqlite` or `postgres`, for logs and tests. */
	readonly kind: 'sqlite' | 'postgres';
	/** Brings the schema up to date; safe to run twice and from two processes at once. */
	migrate(): Promise<void>;
	/**
	 * Saves a vote, committed before the promise resolves. With `challenge`, records it as used in
	 * the same transaction and returns `replayed` (saving nothing) when it was used before.
	 */
	saveVote(vote: VoteInput, challenge?: UsedChallenge): Promise<SaveResult>;
	/**
	 * Counts `hits` (in order, at `vote.at`) and, while every count stays within its `max`, saves
	 * the vote as {@link saveVote} does: all in one write transaction (SQLite, where votes that
	 * arrive together share one, each in its own savepoint) or one statement
	 * (PostgreSQL), committed before the promise resolves. Counting stops at the first hit past
	 * its limit. The counts made are committed whatever the outcome, so a refused vote (over a
	 * limit, or a replayed captcha) still counts against the limits.
	 */
	submitVote(
		vote: VoteInput,
		hits: readonly RateHit[],
		challenge?: UsedChallenge,
	): Promise<SubmitResult>;
	/** Counts one hit on `bucket` in the fixed window of `windowSeconds` that contains `now`. */
	hit(bucket: string, windowSeconds: number, now: Date): Promise<RateCount>;
	/** Yes/no counts for an article, in one language or (without `lang`) all of them. */
	counts(article: string, lang?: Locale): Promise<VoteCounts>;
	/** Votes for the support report, newest change first. */
	listVotes(filter?: VoteFilter): Promise<StoredVote[]>;
	/**
	 * Counts `hits` (in order, at the write's time) and, while every count stays within its `max`,
	 * applies `write`: all in one transaction. As with {@link submitVote}, the counts are committed
	 * whatever the outcome.
	 */
	writeSearchLog(write: SearchLogWrite, hits: readonly RateHit[]): Promise<SearchLogResult>;
	/** Search-log rows for the report and the dashboard, newest first. */
	listSearches(filter?: SearchFilter): Promise<StoredSearch[]>;
	/** Deletes search-log rows created before `before`; resolves to how many went. */
	purgeSearches(before: Date): Promise<number>;
	/** Closes connections. */
	close(): Promise<void>;
}
