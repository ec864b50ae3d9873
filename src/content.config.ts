import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { itemSchema, pageSchema } from './archive/schema.ts';
import { contentDir, entryId } from './archive/content-dir.ts';
import { buildPart, contentPatterns } from './shard/part.ts';
import { frontMatterLoader, withoutPageText } from './shard/metadata-loader.ts';

// A shard build reads its shard's folders only; the global build reads every item's front
// matter and page record, but renders no body and keeps no raw text (it builds no article page).
const part = buildPart();
const patterns = contentPatterns(part);
const global = part.kind === 'global';
/** Ids are content paths without extension, in every build and for every loader. */
const generateId = ({ entry }: { entry: string }): string => entryId(entry);

/** One entry per article or photo: `content/<date>/<NN>/<kk>.md`, id `<date>/<NN>/<kk>`. */
const items = defineCollection({
  loader: global
    ? frontMatterLoader({ base: contentDir(), pattern: patterns.items })
    : glob({ base: contentDir(), pattern: patterns.items, generateId }),
  schema: itemSchema,
});

/** One entry per page (版): `content/<date>/<NN>/page.json`, id `<date>/<NN>/page`. */
const pageLoader = glob({ base: contentDir(), pattern: patterns.pages, generateId });
const pages = defineCollection({
  loader: global ? withoutPageText(pageLoader) : pageLoader,
  schema: pageSchema,
});

export const collections = { items, pages };
