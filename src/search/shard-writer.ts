/**
 * Writes the search index in shards from records given in path order (dates first): a calendar
 * year is a shard (undated articles one of their own), cut into parts of at most `maxArticles`.
 * Each shard is indexed by a Pagefind service of its own, on a thread of its own
 * (shard-thread.ts: `createIndex` → records → `writeFiles` → `deleteIndex`), and records go to
 * it without waiting for answers. A shard's bundle is written as soon as the shard is full (or
 * the next record is of another year) while the next shard's records are indexed, and a shard
 * opens only once the bundle before the last is written: two shards' indexes are alive at most,
 * so the indexer's memory follows the largest parts, not the archive. Shards begun before the
 * site's directory is ready are written aside (`stageDir`) and moved into it at the end.
 */
import { cp, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CustomRecord } from 'pagefind';
import type { ShardRequest, ShardResponse, ShardThreadData } from './shard-thread.ts';

/**
 * The language Pagefind files the index under: `und` (undetermined), since the index form
 * (tokens.ts) is no natural language. Pagefind runs its word segmenter only for `zh` and `ja`,
 * and a stemmer only for the languages it has one for; for `und` it splits the text at
 * whitespace, which is how Folio's index form is already cut. Under `zh` it segmented every
 * text again (the most CPU time of adding a record) and stored a zero-width space after each
 * token of every fragment.
 */
export const INDEX_LANGUAGE = 'und';
/** The index directory, inside the built site. */
export const BUNDLE_DIR = 'pagefind';
/** A bundle's entry file, written last by Pagefind: its version and index languages. */
export const ENTRY_FILE = 'pagefind-entry.json';
/** The list of shard bundles, inside the index directory. */
export const MANIFEST_FILE = 'shards.json';
/** The shard of articles without a date. */
export const UNDATED_SHARD = 'undated';
/**
 * Articles in one shard's index, at most, unless told otherwise. A search's first step loads the
 * newest part's page list, ~11 bytes an article: parts of 2,500 keep a first query that the
 * newest part fills at ~145 kB or less at 100,000 articles (docs/sharding.md).
 */
export const DEFAULT_MAX_ARTICLES = 2500;
/** Records sent to a shard's thread in one message. */
const BATCH = 32;

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

/** Throws if Pagefind answered `what` with errors, naming it: `<what>: <errors>`. */
export function refused(errors: string[], what: string): void {
  if (errors.length > 0) throw new Error(`${what}: ${errors.join('; ')}`);
}

/** As `refused`, for the search index's own callers: the error says it was the search index. */
export function fail(errors: string[], what: string): void {
  refused(errors, `search index: ${what}`);
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

/** The shard being filled: its manifest entry, its thread, the records not yet sent to it. */
interface OpenShard {
  entry: ShardEntry;
  thread: Worker;
  batch: { record: CustomRecord; file: string }[];
  /** Settles when the thread has written the bundle (or failed to) and ended. */
  done: Promise<void>;
  /** Whether it was asked to write its bundle. */
  writing: boolean;
}

function openShard(
  indexDir: string,
  entry: ShardEntry,
  maxFragments: number | undefined,
): OpenShard {
  const data: ShardThreadData = {
    outputPath: join(indexDir, entry.key),
    language: INDEX_LANGUAGE,
    ...(maxFragments === undefined ? {} : { maxFragments }),
  };
  const thread = new Worker(new URL('./shard-thread.ts', import.meta.url), { workerData: data });
  const done = new Promise<void>((resolve, reject) => {
    let answer: ShardResponse | null = null;
    thread.on('message', (response: ShardResponse) => {
      answer = response;
    });
    thread.once('error', reject);
    thread.once('exit', () => {
      if (answer?.type === 'written') resolve();
      else if (answer?.type === 'error') reject(new Error(`search index: ${answer.message}`));
      else reject(new Error(`search index: shard ${entry.key}: its thread stopped unasked`));
    });
  });
  // Its failure is thrown when the shard is waited for; until then it must not count as unhandled.
  done.catch(() => undefined);
  return { entry, thread, batch: [], done, writing: false };
}

function flush(shard: OpenShard): void {
  if (shard.batch.length === 0) return;
  const request: ShardRequest = { type: 'records', records: shard.batch };
  shard.thread.postMessage(request);
  shard.batch = [];
}

/** Has the shard's bundle written; settles when it is (or when writing it failed). */
function closeShard(shard: OpenShard): Promise<void> {
  flush(shard);
  const request: ShardRequest = { type: 'write' };
  shard.thread.postMessage(request);
  shard.writing = true;
  return shard.done;
}

/**
 * The part a record of `year` (dated `date`) joins: `current` while it takes it, else a new
 * entry, added to `entries`. Parts are cut in date order: a year, then at most `maxArticles` a
 * part (`2024`, `2024-2`, …); a year that comes back after another fails, naming `file`.
 */
export function partFor(
  entries: ShardEntry[],
  current: ShardEntry | null,
  year: string | null,
  date: string | null,
  maxArticles: number,
  file: string,
): ShardEntry {
  if (current !== null && current.year === year && current.articles < maxArticles) return current;
  const sameYear = entries.filter((e) => e.year === year);
  if (sameYear.length > 0 && current?.year !== year) {
    throw new Error(`search index: ${file}: ${year ?? UNDATED_SHARD} comes after other years`);
  }
  const base = year ?? UNDATED_SHARD;
  const entry: ShardEntry = {
    key: sameYear.length === 0 ? base : `${base}-${sameYear.length + 1}`,
    year,
    articles: 0,
    from: date,
    to: date,
  };
  entries.push(entry);
  return entry;
}

/** Writes `shards.json` through a temporary file, so it is never seen half-written. */
export async function writeManifest(siteDir: string, manifest: ShardManifest): Promise<void> {
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
  /**
   * Stops the shards not yet being written and lets those being written finish (so nothing
   * writes to the index directory afterwards); returns the keys of every shard begun.
   */
  abandon(): Promise<string[]>;
  /** Shards opened from now on are written in the site; `finish` moves the staged ones there. */
  unstage(): void;
}

/** Moves directory `from` to `to` (replacing it), copying where a rename cannot. */
async function move(from: string, to: string): Promise<void> {
  await rm(to, { recursive: true, force: true });
  try {
    await rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await cp(from, to, { recursive: true });
    await rm(from, { recursive: true, force: true });
  }
}

/**
 * `maxFragments`: each part's fragment files, at most (fragment-budget.ts); unset, one file per
 * article. `stageDir`: shards are written there until `unstage` (while the site's directory may
 * still be emptied by the build), and moved into the site by `finish`.
 */
export function shardWriter(
  siteDir: string,
  maxArticles = DEFAULT_MAX_ARTICLES,
  maxFragments?: number,
  stageDir?: string,
): ShardWriter {
  if (!Number.isInteger(maxArticles) || maxArticles < 1) {
    throw new Error(`search index: articles per shard must be a positive integer: ${maxArticles}`);
  }
  const entries: ShardEntry[] = [];
  const shards: OpenShard[] = [];
  let current: OpenShard | null = null;
  /** The shards before the current one, until their bundles are written. */
  let writing: Promise<void> = Promise.resolve();
  let staging = stageDir !== undefined;
  /** The keys of the shards written in `stageDir`. */
  const staged: string[] = [];
  /**
   * Has `shard`'s bundle written. A bundle is written while the next shard fills; the one before
   * must be written before that next shard opens (two indexes alive at most): waits for it.
   */
  const close = async (shard: OpenShard): Promise<void> => {
    const before = writing;
    writing = closeShard(shard);
    await before;
  };
  return {
    async add(record, file) {
      const year = yearOf(record);
      const date = record.meta?.['date'] ?? null;
      const entry = partFor(entries, current?.entry ?? null, year, date, maxArticles, file);
      if (current === null || entry !== current.entry) {
        if (current !== null && !current.writing) await close(current);
        if (staging) staged.push(entry.key);
        current = openShard(
          staging && stageDir !== undefined ? stageDir : join(siteDir, BUNDLE_DIR),
          entry,
          maxFragments,
        );
        shards.push(current);
      }
      const shard: OpenShard = current;
      shard.batch.push({ record, file });
      if (shard.batch.length >= BATCH) flush(shard);
      shard.entry.articles++;
      shard.entry.to = date;
      // A full part takes no more records: its bundle is written at once.
      if (shard.entry.articles >= maxArticles) await close(shard);
    },
    async finish() {
      if (current !== null && !current.writing) {
        const last: OpenShard = current;
        current = null;
        await Promise.all([writing, closeShard(last)]);
      }
      await writing;
      await mkdir(join(siteDir, BUNDLE_DIR), { recursive: true });
      if (stageDir !== undefined) {
        for (const key of staged) await move(join(stageDir, key), join(siteDir, BUNDLE_DIR, key));
        await rm(stageDir, { recursive: true, force: true });
      }
      await writeManifest(siteDir, { shards: newestFirst(entries) });
      return entries;
    },
    async abandon() {
      current = null;
      await Promise.all(shards.filter((s) => !s.writing).map((s) => s.thread.terminate()));
      await Promise.allSettled(shards.map((s) => s.done));
      if (stageDir !== undefined) await rm(stageDir, { recursive: true, force: true });
      return entries.map((entry) => entry.key);
    },
    unstage() {
      staging = false;
    },
  };
}
