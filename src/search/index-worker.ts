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
 */
import { readFile } from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';
import type { CustomRecord } from 'pagefind';
import { recordOf } from './record.ts';
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

/** Adds every record whose turn has come. */
function feed(): void {
  feeding = feeding.then(async () => {
    for (let next = ready.get(cursor); next !== undefined; next = ready.get(cursor)) {
      if (failure !== null || stale !== null || writer === null) return;
      ready.delete(cursor);
      const file = items[cursor] ?? '';
      cursor++;
      try {
        if ('error' in next) throw next.error;
        if (next.record === null) continue;
        await writer.add(next.record, file);
        added.push({
          url: next.record.url,
          hash: next.hash,
          date: next.record.meta?.['date'] ?? null,
        });
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
  if (position < cursor || ready.has(position)) {
    stale ??= `${file} was written twice`;
    return;
  }
  ready.set(position, read(file, Buffer.from(body)));
  if (position === cursor) feed();
}

/** Reads the item pages that never arrived from disk (a few ahead), and adds them in their turn. */
async function readMissing(concurrency = 16): Promise<void> {
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
  await readMissing();
  if (failure !== null) throw failure;
  const shards = await (closing ?? writer.finish());
  return {
    type: 'done',
    report: {
      articles,
      pagesRead: files.length,
      shards: shards.length,
      indexed: shards.length,
      reused: 0,
    },
    shards,
    pages: added,
  };
}

port.on('message', (message: IndexerRequest) => {
  switch (message.type) {
    case 'plan':
      siteDir = message.siteDir;
      files = message.files;
      items = message.items;
      positions = new Map(items.map((file, i) => [file, i]));
      others = new Map(
        files.filter((file) => !positions.has(file)).map((file) => [file, false] as const),
      );
      writer = shardWriter(siteDir, message.maxArticles, message.maxFragments);
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
