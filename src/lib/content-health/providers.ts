/**
 * The provider data's own health: every provider's facts name their sources, and are checked
 * again at least every six months. Part of `npm run content:check`.
 */
import { isoDate } from '../dates.ts';

/** Where provider findings point. */
export const providersFile = 'content/providers.json';

/** A provider whose facts were checked longer ago than this gets a warning. */
export const providerCheckMonths = 6;

/** One problem with one provider record. */
export interface ProviderFinding {
	/** Errors fail `npm run content:check`; warnings are only printed. */
	severity: 'error' | 'warning';
	kind: 'provider-no-sources' | 'provider-no-check-date' | 'provider-check-outdated';
	/** Always {@link providersFile}. */
	file: string;
	provider: string;
	/** English sentence for the CLI. */
	message: string;
}

/** What the check reads of a provider record, as written in the file (not yet validated). */
export interface ProviderRecord {
	id?: unknown;
	verified?: unknown;
	sources?: unknown;
}

/**
 * Checks each provider record: no `sources` is an error, a missing or malformed `verified` date
 * too; a `verified` date more than {@link providerCheckMonths} months before `now` a warning.
 */
export function checkProviders(records: readonly ProviderRecord[], now: Date): ProviderFinding[] {
	// Whole days: a check made on this day six months ago is not yet outdated.
	const cutoff = new Date(
		Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - providerCheckMonths, now.getUTCDate()),
	);
	return records.flatMap((record, index) => {
		const provider = typeof record.id === 'string' ? record.id : `#${index + 1}`;
		const at = { file: providersFile, provider };
		const findings: ProviderFinding[] = [];
		if (!Array.isArray(record.sources) || record.sources.length === 0) {
			findings.push({
				...at,
				severity: 'error',
				kind: 'provider-no-sources',
				message: `provider ${provider} lists no sources for its facts`,
			});
		}
		const verified =
			typeof record.verified === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(record.verified)
				? new Date(`${record.verified}T00:00:00Z`)
				: null;
		if (!verified || Number.isNaN(verified.getTime())) {
			findings.push({
				...at,
				severity: 'error',
				kind: 'provider-no-check-date',
				message: `provider ${provider} has no valid \`verified\` date (YYYY-MM-DD)`,
			});
		} else if (verified < cutoff) {
			findings.push({
				...at,
				severity: 'warning',
				kind: 'provider-check-outdated',
				message: `provider ${provider} was last checked ${isoDate(verified)}, more than ${providerCheckMonths} months ago`,
			});
		}
		return findings;
	});
}
