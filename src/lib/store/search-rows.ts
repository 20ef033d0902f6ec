import type { Locale } from '../../i18n/locales.ts';
import type { StoredSearch } from './store.ts';

/** A `search_log` row as both stores read it (SQLite gives the time as ISO text, PostgreSQL as a Date). */
export interface SearchRow {
	id: string;
	kind: StoredSearch['kind'];
	lang: Locale;
	query: string;
	results: number | null;
	detail: string | null;
	clicked_rank: number | null;
	created_at: string | Date;
}

/** The row as the report and the dashboard read it. */
export function toStoredSearch(row: SearchRow): StoredSearch {
	return {
		id: row.id,
		kind: row.kind,
		lang: row.lang,
		query: row.query,
		results: row.results,
		detail: row.detail,
		clickedRank: row.clicked_rank,
		createdAt: new Date(row.created_at),
	};
}
