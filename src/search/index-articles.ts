/**
 * Builds the search index of a built site with Pagefind's Node API: every HTML page that holds a
 * `data-pagefind-body` article becomes one record (record.ts), its text in Folio's index form,
 * its metadata, filters and date sort as the page declares them. Errors are fatal.
 *
 * The index is written in shards, one Pagefind bundle each under `pagefind/<shard>/`: a calendar
 * year (undated articles a shard of their own), cut into parts of at most `maxArticles` when a
 * year is larger, one shard's index alive at a time (shard-writer.ts). `pagefind/shards.json`
 * lists the bundles, newest first; the browser loads the first and merges the others
 * (client/engine.ts).
 *
 * This reads the pages from disk once the site is built; a build indexes them as they are
 * rendered instead (stream-index.ts), with the same records in the same order.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { CustomRecord } from 'pagefind';
import { recordOf } from './record.ts';
import { BUNDLE_DIR, shardWriter } from './shard-writer.ts';

export {
  BUNDLE_DIR,
  DEFAULT_MAX_ARTICLES,
  INDEX_LANGUAGE,
  MANIFEST_FILE,
  UNDATED_SHARD,
  newestFirst,
  type ShardEntry,
  type ShardManifest,
} from './shard-writer.ts';
export { pageUrl } from './record.ts';

export interface IndexOptions {
  /** The built site. */
  siteDir: string;
  /** Files read ahead of the one being indexed. */
  concurrency?: number;
  /** Articles in one shard's index, at most (a larger year is cut into parts). */
  maxArticles?: number;
}

export interface IndexReport {
  articles: number;
  pagesRead: number;
  shards: number;
}

/** The site's HTML files, the index's own directory left out, in path order. */
export async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => join(e.parentPath, e.name))
    .filter((file) => !relative(dir, file).startsWith(BUNDLE_DIR + sep))
    .sort();
}

export async function indexArticles({
  siteDir,
  concurrency = 16,
  maxArticles,
}: IndexOptions): Promise<IndexReport> {
  const writer = shardWriter(siteDir, maxArticles);
  const files = await htmlFiles(siteDir);
  let articles = 0;
  try {
    // Files are read a few at a time but added in path order (dates first), so page numbers,
    // and with them Pagefind's date order and year filters, run in order and compress well,
    // and each year's articles come together: a year is one shard (or a few, in date order).
    const reading = new Map<number, Promise<CustomRecord | null>>();
    const read = (i: number): void => {
      const file = files[i];
      if (file === undefined) return;
      const record = readFile(file, 'utf8').then((html) => recordOf(siteDir, file, html));
      // Its error is thrown when its turn comes; until then it must not count as unhandled.
      record.catch(() => undefined);
      reading.set(i, record);
    };
    for (let i = 0; i < concurrency; i++) read(i);
    for (let i = 0; i < files.length; i++) {
      const record = await reading.get(i);
      reading.delete(i);
      read(i + concurrency);
      if (record === undefined || record === null) continue;
      await writer.add(record, files[i] ?? '');
      articles++;
    }
    const shards = await writer.finish();
    return { articles, pagesRead: files.length, shards: shards.length };
  } catch (error) {
    await writer.abandon();
    throw error;
  }
}
