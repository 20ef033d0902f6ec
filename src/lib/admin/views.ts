/**
 * What the dashboard page renders: the handler decides it (status, headers, language and which
 * view), `src/pages/admin/feedback.astro` only turns it into HTML.
 */
import type { Locale } from '../../i18n/locales.ts';
import type { Dashboard } from './dashboard.ts';
import type { AdminFilters, FilterError } from './filters.ts';
import type { SearchSection } from './searches.ts';

/** Why the last sign-in failed. */
export type LoginError = { kind: 'wrong' } | { kind: 'rate-limited'; minutes: number };

/** One of the page's views. */
export type AdminPage =
	| { kind: 'not-found' }
	| { kind: 'unavailable' }
	/** `action`: where the form posts (this view's URL, language and filters kept). */
	| { kind: 'login'; action: string; error?: LoginError }
	| {
			kind: 'dashboard';
			dashboard: Dashboard;
			/** The Searches section; null in the view of a single article (searches have none). */
			searches: SearchSection | null;
			/** Every published article for the filter list, titled in the reader's language. */
			choices: { slug: string; title: string }[];
			filters: AdminFilters;
			errors: FilterError[];
	  };

/** A page to render, with the status and headers it is sent with. */
export interface AdminView {
	status: number;
	/** The status's reason phrase ("Unauthorized"): the page sets it, or Astro sends "OK". */
	statusText: string;
	headers: Record<string, string>;
	/** The interface language (`?lang=`, else `Accept-Language`). */
	lang: Locale;
	/** This view's URL in each language, for the language switch and `hreflang`. */
	alternates: Record<Locale, string>;
	page: AdminPage;
}
