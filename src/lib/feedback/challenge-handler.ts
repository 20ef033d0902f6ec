import {
	ApiContext,
	methodNotAllowed,
	type FeedbackApiOptions,
	type FeedbackHandler,
} from './api.ts';
import { jsonResponse } from './problem.ts';

/**
 * `GET /api/feedback/challenge`: a fresh ALTCHA challenge, the JSON the `altcha` widget fetches
 * from its `challenge` URL (`{ parameters, signature }`). Rate-limited per client, because each
 * challenge costs the server one key derivation.
 */
export function createChallengeHandler(options: FeedbackApiOptions): FeedbackHandler {
	const api = new ApiContext(options);
	return (request, context) =>
		api.respond(async () => {
			if (request.method !== 'GET') throw methodNotAllowed(request, ['GET']);
			await api.limitClient('challenge', context);
			return jsonResponse(await (await api.captcha()).challenge(api.now()));
		});
}
