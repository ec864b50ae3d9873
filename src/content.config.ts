import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { itemSchema, pageSchema } from './archive/schema.ts';
import { contentDir } from './archive/content-dir.ts';
import { buildPart, contentPatterns } from './shard/part.ts';

// A shard build reads its shard's folders only; the global build reads every item's front
// matter but keeps no body (it builds no article page).
const part = buildPart();
const patterns = contentPatterns(part);

/** One entry per article or photo: `content/<date>/<NN>/<kk>.md`, id `<date>/<NN>/<kk>`. */
const items = defineCollection({
  loader: glob({
    base: contentDir(),
    pattern: patterns.items,
    ...(part.kind === 'global' && { retainBody: false }),
  }),
  schema: itemSchema,
});

/** One entry per page (版): `content/<date>/<NN>/page.json`, id `<date>/<NN>/page`. */
const pages = defineCollection({
  loader: glob({ base: contentDir(), pattern: patterns.pages }),
  schema: pageSchema,
});

export const collections = { items, pages };
