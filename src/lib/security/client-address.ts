/**
 * The client's address as the adapter tells it (for rate limits, hashed before storing). Astro
 * throws when the adapter cannot tell; then there is none, and all such requests share one
 * rate-limit bucket.
 */
export function clientAddress(context: {
	readonly clientAddress?: string | undefined;
}): string | undefined {
	try {
		return context.clientAddress;
	} catch {
		return undefined;
	}
}
