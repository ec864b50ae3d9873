/**
 * Builds the search index of a built site with Pagefind's Node API: every HTML page that holds a
 * `data-pagefind-body` article becomes one record, its text in Folio's index form (tokens.ts), its
 * metadata, filters and date sort as the page declares them. Errors are fatal.
 *
 * The index is written in shards, one Pagefind bundle each under `pagefind/<shard>/`: a calendar
 * year (undated articles a shard of their own), cut into parts of at most `maxArticles` when a
 * year is larger, its index cut into smaller chunks (index-chunks.ts). Only one shard's index is
 * alive at a time (`createIndex` → records → `writeFiles` → `deleteIndex`), so the indexer's
 * peak memory follows the largest part, not the archive. `pagefind/shards.json` lists the
 * bundles, newest first; the browser loads the first and merges the others (client/engine.ts).
 *
 * Given the cache of the last build (index-cache.ts), a part whose pages are all unchanged is not
 * indexed again: its bundle is left where the last build wrote it, or copied from the cache.
 * Parts are cut in date order, so a new day changes the newest part only.
 *
 * This reads the pages from disk once the site is built. A build with nothing to reuse indexes
 * them as they are rendered instead (stream-index.ts), with the same records in the same order,
 * and leaves the same cache behind (`rememberStreamed`).
 */
import { mkdir, readFile, readdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { local } from '../paths.ts';
import * as pagefind from 'pagefind';
import type { CustomRecord } from 'pagefind';
import { siteFiles } from '../site/files.ts';
import { ENGINE_BUNDLE } from './attributes.ts';
import { writeEngineBundle } from './engine-bundle.ts';
import { articlesByYear, fragmentLimit } from './fragment-budget.ts';
import { isItemPath } from '../archive/urls.ts';
import { hashHtml, type IndexCache, type PartMember } from './index-cache.ts';
import { pageUrl, recordDate, recordOf } from './record.ts';
import { writeBundle } from './write-bundle.ts';
import {
  BUNDLE_DIR,
  DEFAULT_MAX_ARTICLES,
  INDEX_LANGUAGE,
  MANIFEST_FILE,
  fail,
  newestFirst,
  partFor,
  writeManifest,
  type ShardEntry,
} from './shard-writer.ts';

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
  /** What the last build indexed: parts whose pages are unchanged are not indexed again. */
  cache?: IndexCache;
  /**
   * The host's file limit (`maxFiles` in folio.config.json): fragments are bundled as far as the
   * site needs to fit it (fragment-budget.ts).
   */
  maxFiles?: number;
}

export interface IndexReport {
  articles: number;
  pagesRead: number;
  shards: number;
  /** Shards indexed in this build, and shards whose bundle the last build made. */
  indexed: number;
  reused: number;
  /** Articles indexed from their content entries before their pages were rendered. */
  fromEntries?: number;
}

/** The site's files outside the index's own directory (site paths), HTML pages and others. */
async function siteContents(dir: string): Promise<{ html: string[]; others: number }> {
  const files = (await siteFiles(dir)).filter((path) => !path.startsWith(`${BUNDLE_DIR}/`));
  const html = files.filter((path) => path.endsWith('.html'));
  return { html, others: files.length - html.length };
}

/** The site's HTML files, the index's own directory left out, in path order. */
export async function htmlFiles(dir: string): Promise<string[]> {
  const { html } = await siteContents(dir);
  return html.map((path) => local(dir, path));
}

/** An article page as read: its record, unless the cache knew the page and its date. */
interface ArticlePage extends PartMember {
  file: string;
  date: string | null;
  html: string;
  record: CustomRecord | null;
}

/** Reads a built page; null when it holds no article. */
async function readArticle(
  siteDir: string,
  file: string,
  cache: IndexCache | undefined,
): Promise<ArticlePage | null> {
  const bytes = await readFile(file);
  if (!bytes.includes('data-pagefind-body')) return null;
  const url = pageUrl(siteDir, file);
  const hash = cache === undefined ? '' : hashHtml(bytes);
  const html = bytes.toString('utf8');
  const known = cache?.known(url, hash);
  if (known !== undefined) return { file, url, hash, date: known.date, html, record: null };
  const record = recordOf(siteDir, file, html);
  if (record === null) return null;
  return { file, url, hash, date: recordDate(record), html, record };
}

/** Reads `files` a few at a time, yielding in order. */
async function* readInOrder<T>(
  files: readonly string[],
  concurrency: number,
  read: (file: string) => Promise<T>,
): AsyncGenerator<T> {
  const reading = new Map<number, Promise<T>>();
  const start = (i: number): void => {
    const file = files[i];
    if (file === undefined) return;
    const result = read(file);
    // Its error is thrown when its turn comes; until then it must not count as unhandled.
    result.catch(() => undefined);
    reading.set(i, result);
  };
  for (let i = 0; i < concurrency; i++) start(i);
  for (let i = 0; i < files.length; i++) {
    const result = reading.get(i);
    reading.delete(i);
    start(i + concurrency);
    if (result !== undefined) yield await result;
  }
}

/** The shard being cut: its manifest entry, its pages so far, its index once it is indexed. */
interface OpenShard {
  entry: ShardEntry;
  members: (PartMember & { file: string })[];
  /** Opened as soon as a page of the shard is not known from the cache. */
  index: pagefind.PagefindIndex | null;
  /** Its fragment files, at most (fragment-budget.ts); unset: one per article. */
  maxFragments: number | undefined;
}

async function openIndex(shard: OpenShard): Promise<pagefind.PagefindIndex> {
  const { entry, maxFragments } = shard;
  const created = await pagefind.createIndex({
    forceLanguage: INDEX_LANGUAGE,
    ...(maxFragments === undefined ? {} : { maxFragments }),
  });
  fail(created.errors, `cannot start Pagefind for shard ${entry.key}`);
  if (created.index === undefined) throw new Error('search index: Pagefind returned no index');
  return created.index;
}

async function addRecord(
  index: pagefind.PagefindIndex,
  record: CustomRecord,
  file: string,
): Promise<void> {
  const added = await index.addCustomRecord(record);
  fail(added.errors, file);
}

/** Opens a shard's index and adds the pages it has so far, read again. */
async function startIndexing(
  siteDir: string,
  shard: OpenShard,
  concurrency: number,
): Promise<pagefind.PagefindIndex> {
  const index = await openIndex(shard);
  shard.index = index;
  const files = shard.members.map((m) => m.file);
  const read = async (file: string) => {
    const record = recordOf(siteDir, file, await readFile(file, 'utf8'));
    if (record === null) throw new Error(`search index: ${file}: no longer holds an article`);
    return { file, record };
  };
  for await (const { file, record } of readInOrder(files, concurrency, read)) {
    await addRecord(index, record, file);
  }
  return index;
}

/**
 * Writes a shard's bundle and frees its index before the next shard starts; a shard whose pages
 * are all unchanged is copied from the cache instead, when the cache holds its bundle.
 */
async function closeShard(
  siteDir: string,
  shard: OpenShard,
  cache: IndexCache | undefined,
  concurrency: number,
): Promise<void> {
  const outputPath = join(siteDir, BUNDLE_DIR, shard.entry.key);
  const digest = cache?.digest(shard.entry.key, shard.members, shard.maxFragments);
  if (shard.index === null && cache !== undefined && digest !== undefined) {
    if (await cache.restore(shard.entry.key, digest, outputPath)) return;
  }
  await writeBundle(shard.index ?? (await startIndexing(siteDir, shard, concurrency)), outputPath);
  if (cache !== undefined && digest !== undefined) {
    await cache.keep(shard.entry.key, digest, outputPath);
  }
}

/**
 * Completes the index directory once the shards' bundles are written: the engine bundle
 * (engine-bundle.ts) when there is a shard, and nothing left of shards that are gone from a
 * build into the same directory.
 */
async function finishBundles(siteDir: string, entries: readonly ShardEntry[]): Promise<void> {
  const [first] = entries;
  if (first !== undefined) await writeEngineBundle(siteDir, first.key);
  const keep = new Set([
    MANIFEST_FILE,
    ...(first === undefined ? [] : [ENGINE_BUNDLE]),
    ...entries.map((e) => e.key),
  ]);
  for (const name of await readdir(join(siteDir, BUNDLE_DIR))) {
    if (!keep.has(name))
      await rm(join(siteDir, BUNDLE_DIR, name), { recursive: true, force: true });
  }
}

export async function indexArticles({
  siteDir,
  concurrency = 16,
  maxArticles = DEFAULT_MAX_ARTICLES,
  cache,
  maxFiles,
}: IndexOptions): Promise<IndexReport> {
  if (!Number.isInteger(maxArticles) || maxArticles < 1) {
    throw new Error(`search index: articles per shard must be a positive integer: ${maxArticles}`);
  }
  const contents = await siteContents(siteDir);
  const files = contents.html.map((path) => local(siteDir, path));
  const maxFragments = fragmentLimit(maxFiles, {
    pages: contents.html.length,
    others: contents.others,
    articlesByYear: articlesByYear(contents.html.filter((path) => isItemPath(dirname(path)))),
    maxArticles,
  });
  const entries: ShardEntry[] = [];
  let articles = 0;
  let indexed = 0;
  let current: OpenShard | null = null;
  try {
    // Files are read a few at a time but added in path order (dates first), so page numbers,
    // and with them Pagefind's date order and year filters, run in order and compress well,
    // and each year's articles come together: a year is one shard (or a few, in date order).
    const pages = readInOrder(files, concurrency, (file) => readArticle(siteDir, file, cache));
    for await (const page of pages) {
      if (page === null) continue;
      const { file, date } = page;
      const year = date?.slice(0, 4) ?? null;
      const entry = partFor(entries, current?.entry ?? null, year, date, maxArticles, file);
      if (current === null || entry !== current.entry) {
        if (current !== null) {
          const last: OpenShard = current;
          current = null;
          await closeShard(siteDir, last, cache, concurrency);
          if (last.index !== null) indexed++;
        }
        current = { entry, members: [], index: null, maxFragments };
      }
      const shard: OpenShard = current;
      // A page the cache does not know: the shard is indexed, from its first page on.
      if (shard.index === null && (cache === undefined || page.record !== null)) {
        await startIndexing(siteDir, shard, concurrency);
      }
      shard.members.push({ file, url: page.url, hash: page.hash });
      if (shard.index !== null) {
        const record = page.record ?? recordOf(siteDir, file, page.html);
        if (record === null) throw new Error(`search index: ${file}: holds no article`);
        await addRecord(shard.index, record, file);
      }
      cache?.remember(page.url, { hash: page.hash, date });
      shard.entry.articles++;
      shard.entry.to = date;
      articles++;
    }
    if (current !== null) {
      const last: OpenShard = current;
      current = null;
      await closeShard(siteDir, last, cache, concurrency);
      if (last.index !== null) indexed++;
    }
    await mkdir(join(siteDir, BUNDLE_DIR), { recursive: true });
    await writeManifest(siteDir, { shards: newestFirst(entries) });
    await finishBundles(siteDir, entries);
    await cache?.save();
  } finally {
    await pagefind.close();
  }
  return {
    articles,
    pagesRead: files.length,
    shards: entries.length,
    indexed,
    reused: entries.length - indexed,
  };
}

/**
 * Leaves behind what indexArticles would have, for a site indexed as it was rendered
 * (stream-index.ts): each shard's bundle kept in the cache under the digest of its pages, every
 * article page remembered, the engine bundle written, and no bundle of a shard that is gone.
 */
export async function rememberStreamed(
  siteDir: string,
  cache: IndexCache,
  shards: readonly ShardEntry[],
  pages: readonly (PartMember & { date: string | null })[],
  maxFragments: number | undefined,
): Promise<void> {
  let next = 0;
  for (const shard of shards) {
    const members = pages.slice(next, next + shard.articles);
    next += shard.articles;
    const digest = cache.digest(shard.key, members, maxFragments);
    await cache.keep(shard.key, digest, join(siteDir, BUNDLE_DIR, shard.key));
  }
  if (next !== pages.length) {
    throw new Error(`search index: ${pages.length} pages indexed, the shards hold ${next}`);
  }
  for (const { url, hash, date } of pages) cache.remember(url, { hash, date });
  try {
    await finishBundles(siteDir, shards);
  } finally {
    await pagefind.close();
  }
  await cache.save();
}
