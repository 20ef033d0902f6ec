import type { APIRoute, GetStaticPaths } from 'astro';
import { feedbackFormFile } from '../../components/feedback/form-config.ts';
import { locales, type Locale } from '../../i18n/locales.ts';

/** `/<lang>/feedback-form.json`: the labels of the feedback widget's "No" form. */
export const getStaticPaths = (() =>
	locales.map((lang) => ({ params: { lang } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
	new Response(feedbackFormFile(params['lang'] as Locale).json, {
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
	});
