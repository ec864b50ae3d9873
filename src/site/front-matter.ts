/**
 * How the site's content loaders read an item's Markdown file: its front matter and its body.
 *
 * Astro reads front matter with the `yaml` library, as YAML 1.2 under the core schema with
 * timestamps and merge keys. At 7,500 items that took ~2 s of the main thread in a first build's
 * content sync, before any page renders, and the glob loader reads every file's front matter
 * again in each rebuild (it parses a file before comparing its digest). js-yaml reads the same
 * schema (`CORE_SCHEMA` with `timestampTag` and `mergeTag`) in about a sixth of the time, so the
 * loaders are handed Astro's Markdown entry type with that reader in front (`readingFrontMatter`):
 * - a file whose front matter is fenced by `---` (Folio writes no other) is read by js-yaml;
 *   the data, body and raw front matter are what Astro's reader gives for it;
 * - anything else goes to Astro's own reader: no front matter, TOML (`+++`), an empty front
 *   matter, and whatever js-yaml does not take (broken YAML, an unknown tag, a collection as a
 *   key), so a broken file fails with Astro's message, naming the file and the line; and a key
 *   js-yaml names `"null"` (written `null`, `~` or not at all), which Astro's reader names `""`.
 */
import { load, CORE_SCHEMA, mergeTag, timestampTag } from 'js-yaml';
import type { Loader, LoaderContext } from 'astro/loaders';

/** What Astro's entry type for Markdown gives for a file. */
export interface EntryInfo {
  data: Record<string, unknown>;
  body: string;
  slug: unknown;
  rawData: string;
}

/** Astro's entry type for Markdown, as far as the loaders use it. */
export interface MarkdownEntryType {
  getEntryInfo(file: { contents: string; fileUrl: URL }): Promise<EntryInfo> | EntryInfo;
}

/** How Astro hands a loader the file types it knows (not part of `LoaderContext`'s type). */
interface EntryTypes {
  entryTypes?: Map<string, Partial<MarkdownEntryType>>;
}

const SCHEMA = CORE_SCHEMA.withTags(mergeTag, timestampTag);

/**
 * Astro's front matter pattern (`@astrojs/internal-helpers`): at the very start of the file
 * (after a byte order mark) or after leading blank lines, each fence `---` or `+++`.
 */
const FENCED = /(?:^\uFEFF?|^\s*\n)(---|\+\+\+)([\s\S]*?\n)(---|\+\+\+)/;

/**
 * A Markdown file read as Astro's entry type reads it, or null where Astro's own reader must
 * (see above).
 */
export function readMarkdown(contents: string): EntryInfo | null {
  const match = FENCED.exec(contents);
  const [fenced, open, rawData, close] = match ?? [];
  if (fenced === undefined || rawData === undefined || open !== '---' || close !== '---') {
    return null;
  }
  let parsed: unknown;
  try {
    parsed = load(rawData, { schema: SCHEMA });
  } catch {
    return null;
  }
  if (hasNullKey(parsed)) return null;
  const data =
    parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  // Astro blanks the front matter and trims what is left; nothing but whitespace comes before.
  const body = contents.slice((match?.index ?? 0) + fenced.length).trim();
  return { data, body, slug: data.slug, rawData };
}

/** Whether a mapping anywhere in `value` has the key `null`. */
function hasNullKey(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasNullKey);
  if (value === null || typeof value !== 'object' || value instanceof Date) return false;
  return Object.hasOwn(value, 'null') || Object.values(value).some(hasNullKey);
}

/** Astro's entry type for Markdown, as handed to a loader. */
export function markdownEntryType(context: LoaderContext): MarkdownEntryType {
  const types = (context as LoaderContext & EntryTypes).entryTypes;
  const markdown = types instanceof Map ? types.get('.md') : undefined;
  if (markdown?.getEntryInfo === undefined) {
    throw new Error(
      'Folio cannot read Markdown entries: Astro no longer hands loaders its Markdown entry type',
    );
  }
  return markdown as MarkdownEntryType;
}

/** `loader`, handed Astro's Markdown entry type with `readMarkdown` in front of its reader. */
export function readingFrontMatter(loader: Loader): Loader {
  return {
    ...loader,
    load(context) {
      const astro = markdownEntryType(context);
      const markdown: MarkdownEntryType = {
        ...astro,
        getEntryInfo: (file) => readMarkdown(file.contents) ?? astro.getEntryInfo(file),
      };
      const entryTypes = new Map((context as LoaderContext & EntryTypes).entryTypes);
      entryTypes.set('.md', markdown);
      return loader.load({ ...context, entryTypes } as LoaderContext);
    },
  };
}
