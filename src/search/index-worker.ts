/**
 * The search indexer on a thread of its own, fed while the site is being rendered (see
 * stream-index.ts for the side that feeds it). It is told every page the build will write, in path
 * order, before the first is rendered, and which of them are item pages (the pages that hold
 * articles); each rendered page's HTML then arrives as it is written, is read into its record at
 * once (extraction and the index form are the indexer's own work), and an item page joins the
 * index as soon as every item page before it in path order has: the index gets the records of
 * indexArticles, in its order, while the pages are still being rendered. Once the last item page
 * has joined, the last shard is written while the other pages are rendered.
 *
 * When the site is built, the thread is given the HTML files the site really holds. Pages that
 * never arrived (a build that reuses earlier pages) are read from disk. If the files are not the
 * pages it was told of, or a page that is not an item page holds an article, nothing it did can be
 * trusted: it says so, and the caller indexes the site from disk instead.
 *
 * A first build may start the index earlier, before the pages are planned (`early`): the records
 * of the first item pages are made from their content entries as the content sync stores them
 * (entry-record.ts). Once those pages are rendered, each must give the same record, or the
 * streamed index is not trusted either.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';
import type { CustomRecord } from 'pagefind';
import { entryRecord, type ItemEntry } from './entry-record.ts';
import { recordDate, recordOf } from './record.ts';
import { hashHtml } from './index-cache.ts';
import { shardWriter, type ShardEntry } from './shard-writer.ts';
import type { IndexReport } from './index-articles.ts';

/** An article page as indexed, for the search cache (index-cache.ts). */
export interface StreamedPage {
  url: string;
  /** Hash of its HTML (`hashHtml`). */
  hash: string;
  date: string | null;
}

/** Messages to the thread. */
export type IndexerRequest =
  /**
   * Before the pages are planned: the index may start from the content entries of the first
   * item pages (`files`, in path order; `ids`, their entries), which arrive as `entries`. Their
   * shards are written in `stageDir` until the plan comes.
   */
  | {
      type: 'early';
      siteDir: string;
      stageDir: string;
      files: string[];
      ids: string[];
      maxArticles?: number;
    }
  /** Content entries of those item pages, as the content sync stored them. */
  | { type: 'entries'; entries: ItemEntry[] }
  /**
   * The pages the build writes (absolute paths, in path order), and those of them that are item
   * pages (in path order).
   */
  | {
      type: 'plan';
      siteDir: string;
      files: string[];
      items: string[];
      maxArticles?: number;
      /** Each part's fragment files, at most (fragment-budget.ts). */
      maxFragments?: number;
    }
  /** Pages' HTML as written, a few at a time. */
  | { type: 'pages'; pages: { file: string; body: ArrayBuffer }[] }
  /** The site is built: the HTML files it holds, in path order. */
  | { type: 'finish'; files: string[] };

/** The thread's answer to `finish`. */
export type IndexerResponse =
  /** `shards` in the order they were cut; `pages`: the article pages in path order. */
  | { type: 'done'; report: IndexReport; shards: ShardEntry[]; pages: StreamedPage[] }
  /** The files are not the pages planned: index from disk; `written`: the shards it wrote. */
  | { type: 'stale'; reason: string; written: string[] }
  | { type: 'error'; message: string };

/** A page's record once read: the record (null: no article), or why it could not be read. */
type Read = { record: CustomRecord | null; hash: string } | { error: Error };

const port = parentPort;
if (port === null) throw new Error('index-worker.ts runs as a worker thread');

let siteDir = '';
let files: string[] = [];
/** The item pages, in path order: the pages whose records join the index. */
let items: string[] = [];
let positions = new Map<string, number>();
/** The other pages: whether each has arrived. */
let others = new Map<string, boolean>();
let writer: ReturnType<typeof shardWriter> | null = null;
/** The shards being written once every item page has joined (`writer.finish`). */
let closing: Promise<ShardEntry[]> | null = null;
/** Records by position in `items`, until their turn. */
const ready = new Map<number, Read>();
/** The position of the next item page to join the index. */
let cursor = 0;
let articles = 0;
/** The article pages added, in path order. */
const added: StreamedPage[] = [];
/**
 * Why the streamed pages cannot be trusted (a page not planned, one arriving twice, an article
 * outside the item pages).
 */
let stale: string | null = null;
/** The first error adding records; the build fails with it. */
let failure: Error | null = null;
/** The pages joining the index, one after the other. */
let feeding = Promise.resolve();

/**
 * The index begun from content entries (`early`): the item pages' files in path order, each
 * entry's position, the records made from the entries that wait for their turn, and the digests
 * of the records added (positions 0…n−1), each to be held to the record of its page as rendered,
 * in whatever order they come. It takes entries until the pages are planned; the pages after
 * them join the index from position n on.
 */
const early = {
  open: false,
  files: [] as string[],
  positions: new Map<string, number>(),
  ready: new Map<number, CustomRecord | null>(),
  added: [] as string[],
  /** The pages of those records, once each read as its entry did, by position. */
  pages: [] as (StreamedPage | undefined)[],
};
/** The item pages that arrived, by position: one arriving twice is a mistake. */
const arrivedItems = new Set<number>();

/** A record's digest: two records of one page are the same record if their digests are. */
function recordDigest(record: CustomRecord | null): string {
  return createHash('sha256').update(JSON.stringify(record)).digest('base64');
}

/** The article page `record` was read from, as the search cache keeps it. */
function streamedPage(record: CustomRecord, hash: string): StreamedPage {
  return { url: record.url, hash, date: recordDate(record) };
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

function read(file: string, html: Buffer): Read {
  try {
    return { record: recordOf(siteDir, file, html.toString('utf8')), hash: hashHtml(html) };
  } catch (error) {
    return { error: asError(error) };
  }
}

/** Adds every record made from a content entry whose turn has come. */
function feedEarly(): void {
  feeding = feeding.then(async () => {
    for (
      let next = early.ready.get(early.added.length);
      next !== undefined && early.open && failure === null && writer !== null;
      next = early.ready.get(early.added.length)
    ) {
      early.ready.delete(early.added.length);
      // An entry that makes no article ends the early index: its page will tell.
      if (next === null) early.open = false;
      else {
        try {
          await writer.add(next, early.files[early.added.length] ?? '');
          early.added.push(recordDigest(next));
        } catch (error) {
          failure = asError(error);
        }
      }
    }
  });
}

/** Makes each entry's record; a record that cannot be made ends the early index there. */
function entries(list: readonly ItemEntry[]): void {
  for (const entry of list) {
    const position = early.positions.get(entry.id);
    if (position === undefined || !early.open) continue;
    try {
      early.ready.set(position, entryRecord(siteDir, early.files[position] ?? '', entry));
    } catch {
      early.ready.set(position, null);
    }
  }
  feedEarly();
}

/**
 * The pages are planned: the early index keeps the records it added if their pages are the
 * first item pages planned, else it is dropped and the index starts afresh.
 */
function settleEarly(maxArticles: number | undefined, maxFragments: number | undefined): void {
  feeding = feeding.then(async () => {
    early.open = false;
    early.ready.clear();
    const kept = early.added.length;
    if (writer !== null && early.files.slice(0, kept).every((file, i) => items[i] === file)) {
      writer.unstage();
      cursor = kept;
      return;
    }
    try {
      await writer?.abandon();
    } catch (error) {
      failure = asError(error);
    }
    early.added = [];
    writer = shardWriter(siteDir, maxArticles, maxFragments);
  });
}

/** Holds a page whose record was added from its content entry to that record. */
function verify(position: number, next: Read): void {
  const file = items[position] ?? '';
  if ('error' in next) {
    failure ??= next.error;
    return;
  }
  if (next.record === null || recordDigest(next.record) !== early.added[position]) {
    stale ??= `${file} does not read as its content entry did`;
    return;
  }
  early.pages[position] = streamedPage(next.record, next.hash);
  articles++;
}

/**
 * Checks the pages begun from their entries that came, and adds every other record whose turn
 * has come.
 */
function feed(): void {
  feeding = feeding.then(async () => {
    for (const [position, next] of ready) {
      if (position >= early.added.length) continue;
      ready.delete(position);
      verify(position, next);
    }
    for (let next = ready.get(cursor); next !== undefined; next = ready.get(cursor)) {
      if (failure !== null || stale !== null || writer === null) return;
      ready.delete(cursor);
      const file = items[cursor] ?? '';
      cursor++;
      try {
        if ('error' in next) throw next.error;
        if (next.record === null) continue;
        await writer.add(next.record, file);
        added.push(streamedPage(next.record, next.hash));
        articles++;
      } catch (error) {
        failure = asError(error);
      }
    }
    // Every item page has joined: the last shard is written while the other pages render.
    if (cursor === items.length && closing === null && failure === null && stale === null) {
      closing = writer?.finish() ?? null;
      // Its failure is thrown when it is waited for; until then it must not count as unhandled.
      closing?.catch(() => undefined);
    }
  });
}

/** A page that is not an item page must hold no article. */
function check(file: string, html: Buffer): void {
  const result = read(file, html);
  if ('error' in result) failure ??= result.error;
  else if (result.record !== null) stale ??= `${file} holds an article but is not an item page`;
}

function page(file: string, body: ArrayBuffer): void {
  const arrived = others.get(file);
  if (arrived !== undefined) {
    if (arrived) stale ??= `${file} was written twice`;
    others.set(file, true);
    check(file, Buffer.from(body));
    return;
  }
  const position = positions.get(file);
  if (position === undefined) {
    stale ??= `${file} was written but not announced`;
    return;
  }
  if (arrivedItems.has(position)) {
    stale ??= `${file} was written twice`;
    return;
  }
  arrivedItems.add(position);
  ready.set(position, read(file, Buffer.from(body)));
  // A page begun from its entry is checked as it comes; the others join in their turn.
  if (position === cursor || position < early.files.length) feed();
}

/** Reads the item pages that never arrived from disk (a few ahead), and adds them in their turn. */
async function readMissing(concurrency = 16): Promise<void> {
  for (let i = 0; i < early.added.length && failure === null; i++) {
    const file = items[i];
    if (early.pages[i] !== undefined || file === undefined) continue;
    ready.set(
      i,
      await readFile(file).then(
        (html) => read(file, html),
        (error: unknown) => ({ error: asError(error) }),
      ),
    );
    feed();
    await feeding;
  }
  const from = cursor;
  const reading = new Map<number, Promise<Read>>();
  const load = (i: number): void => {
    const file = items[i];
    if (file === undefined || ready.has(i)) return;
    reading.set(
      i,
      readFile(file).then(
        (html) => read(file, html),
        (error: unknown) => ({ error: asError(error) }),
      ),
    );
  };
  for (let i = from; i < from + concurrency; i++) load(i);
  for (let i = from; i < items.length && failure === null; i++) {
    load(i + concurrency);
    const pending = reading.get(i);
    if (pending !== undefined) {
      ready.set(i, await pending);
      reading.delete(i);
    }
    feed();
    await feeding;
  }
}

/** Checks the other pages that never arrived, read from disk. */
async function checkMissing(concurrency = 16): Promise<void> {
  const missing = [...others].filter(([, arrived]) => !arrived).map(([file]) => file);
  for (let i = 0; i < missing.length && failure === null && stale === null; i += concurrency) {
    const batch = missing.slice(i, i + concurrency);
    const bodies = await Promise.all(batch.map((file) => readFile(file)));
    batch.forEach((file, j) => {
      check(file, bodies[j] ?? Buffer.alloc(0));
    });
  }
}

async function finish(actual: string[]): Promise<IndexerResponse> {
  await feeding;
  if (writer === null)
    throw new Error('search index: the site was built before its pages were planned');
  const planned = files;
  const differs = actual.length !== planned.length || actual.some((file, i) => file !== planned[i]);
  if (!differs) await checkMissing();
  if (stale === null && !differs) await readMissing();
  if (stale !== null || differs) {
    // The shards written early are abandoned too, once written.
    await closing?.catch(() => undefined);
    const written = await writer.abandon();
    return {
      type: 'stale',
      reason: stale ?? `the site holds ${actual.length} HTML files, ${planned.length} were planned`,
      written,
    };
  }
  if (failure !== null) throw failure;
  const begun = Array.from({ length: early.added.length }, (_, i) => early.pages[i]);
  const pages = [...begun, ...added];
  if (!pages.every((page) => page !== undefined)) {
    throw new Error('search index: an item page begun from its entry was never read');
  }
  const shards = await (closing ?? writer.finish());
  return {
    type: 'done',
    report: {
      articles,
      pagesRead: files.length,
      shards: shards.length,
      indexed: shards.length,
      reused: 0,
      ...(early.added.length > 0 ? { fromEntries: early.added.length } : {}),
    },
    shards,
    pages,
  };
}

port.on('message', (message: IndexerRequest) => {
  switch (message.type) {
    case 'early':
      siteDir = message.siteDir;
      early.open = true;
      early.files = message.files;
      early.positions = new Map(message.ids.map((id, i) => [id, i]));
      writer = shardWriter(siteDir, message.maxArticles, undefined, message.stageDir);
      break;
    case 'entries':
      entries(message.entries);
      break;
    case 'plan':
      siteDir = message.siteDir;
      files = message.files;
      items = message.items;
      positions = new Map(items.map((file, i) => [file, i]));
      others = new Map(
        files.filter((file) => !positions.has(file)).map((file) => [file, false] as const),
      );
      if (writer === null) writer = shardWriter(siteDir, message.maxArticles, message.maxFragments);
      else settleEarly(message.maxArticles, message.maxFragments);
      break;
    case 'pages':
      for (const { file, body } of message.pages) page(file, body);
      break;
    case 'finish':
      void finish(message.files)
        .catch(async (error: unknown): Promise<IndexerResponse> => {
          await closing?.catch(() => undefined);
          await writer?.abandon();
          return { type: 'error', message: error instanceof Error ? error.message : String(error) };
        })
        .then((response) => {
          port.postMessage(response);
          // Nothing more to do: the thread ends (its shards' threads have ended).
          port.close();
        });
      break;
  }
});
