/**
 * The props of `<ErrorMessage>`, the entries of the error reference, checked at build time: an
 * entry with a bad anchor, an empty text, an unknown provider or no source stops the build with
 * the entry and the prop named, instead of publishing a link target that is wrong.
 */
import { z } from 'astro/zod';

/**
 * A published entry's anchor: lower-case letters and digits in groups joined by single hyphens
 * (`534-5-7-9`). SpinOffice CRM and other articles link to it, so it never changes once published.
 */
export const errorIdSchema = z
	.string()
	.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case letters and digits joined by hyphens');

/** The props schema, with the provider ids of this build. */
export function errorMessageSchema(providerIds: readonly string[]) {
	return z.object({
		/** Stable anchor of the entry. */
		id: errorIdSchema,
		/** The status code as printed (`534-5.7.9`), when the text starts with one. */
		code: z.string().trim().min(1, 'must not be empty when given').optional(),
		/** The text as the mail program or server prints it, after the code. */
		text: z.string().trim().min(1, 'must not be empty'),
		/** Providers whose servers send this text. */
		providers: z
			.array(
				z.string().refine((id) => providerIds.includes(id), {
					error: (issue) => `unknown provider id "${String(issue.input)}"`,
				}),
			)
			.min(1, 'must name at least one provider'),
		/** Where the exact wording was seen: recorded for the writers, not shown. */
		sources: z.array(z.url({ error: 'must be a URL' })).min(1, 'must list at least one source'),
	});
}

/** Validated `<ErrorMessage>` props. */
export type ErrorMessageProps = z.infer<ReturnType<typeof errorMessageSchema>>;

/**
 * The props, validated; throws an error naming the entry (its id, as far as there is one) and
 * each prop that is wrong.
 */
export function parseErrorMessageProps(
	props: Record<string, unknown>,
	providerIds: readonly string[],
): ErrorMessageProps {
	const result = errorMessageSchema(providerIds).safeParse(props);
	if (result.success) return result.data;
	const entry = typeof props['id'] === 'string' ? `"${props['id']}"` : '(without an id)';
	const problems = result.error.issues.map(
		(issue) => `${issue.path.join('.') || 'props'} ${issue.message}`,
	);
	throw new Error(`<ErrorMessage id=${entry}>: ${problems.join('; ')}`);
}
