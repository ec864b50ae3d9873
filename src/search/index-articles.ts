/**
 * Builds the search index of a built site with Pagefind's Node API: every HTML page that holds a
 * `data-pagefind-body` article becomes one record, its text in Folio's index form (tokens.ts), its
 * metadata, filters and date sort as the page declares them. Errors are fatal.
 *
 * The index is written in shards, one Pagefind bundle each under `pagefind/<shard>/`: a calendar
 * year (undated articles a shard of their own), cut into parts of at most `maxArticles` when a
 * year is larger. Only one shard's index is alive at a time (`createIndex` → records →
 * `writeFiles` → `deleteIndex`), so the indexer's peak memory follows the largest part, not the
 * archive. `pagefind/shards.json` lists the bundles, newest first; the browser loads the first
 * and merges the others (client/engine.ts).
 */
import { mkdir, readFile, readdir, rename, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import * as pagefind from 'pagefind';
import type { CustomRecord } from 'pagefind';
import { SHARD_FILTER } from './attributes.ts';
import { extractPage } from './extract.ts';
import { encodeText } from './tokens.ts';

/** The language Pagefind files the index under. */
export const INDEX_LANGUAGE = 'zh';
/** The index directory, inside the built site. */
export const BUNDLE_DIR = 'pagefind';
/** The list of shard bundles, inside the index directory. */
export const MANIFEST_FILE = 'shards.json';
/** The shard of articles without a date. */
export const UNDATED_SHARD = 'undated';
/** Articles in one shard's index, at most, unless told otherwise. */
export const DEFAULT_MAX_ARTICLES = 5000;

/** One bundle, as `shards.json` lists it. */
export interface ShardEntry {
  /** Its directory under `pagefind/`: `2024`, `2024-2` (a year's second part), `undated`. */
  key: string;
  /** The year of its articles; null for undated ones. */
  year: string | null;
  articles: number;
  /** The first and last date of its articles; null for undated ones. */
  from: string | null;
  to: string | null;
}

export interface ShardManifest {
  /** Newest first: years descending, a year's later parts before its earlier ones, undated last. */
  shards: ShardEntry[];
}

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

function fail(errors: string[], what: string): void {
  if (errors.length > 0) throw new Error(`search index: ${what}: ${errors.join('; ')}`);
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => join(e.parentPath, e.name))
    .filter((file) => !relative(dir, file).startsWith(BUNDLE_DIR + sep))
    .sort();
}

/**
 * The URL of a built file relative to the site root. Pagefind's browser API puts the base path
 * in front (its `baseUrl` option), so the index does not depend on where the site is deployed.
 */
export function pageUrl(siteDir: string, file: string): string {
  const path = relative(siteDir, file).split(sep).join('/');
  return `/${path.endsWith('index.html') ? path.slice(0, -'index.html'.length) : path}`;
}

/** The Pagefind record of a built page; null when it holds no article. */
async function recordOf(siteDir: string, file: string): Promise<CustomRecord | null> {
  const html = await readFile(file, 'utf8');
  if (!html.includes('data-pagefind-body')) return null;
  const page = extractPage(html, file);
  if (page === null) return null;
  return {
    url: pageUrl(siteDir, file),
    content: encodeText(page.text),
    language: INDEX_LANGUAGE,
    meta: page.meta,
    filters: page.filters,
    sort: page.sort,
  };
}

/** The year of a record (`null`: undated), from its `date` metadata. */
function yearOf(record: CustomRecord): string | null {
  return record.meta?.['date']?.slice(0, 4) ?? null;
}

/** The shard being indexed: its manifest entry and its live Pagefind index. */
interface OpenShard {
  entry: ShardEntry;
  index: pagefind.PagefindIndex;
}

/** Newest first: years descending, later parts first, undated last. */
export function newestFirst(entries: readonly ShardEntry[]): ShardEntry[] {
  const rank = (e: ShardEntry): [string, number] => [
    e.year ?? '',
    Number(/-(\d+)$/.exec(e.key)?.[1] ?? 1),
  ];
  return [...entries].sort((a, b) => {
    const [ya, pa] = rank(a);
    const [yb, pb] = rank(b);
    return ya === yb ? pb - pa : ya < yb ? 1 : -1;
  });
}

async function openShard(entry: ShardEntry): Promise<OpenShard> {
  const created = await pagefind.createIndex({ forceLanguage: INDEX_LANGUAGE });
  fail(created.errors, `cannot start Pagefind for shard ${entry.key}`);
  if (created.index === undefined) throw new Error('search index: Pagefind returned no index');
  return { entry, index: created.index };
}

/** Writes a shard's bundle and frees its index before the next shard starts. */
async function closeShard(siteDir: string, shard: OpenShard): Promise<void> {
  const written = await shard.index.writeFiles({
    outputPath: join(siteDir, BUNDLE_DIR, shard.entry.key),
  });
  fail(written.errors, `cannot write shard ${shard.entry.key}`);
  await shard.index.deleteIndex();
}

/** Writes `shards.json` through a temporary file, so it is never seen half-written. */
async function writeManifest(siteDir: string, manifest: ShardManifest): Promise<void> {
  const file = join(siteDir, BUNDLE_DIR, MANIFEST_FILE);
  const temporary = `${file}.tmp`;
  await writeFile(temporary, `${JSON.stringify(manifest, null, 2)}\n`);
  await rename(temporary, file);
}

export async function indexArticles({
  siteDir,
  concurrency = 16,
  maxArticles = DEFAULT_MAX_ARTICLES,
}: IndexOptions): Promise<IndexReport> {
  if (!Number.isInteger(maxArticles) || maxArticles < 1) {
    throw new Error(`search index: articles per shard must be a positive integer: ${maxArticles}`);
  }
  const files = await htmlFiles(siteDir);
  const entries: ShardEntry[] = [];
  let articles = 0;
  let current: OpenShard | null = null;
  try {
    // Files are read a few at a time but added in path order (dates first), so page numbers,
    // and with them Pagefind's date order and year filters, run in order and compress well,
    // and each year's articles come together: a year is one shard (or a few, in date order).
    const reading = new Map<number, Promise<CustomRecord | null>>();
    const read = (i: number): void => {
      const file = files[i];
      if (file === undefined) return;
      const record = recordOf(siteDir, file);
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
      const file = files[i] ?? '';
      const year = yearOf(record);
      const date = record.meta?.['date'] ?? null;
      if (
        current === null ||
        current.entry.year !== year ||
        current.entry.articles >= maxArticles
      ) {
        const sameYear = entries.filter((e) => e.year === year);
        if (sameYear.length > 0 && current?.entry.year !== year) {
          throw new Error(
            `search index: ${file}: ${year ?? UNDATED_SHARD} comes after other years`,
          );
        }
        if (current !== null) await closeShard(siteDir, current);
        const base = year ?? UNDATED_SHARD;
        const entry: ShardEntry = {
          key: sameYear.length === 0 ? base : `${base}-${sameYear.length + 1}`,
          year,
          articles: 0,
          from: date,
          to: date,
        };
        entries.push(entry);
        current = await openShard(entry);
      }
      const shard: OpenShard = current;
      const added = await shard.index.addCustomRecord({
        ...record,
        filters: { ...record.filters, [SHARD_FILTER]: [shard.entry.key] },
      });
      fail(added.errors, file);
      shard.entry.articles++;
      shard.entry.to = date;
      articles++;
    }
    if (current !== null) {
      const last: OpenShard = current;
      current = null;
      await closeShard(siteDir, last);
    }
    await mkdir(join(siteDir, BUNDLE_DIR), { recursive: true });
    await writeManifest(siteDir, { shards: newestFirst(entries) });
  } finally {
    await pagefind.close();
  }
  return { articles, pagesRead: files.length, shards: entries.length };
}
