import {
	ApiContext,
	methodNotAllowed,
	type FeedbackApiOptions,
	type FeedbackHandler,
} from './api.ts';
import type { BodyKind } from './body.ts';
import { readFields } from './body.ts';
import { bodyMaxBytes } from './contract.ts';
import { isCrossSite } from './origin.ts';
import { ProblemError, invalid, jsonResponse } from './problem.ts';
import { tooManyRequests } from './rate-limit.ts';
import { parseFeedback, type Feedback } from './schema.ts';
import type { UsedChallenge } from '../store/store.ts';

/** The answer to an accepted post: JSON for the script, a redirect for a plain form. */
function accepted(kind: BodyKind, feedback: Feedback, status: 200 | 201): Response {
	if (kind === 'json') return jsonResponse({ ok: true, vote: feedback.vote }, status);
	// The static article page shows its thank-you state for this fragment (CSS `:target`).
	return new Response(null, {
		status: 303,
		headers: {
			Location: `/${feedback.lang}/${feedback.article}/#feedback-${feedback.vote}`,
			'Cache-Control': 'no-store',
		},
	});
}

/**
 * `POST /api/feedback`: validates a vote (or a "no" with reasons, comment and section, which
 * needs a solved captcha) and saves it, one row per visitor and article language. The vote is
 * committed before the response is sent.
 *
 * Every POST from this site counts against the client's rate limit, whatever its body. An
 * accepted vote counts it in the vote's own write transaction, with the article's counter
 * (`FeedbackStore.submitVote`): one commit per vote. A rejected one counts it on its own, and
 * answers 429 instead of its 4xx once the client is past the limit, as before the body was read.
 */
export function createFeedbackHandler(options: FeedbackApiOptions): FeedbackHandler {
	const api = new ApiContext(options);
	return (request, context) =>
		api.respond(async () => {
			if (request.method !== 'POST') throw methodNotAllowed(request, ['POST']);
			if (isCrossSite(request, api.allowedOrigins)) {
				throw new ProblemError(403, 'Forbidden', 'Feedback is only accepted from this site.', {
					errors: [{ field: 'Origin', message: 'must be this site' }],
				});
			}
			const client = await api.clientHit('client', context);
			let kind: BodyKind;
			let feedback: Feedback;
			try {
				const read = await readFields(request, bodyMaxBytes);
				kind = read.kind;
				const parsed = parseFeedback(read.fields, api.articles);
				if (!parsed.ok) throw invalid(parsed.errors);
				feedback = parsed.feedback;
			} catch (error) {
				await api.limit(client);
				throw error;
			}
			// A bot filled the hidden field: let it believe it worked.
			if (feedback.honeypot) {
				await api.limit(client);
				return accepted(kind, feedback, 201);
			}
			const article = api.articleHit(feedback.article);

			const now = api.now();
			let challenge: UsedChallenge | undefined;
			if (feedback.detailed) {
				const result = await (await api.captcha()).verify(feedback.captcha!, now);
				if (!result.ok) {
					// Well-formed fields count against the article too, as an accepted vote does.
					await api.limit(client);
					await api.limit(article);
					throw invalid([{ field: 'captcha', message: result.message }]);
				}
				challenge = { id: result.id, expiresAt: result.expiresAt };
			}
			const result = await api.store.submitVote(
				{
					article: feedback.article,
					lang: feedback.lang,
					articleUpdated: feedback.articleUpdated,
					vote: feedback.vote,
					reasons: feedback.reasons,
					comment: feedback.comment,
					section: feedback.section,
					visitorHash: feedback.visitor ? await api.visitorHash(feedback.visitor) : null,
					at: now,
				},
				[client, article],
				challenge,
			);
			if ('limited' in result) throw tooManyRequests(result.resetAt, now);
			if (result.saved === 'replayed') {
				throw invalid([{ field: 'captcha', message: 'has already been used; solve a new one' }]);
			}
			return accepted(kind, feedback, result.saved === 'created' ? 201 : 200);
		});
}
