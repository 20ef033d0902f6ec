import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import categoriesJson from '../content/categories.json';
import providersJson from '../content/providers.json';
import { articleSchema, categorySchema, providerSchema } from './lib/schemas.ts';

const categoryIds = categoriesJson.map((c) => c.id);
const providerIds = providersJson.map((p) => p.id);

/** Articles: `content/articles/<lang>/<id>.mdx`; the same path in another language is its translation. */
const articles = defineCollection({
	loader: glob({ pattern: '**/*.mdx', base: './content/articles' }),
	schema: articleSchema(categoryIds, providerIds),
});

/** Categories, in `content/categories.json`. */
const categories = defineCollection({
	loader: file('./content/categories.json'),
	schema: categorySchema,
});

/** Mail providers, in `content/providers.json`. */
const providers = defineCollection({
	loader: file('./content/providers.json'),
	schema: providerSchema,
});

export const collections = { articles, categories, providers };
