/** Votes per calendar week (ISO weeks: Monday to Sunday, in UTC), for the dashboard's chart. */
import { isoDate } from '../dates.ts';
import type { Tally, VoteRecord } from '../votes/summary.ts';

/** Yes and No votes in the week starting on `week` (a Monday, `YYYY-MM-DD`). */
export interface WeekTally extends Tally {
	week: string;
}

const dayMs = 86_400_000;

/** Midnight UTC of the Monday on or before `date`. */
export function weekStart(date: Date): Date {
	const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
	const sinceMonday = (day.getUTCDay() + 6) % 7;
	return new Date(day.getTime() - sinceMonday * dayMs);
}

/**
 * One entry per week from the week of `from` to the week of `to`, weeks without votes
 * included (a gap in the chart is information too). Votes outside the range are left out.
 */
export function weeklyTallies(votes: Iterable<VoteRecord>, from: Date, to: Date): WeekTally[] {
	const first = weekStart(from).getTime();
	const last = weekStart(to).getTime();
	const weeks: WeekTally[] = [];
	for (let t = first; t <= last; t += 7 * dayMs) {
		weeks.push({ week: isoDate(new Date(t)), votes: 0, yes: 0, no: 0 });
	}
	for (const vote of votes) {
		const index = Math.floor((weekStart(vote.updatedAt).getTime() - first) / (7 * dayMs));
		const week = weeks[index];
		if (!week || index < 0) continue;
		week.votes += 1;
		week[vote.vote] += 1;
	}
	return weeks;
}
