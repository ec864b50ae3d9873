/**
 * Writes the search index in shards from records given in path order (dates first): a calendar
 * year is a shard (undated articles one of their own), cut into parts of at most `maxArticles`.
 * One shard's Pagefind index is alive at a time (`createIndex` → records → `writeFiles` →
 * `deleteIndex`), so the indexer's memory follows the largest part, not the archive.
 *
 * Records are sent to Pagefind without waiting for each answer (up to `inFlight` at a time, their
 * errors checked in order), so Pagefind indexes one record while the caller prepares the next.
 * Pagefind's service answers requests in the order they were sent, so nothing else changes.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import type { CustomRecord } from 'pagefind';
import { SHARD_FILTER } from './attributes.ts';

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
/** Records sent to Pagefind ahead of its answers, at most. */
const IN_FLIGHT = 64;

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

export function fail(errors: string[], what: string): void {
  if (errors.length > 0) throw new Error(`search index: ${what}: ${errors.join('; ')}`);
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

/** The year of a record (`null`: undated), from its `date` metadata. */
function yearOf(record: CustomRecord): string | null {
  return record.meta?.['date']?.slice(0, 4) ?? null;
}

/** The shard being indexed: its manifest entry, its live Pagefind index, its unanswered records. */
interface OpenShard {
  entry: ShardEntry;
  index: pagefind.PagefindIndex;
  pending: { file: string; added: Promise<pagefind.NewFileResponse> }[];
}

async function openShard(entry: ShardEntry): Promise<OpenShard> {
  const created = await pagefind.createIndex({ forceLanguage: INDEX_LANGUAGE });
  fail(created.errors, `cannot start Pagefind for shard ${entry.key}`);
  if (created.index === undefined) throw new Error('search index: Pagefind returned no index');
  return { entry, index: created.index, pending: [] };
}

/** Waits for the oldest unanswered records until at most `keep` are left. */
async function settle(shard: OpenShard, keep: number): Promise<void> {
  while (shard.pending.length > keep) {
    const next = shard.pending.shift();
    if (next === undefined) break;
    fail((await next.added).errors, next.file);
  }
}

/** Writes a shard's bundle and frees its index before the next shard starts. */
async function closeShard(siteDir: string, shard: OpenShard): Promise<void> {
  await settle(shard, 0);
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

export interface ShardWriter {
  /** Adds the record of `file` (for error messages); records must come in path order. */
  add(record: CustomRecord, file: string): Promise<void>;
  /** Writes the last shard and `shards.json`; returns the shards written. */
  finish(): Promise<ShardEntry[]>;
  /** Drops the shard being indexed unwritten; returns the keys of every shard begun. */
  abandon(): Promise<string[]>;
}

export function shardWriter(siteDir: string, maxArticles = DEFAULT_MAX_ARTICLES): ShardWriter {
  if (!Number.isInteger(maxArticles) || maxArticles < 1) {
    throw new Error(`search index: articles per shard must be a positive integer: ${maxArticles}`);
  }
  const entries: ShardEntry[] = [];
  let current: OpenShard | null = null;
  return {
    async add(record, file) {
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
      const added = shard.index.addCustomRecord({
        ...record,
        filters: { ...record.filters, [SHARD_FILTER]: [shard.entry.key] },
      });
      // Its error is thrown when its turn comes; until then it must not count as unhandled.
      added.catch(() => undefined);
      shard.pending.push({ file, added });
      shard.entry.articles++;
      shard.entry.to = date;
      await settle(shard, IN_FLIGHT);
    },
    async finish() {
      if (current !== null) {
        const last: OpenShard = current;
        current = null;
        await closeShard(siteDir, last);
      }
      await mkdir(join(siteDir, BUNDLE_DIR), { recursive: true });
      await writeManifest(siteDir, { shards: newestFirst(entries) });
      return entries;
    },
    async abandon() {
      const open: OpenShard | null = current;
      current = null;
      if (open !== null) {
        await Promise.allSettled(open.pending.map(({ added }) => added));
        await open.index.deleteIndex();
      }
      return entries.map((entry) => entry.key);
    },
  };
}
