/**
 * The Searches section's CSV download: the same rows as `npm run feedback:report -- --searches
 * --format csv` (src/lib/search-log/format.ts), with a byte order mark so Excel reads the UTF-8
 * right.
 */
import { isoDate } from '../dates.ts';
import { searchesCsv as reportCsv } from '../search-log/format.ts';
import type { SearchSummary } from '../search-log/summary.ts';

export { queryStatus, searchesCsvHeader } from '../search-log/format.ts';

/** The download's body. */
export function searchesCsv(summary: Pick<SearchSummary, 'top' | 'finderDomains'>): string {
	return `\uFEFF${reportCsv(summary)}`;
}

/** The download's file name for a day. */
export const searchesCsvName = (now: Date) => `searches-${isoDate(now)}.csv`;
