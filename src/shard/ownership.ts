/**
 * Who owns each file of an assembled site: a shard (its issues' pages, its month calendars, its
 * issue JSON and item export, its search bundles and its sitemap), the global build (everything
 * else: home, calendar index, reporters, on this day, search page, feeds, issue list, data page),
 * or nobody alone — the files the assembler merges from several builds. URLs hold the date, so a
 * path names its shard.
 *
 * Paths are relative to the site root, `/`-separated, as files (`2024-05-01/index.html`) or as
 * URL paths under the base (`2024-05-01/`).
 */
import { UNDATED_SHARD } from './part.ts';
import { ENGINE_BUNDLE } from '../search/attributes.ts';

/** The search's engine bundle (src/search/engine-bundle.ts). */
const ENGINE_PATH = `pagefind/${ENGINE_BUNDLE}/`;

export type Owner =
  | { kind: 'shard'; shard: string }
  | { kind: 'global' }
  /** Written by the shard builds (and the global one, for the sitemap index) and merged. */
  | { kind: 'merged' };

/** Every shard's search bundle list, merged newest first. */
export const SHARDS_MANIFEST = 'pagefind/shards.json';
/** Every item, one JSON a line: the shards' files joined in archive order. */
export const ITEMS_EXPORT = 'data/items.jsonl';
/** The sitemap index: the global build's, listing every shard's sitemaps as well. */
export const SITEMAP_INDEX = 'sitemap-index.xml';

export const MERGED_FILES: readonly string[] = [SHARDS_MANIFEST, ITEMS_EXPORT, SITEMAP_INDEX];

const YEAR = '\\d{4}';
const DATE = `${YEAR}-\\d{2}-\\d{2}`;
const SHARD = `${YEAR}|${UNDATED_SHARD}`;

/** Path patterns of a shard's files; the first group is the shard's key (or an issue date). */
const SHARD_PATHS: readonly RegExp[] = [
  // An issue, its pages (版) and items: `/2024-05-01/…`, `/undated/<stem>/…`.
  new RegExp(`^(${DATE}|${UNDATED_SHARD})(/|$)`),
  // A year's month calendars.
  new RegExp(`^calendar/(${YEAR})(/|$)`),
  // An issue's JSON: `data/2024-05-01.json`, `data/undated/<stem>.json`.
  new RegExp(`^data/(${DATE})\\.json$`),
  new RegExp(`^data/(${UNDATED_SHARD})/`),
  // A year's items: `data/items/2024.jsonl`, `data/items/undated.jsonl`.
  new RegExp(`^data/items/(${SHARD})\\.jsonl$`),
  // Search bundles: a year and its parts (`2024`, `2024-2`), undated.
  new RegExp(`^pagefind/(${SHARD})(-\\d+)?(/|$)`),
  // The shard's sitemaps (`filenameBase: sitemap-<shard>`): its pages and its own index.
  new RegExp(`^sitemap-(${SHARD})-(\\d+|index)\\.xml$`),
];

export function ownerOf(path: string): Owner {
  if (MERGED_FILES.includes(path)) return { kind: 'merged' };
  for (const pattern of SHARD_PATHS) {
    const key = pattern.exec(path)?.[1];
    if (key !== undefined) return { kind: 'shard', shard: shardKey(key) };
  }
  return { kind: 'global' };
}

function shardKey(key: string): string {
  return key === UNDATED_SHARD ? key : key.slice(0, 4);
}

/** The sitemap file name base of a shard's build: `sitemap-2024` → `sitemap-2024-0.xml`. */
export function shardSitemapBase(shard: string): string {
  return `sitemap-${shard}`;
}

/**
 * Files every build writes alike: Astro's bundled assets (`_astro/`, named by content hash), the
 * project's `public/` files, and the search's engine bundle (`pagefind/engine/`, written by
 * every build that indexes). A shard keeps them, so its output is a site of its own; the
 * assembler takes one copy and checks the others are the same bytes.
 */
export function isSharedAsset(path: string, publicFiles: ReadonlySet<string>): boolean {
  return path.startsWith('_astro/') || path.startsWith(ENGINE_PATH) || publicFiles.has(path);
}
