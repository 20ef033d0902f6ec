/**
 * Turns stored votes into per-article figures for the support report and the dashboard. Pure:
 * the callers read the votes from the store and pass them in.
 */
import { locales, type Locale } from '../../i18n/locales.ts';
import type { Reason } from '../feedback/contract.ts';
import type { StoredVote } from '../store/store.ts';
import { attentionScore } from './score.ts';

/** The vote fields the figures need (a `StoredVote` has them all). */
export type VoteRecord = Pick<
	StoredVote,
	'article' | 'lang' | 'articleUpdated' | 'vote' | 'reasons' | 'comment' | 'section' | 'updatedAt'
>;

/** Yes and No votes and their total. */
export interface Tally {
	votes: number;
	yes: number;
	no: number;
}

/** How often one value (a reason, a section) was chosen. */
export interface Count<T extends string = string> {
	value: T;
	count: number;
}

/** A comment a reader left, with what they ticked. */
export interface ReportComment {
	text: string;
	/** When the vote was last changed (a reader may change their answer). */
	at: Date;
	reasons: Reason[];
	section: string | null;
	lang: Locale;
}

/** Votes cast while the article had one `updated` date: a revision. */
export interface RevisionTally extends Tally {
	/** The article's `updated` date at the time of the votes (`YYYY-MM-DD`). */
	articleUpdated: string;
}

/** The figures of one article in one language. */
export interface ArticleStats extends Tally {
	article: string;
	lang: Locale;
	/** See `score.ts`; higher needs attention sooner. */
	attention: number;
	/** Reasons of No votes, most chosen first. */
	reasons: Count<Reason>[];
	/** "Where did you get stuck" sections (h2 ids), most chosen first. */
	sections: Count[];
	/** Newest first, at most `commentLimit`. */
	comments: ReportComment[];
	/** Newest revision first. */
	revisions: RevisionTally[];
	/** The newest vote. */
	lastVoteAt: Date;
}

/** Options for {@link summarizeVotes}. */
export interface SummaryOptions {
	/** Newest comments kept per article and language (default 3). */
	commentLimit?: number;
}

/** Percentage of Yes votes, rounded to a whole number; null without votes. */
export function helpfulPercent(tally: Tally): number | null {
	return tally.votes === 0 ? null : Math.round((tally.yes / tally.votes) * 100);
}

/** Adds one vote to a tally (mutates it). */
function count(tally: Tally, vote: VoteRecord['vote']): void {
	tally.votes += 1;
	tally[vote] += 1;
}

/** Values with their counts, most first; ties alphabetically, so output is stable. */
function ranked<T extends string>(counts: Map<T, number>): Count<T>[] {
	return [...counts]
		.map(([value, n]) => ({ value, count: n }))
		.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

function increment<T>(map: Map<T, number>, key: T): void {
	map.set(key, (map.get(key) ?? 0) + 1);
}

/**
 * Orders article figures by "needs attention": the attention score, then the most No votes,
 * then the most votes; ties by article id and language, so the order is stable.
 */
export function byAttention(a: ArticleStats, b: ArticleStats): number {
	return (
		b.attention - a.attention ||
		b.no - a.no ||
		b.votes - a.votes ||
		a.article.localeCompare(b.article) ||
		locales.indexOf(a.lang) - locales.indexOf(b.lang)
	);
}

/** Figures per article and language, sorted by {@link byAttention}. */
export function summarizeVotes(
	votes: Iterable<VoteRecord>,
	options: SummaryOptions = {},
): ArticleStats[] {
	const commentLimit = options.commentLimit ?? 3;
	const groups = new Map<string, VoteRecord[]>();
	for (const vote of votes) {
		const key = `${vote.lang}/${vote.article}`;
		const group = groups.get(key);
		if (group) group.push(vote);
		else groups.set(key, [vote]);
	}
	return [...groups.values()].map((group) => statsOf(group, commentLimit)).sort(byAttention);
}

/** The figures of one article-language group (at least one vote). */
function statsOf(group: VoteRecord[], commentLimit: number): ArticleStats {
	const first = group[0]!;
	const tally: Tally = { votes: 0, yes: 0, no: 0 };
	const reasons = new Map<Reason, number>();
	const sections = new Map<string, number>();
	const revisions = new Map<string, RevisionTally>();
	let lastVoteAt = first.updatedAt;
	for (const vote of group) {
		count(tally, vote.vote);
		for (const reason of vote.reasons) increment(reasons, reason);
		if (vote.section) increment(sections, vote.section);
		let revision = revisions.get(vote.articleUpdated);
		if (!revision) {
			revision = { articleUpdated: vote.articleUpdated, votes: 0, yes: 0, no: 0 };
			revisions.set(vote.articleUpdated, revision);
		}
		count(revision, vote.vote);
		if (vote.updatedAt > lastVoteAt) lastVoteAt = vote.updatedAt;
	}
	const comments = group
		.filter((vote) => vote.comment)
		.sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime())
		.slice(0, commentLimit)
		.map((vote) => ({
			text: vote.comment!,
			at: vote.updatedAt,
			reasons: vote.reasons,
			section: vote.section,
			lang: vote.lang,
		}));
	return {
		article: first.article,
		lang: first.lang,
		...tally,
		attention: attentionScore(tally.no, tally.votes),
		reasons: ranked(reasons),
		sections: ranked(sections),
		comments,
		revisions: [...revisions.values()].sort((a, b) =>
			b.articleUpdated.localeCompare(a.articleUpdated),
		),
		lastVoteAt,
	};
}
