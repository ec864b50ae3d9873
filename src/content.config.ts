import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { itemSchema, pageSchema } from './archive/schema.ts';
import { contentDir } from './archive/content-dir.ts';

/** One entry per article or photo: `content/<date>/<NN>/<kk>.md`, id `<date>/<NN>/<kk>`. */
const items = defineCollection({
  loader: glob({ base: contentDir(), pattern: '**/[0-9]*.md' }),
  schema: itemSchema,
});

/** One entry per page (版): `content/<date>/<NN>/page.json`, id `<date>/<NN>/page`. */
const pages = defineCollection({
  loader: glob({ base: contentDir(), pattern: '**/page.json' }),
  schema: pageSchema,
});

export const collections = { items, pages };
