/**
 * Fitting the search index into a host's file limit (`maxFiles` in folio.config.json).
 *
 * Pagefind writes one fragment file per article (its text and metadata, fetched when the article
 * is a result), so the index alone holds as many files as the archive has articles. A host that
 * takes at most so many files per site (Cloudflare Pages: 20,000) can take a larger archive when
 * the fragments are bundled, several articles a file (Pagefind's `maxFragments`): each result
 * then fetches its whole file. Folio bundles only when the site would not fit otherwise, and as
 * little as fits: 2, 4, 8 or 16 articles a file (powers of two, so that a growing archive
 * changes the grouping, and with it every part's bundle, seldom). Past 16 a page of ten results
 * would fetch ~10 × 16 articles' text; the site does not fit the host, and the build says so
 * (site/file-limit.ts).
 */
import { dirname } from 'node:path';
import { UNDATED, parseItemId } from '../archive/urls.ts';

/** Articles a fragment file may hold, at most. */
export const MAX_GROUP = 16;
/**
 * Index chunk files per article, a little over what Folio writes (index-chunks.ts) for the
 * generated archive in parts of 2,500: 0.126 at 12,000 and at 100,000 articles (0.095 in parts
 * of 5,000). An estimate above the truth bundles more articles a file than the site needs.
 */
const CHUNKS_PER_ARTICLE = 0.13;
/** A part's files besides fragments and chunks: its page list, filters, entry, engine copies. */
const FILES_PER_PART = 20;
/** The engine bundle (pagefind/engine/) and shards.json. */
const ENGINE_FILES = 15;

/** Scripts and styles Astro bundles for Folio's pages (`_astro/`), about. */
const ASSET_FILES = 7;
/** URLs in one sitemap file (@astrojs/sitemap's `entryLimit`). */
const SITEMAP_ENTRIES = 45_000;

/**
 * The files a build writes besides its routes' (pages, feeds, exports) and `public/`: Astro's
 * bundled scripts and styles, and the sitemap (its index and a file per 45,000 pages). Known
 * before the pages are rendered, so that an index built while they render is bundled as one
 * built from the finished site would be.
 */
export function filesBesideRoutes(pages: number): number {
  return ASSET_FILES + 1 + Math.ceil(pages / SITEMAP_ENTRIES);
}

export interface SiteShape {
  /** HTML pages the build writes. */
  pages: number;
  /** Files other than pages and the search index (feeds, exports, scripts, styles, public/). */
  others: number;
  /** Articles to index by year (`null`: undated), as the index cuts its parts. */
  articlesByYear: ReadonlyMap<string | null, number>;
  /** Articles in one part of the index, at most. */
  maxArticles: number;
}

/** The sizes of the index's parts: each year cut into parts of at most `maxArticles`. */
function partSizes({ articlesByYear, maxArticles }: SiteShape): number[] {
  const sizes: number[] = [];
  for (const articles of articlesByYear.values()) {
    for (let left = articles; left > 0; left -= maxArticles)
      sizes.push(Math.min(left, maxArticles));
  }
  return sizes;
}

/** The files the site holds, about, when each part bundles its fragments into `limit` files. */
export function estimatedFiles(shape: SiteShape, limit: number | undefined): number {
  const parts = partSizes(shape);
  let files = shape.pages + shape.others + (parts.length > 0 ? ENGINE_FILES : 0);
  for (const articles of parts) {
    const fragments = limit === undefined ? articles : Math.min(articles, limit);
    files += fragments + Math.ceil(articles * CHUNKS_PER_ARTICLE) + FILES_PER_PART;
  }
  return files;
}

/**
 * Pagefind's `maxFragments` for every part of the index: the fragment files of a full part,
 * `maxArticles` articles in groups of 2, 4, 8 or 16, the smallest group that keeps the site within
 * `maxFiles`. Undefined (one file per article) when there is no limit, when the site fits without
 * bundling, or when it would not fit even with groups of 16.
 */
export function fragmentLimit(maxFiles: number | undefined, shape: SiteShape): number | undefined {
  if (maxFiles === undefined || estimatedFiles(shape, undefined) <= maxFiles) return undefined;
  for (let group = 2; group <= MAX_GROUP; group *= 2) {
    const limit = Math.ceil(shape.maxArticles / group);
    if (estimatedFiles(shape, limit) <= maxFiles) return limit;
  }
  return undefined;
}

/**
 * The year of an item page's path relative to the site (`2024-05-01/02/03/index.html`), from its
 * issue; null for an undated one.
 */
export function yearOfItemFile(relative: string): string | null {
  const { issue } = parseItemId(dirname(relative));
  return issue.startsWith(`${UNDATED}/`) ? null : issue.slice(0, 4);
}

/** Counts item pages by year, from their paths relative to the site. */
export function articlesByYear(itemFiles: readonly string[]): Map<string | null, number> {
  const years = new Map<string | null, number>();
  for (const file of itemFiles) {
    const year = yearOfItemFile(file);
    years.set(year, (years.get(year) ?? 0) + 1);
  }
  return years;
}
