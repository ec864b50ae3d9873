import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { itemSchema, pageRecordSchema } from './archive/schema.ts';
import { contentDir, entryId } from './archive/content-dir.ts';
import { buildPart, contentPatterns } from './shard/part.ts';
import { frontMatterLoader } from './shard/metadata-loader.ts';
import { tapped } from './search/entry-tap.ts';
import { readingFrontMatter } from './site/front-matter.ts';

// A shard build reads its shard's folders only; the global build reads every item's front
// matter and page record, but renders no body (it builds no article page).
const part = buildPart();
const patterns = contentPatterns(part);
const global = part.kind === 'global';
/** Ids are content paths without extension, in every build and for every loader. */
const generateId = ({ entry }: { entry: string }): string => entryId(entry);

/**
 * One entry per article or photo: `content/<date>/<NN>/<kk>.md`, id `<date>/<NN>/<kk>`, its front
 * matter read by js-yaml (site/front-matter.ts). A first build's search index takes the first
 * entries as they are stored (search/entry-tap.ts).
 */
const items = defineCollection({
  loader: readingFrontMatter(
    global
      ? frontMatterLoader({ base: contentDir(), pattern: patterns.items })
      : tapped(glob({ base: contentDir(), pattern: patterns.items, generateId })),
  ),
  schema: itemSchema,
});

/**
 * One entry per page (版): `content/<date>/<NN>/page.json`, id `<date>/<NN>/page`; validated
 * whole, kept without its raw text (the page's view reads it from the file: page-text.ts).
 */
const pages = defineCollection({
  loader: glob({ base: contentDir(), pattern: patterns.pages, generateId }),
  schema: pageRecordSchema,
});

export const collections = { items, pages };
