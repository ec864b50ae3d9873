import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { resolve } from 'node:path';

/** The same Markdown items Folio builds from: `$FOLIO_CONTENT/<date>/<NN>/<kk>.md`. */
const items = defineCollection({
  loader: glob({
    base: resolve(process.env['FOLIO_CONTENT'] ?? 'content'),
    pattern: '**/[0-9]*.md',
  }),
});

export const collections = { items };
