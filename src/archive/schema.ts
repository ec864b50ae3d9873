/**
 * The archive's contract, declared once: what a Markdown item's front matter and a page record
 * hold. The converter validates what it writes against these schemas; the Astro content
 * collections validate what the site reads against the same ones.
 */
import { z } from 'zod';

/**
 * `YYYY-MM-DD`. YAML 1.1 readers (Astro's front matter parser among them) turn an unquoted
 * date into a Date, so an editor's unquoted date is accepted and brought back to the string.
 */
export const isoDate = z.preprocess(
  (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value),
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD'),
);

export const itemKinds = ['article', 'photo'] as const;

/** Front matter of one item (article or photo news): one Markdown file under `content/`. */
export const itemSchema = z
  .object({
    /** Newspaper name, from the manifest or the configuration. */
    paper: z.string(),
    /** Issue date; null when the raw file's date could not be resolved. */
    date: isoDate.nullable(),
    /** Page (版) number within the issue, from 1. */
    page: z.number().int().positive(),
    /** Page name (版名), e.g. `要闻`, when the page's running head or the manifest gives one. */
    pageName: z.string().nullable(),
    kind: z.enum(itemKinds),
    /** Position on the page, from 1, in reading order. */
    order: z.number().int().positive(),
    /** 引题 */
    kicker: z.string().nullable(),
    /** 主题 */
    title: z.string(),
    /** 副题 */
    subtitle: z.string().nullable(),
    /** Byline as printed, roles included (`首席记者 张赤奎`, `记者 林群心 摄`); null when none. */
    byline: z.string().nullable(),
    /** Personal names only, in byline order. */
    authors: z.array(z.string()),
    /** The raw page file this item came from, relative to the raw directory. */
    source: z.string(),
  })
  .strict();

export type ItemData = z.output<typeof itemSchema>;

export const furnitureSchema = z
  .object({
    /** `header`: running head (date, page number and name, editor); `banner`: slogan. */
    kind: z.enum(['header', 'banner']),
    /** Text as repaired (doubled glyphs undone, phrases joined by one space). */
    text: z.string(),
    /** The raw text it was repaired from, when it differs. */
    raw: z.string().optional(),
  })
  .strict();

/** One page (版) of an issue: `content/<date>/<NN>/page.json`. */
export const pageSchema = z
  .object({
    paper: z.string(),
    date: isoDate.nullable(),
    page: z.number().int().positive(),
    pageName: z.string().nullable(),
    /** The raw page file, relative to the raw directory. */
    source: z.string(),
    /** Encoding the raw file was read in (`utf-8`, `utf-16le`, `gb18030`, …). */
    encoding: z.string(),
    furniture: z.array(furnitureSchema),
    /** The page's original text, normalised to UTF-8 with `\n` line ends. */
    text: z.string(),
  })
  .strict();

export type PageData = z.output<typeof pageSchema>;
export type Furniture = z.output<typeof furnitureSchema>;

/**
 * A page record as the site keeps it: the whole file validated, its raw text left out. The site
 * holds every page record in memory for the whole build and embeds them in its bundle, and the
 * raw text is most of each record (a third of a 7,500-item archive's content store); only the
 * page's own view prints it, and reads it from the file as the page renders (page-text.ts).
 */
export const pageRecordSchema = pageSchema.transform(
  ({ text, ...record }): Omit<PageData, 'text'> => record,
);

export type PageRecordData = z.output<typeof pageRecordSchema>;
