import { z } from 'astro/zod';
import { locales } from '../../i18n/locales.ts';
import {
	ApiContext,
	methodNotAllowed,
	type FeedbackApiOptions,
	type FeedbackHandler,
} from './api.ts';
import { articleKey } from './articles.ts';
import { invalid, jsonResponse } from './problem.ts';

const querySchema = z.object({
	article: z
		.string({ error: 'is required: the article slug' })
		.regex(/^[a-z0-9-]+(\/[a-z0-9-]+)*$/, 'must be an article slug such as "icloud-mail"'),
	lang: z.enum(locales, { error: `must be one of: ${locales.join(', ')}` }).optional(),
});

/**
 * `GET /api/feedback/summary?article=…&lang=…`: yes/no counts for one article, in one language
 * or (without `lang`) all of them. Cached briefly: the numbers need not be live.
 */
export function createSummaryHandler(options: FeedbackApiOptions): FeedbackHandler {
	const api = new ApiContext(options);
	return (request) =>
		api.respond(async () => {
			if (request.method !== 'GET' && request.method !== 'HEAD') {
				throw methodNotAllowed(request, ['GET', 'HEAD']);
			}
			const params = new URL(request.url).searchParams;
			const repeated = ['article', 'lang'].filter((name) => params.getAll(name).length > 1);
			if (repeated.length > 0) {
				throw invalid(repeated.map((field) => ({ field, message: 'must be given once' })));
			}
			const parsed = querySchema.safeParse({
				article: params.get('article') ?? undefined,
				lang: params.get('lang') || undefined,
			});
			if (!parsed.success) {
				throw invalid(
					parsed.error.issues.map((i) => ({ field: String(i.path[0]), message: i.message })),
				);
			}
			const { article, lang } = parsed.data;
			const published = (lang ? [lang] : locales).some((l) =>
				api.articles.has(articleKey(l, article)),
			);
			if (!published) {
				throw invalid([
					{ field: 'article', message: `is not a published article${lang ? ` in "${lang}"` : ''}` },
				]);
			}
			const { yes, no } = await api.store.counts(article, lang);
			return jsonResponse({ article, lang: lang ?? null, yes, no, total: yes + no }, 200, {
				'Cache-Control': 'public, max-age=60',
			});
		});
}
