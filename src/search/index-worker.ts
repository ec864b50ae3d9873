/**
 * The search indexer on a thread of its own, fed while the site is being rendered (see
 * stream-index.ts for the side that feeds it). It is told every page the build will write, in path
 * order, before the first is rendered; each rendered page's HTML then arrives as it is written,
 * is read into its record at once (extraction and the index form are the indexer's own work) and
 * joins the index as soon as every page before it in path order has: the index gets the records
 * of indexArticles, in its order, while the pages are still being rendered.
 *
 * When the site is built, the thread is given the HTML files the site really holds. Pages that
 * never arrived (a build that reuses earlier pages) are read from disk in their turn. If the files
 * are not the pages it was told of, nothing it did can be trusted: it says so, and the caller
 * indexes the site from disk instead.
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
  /** The pages the build writes (absolute paths, in path order). */
  | { type: 'plan'; siteDir: string; files: string[]; maxArticles?: number }
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
let positions = new Map<string, number>();
let writer: ReturnType<typeof shardWriter> | null = null;
/** Records by position in `files`, until their turn. */
const ready = new Map<number, Read>();
/** The position of the next page to join the index. */
let cursor = 0;
let articles = 0;
/** The article pages added, in path order. */
const added: StreamedPage[] = [];
/** Why the streamed pages cannot be trusted (a page not planned, or one arriving twice). */
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
      const file = files[cursor] ?? '';
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
  });
}

function page(file: string, body: ArrayBuffer): void {
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

/** Reads the pages that never arrived from disk (a few ahead), and adds them in their turn. */
async function readMissing(concurrency = 16): Promise<void> {
  const from = cursor;
  const reading = new Map<number, Promise<Read>>();
  const load = (i: number): void => {
    const file = files[i];
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
  for (let i = from; i < files.length && failure === null; i++) {
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

async function finish(actual: string[]): Promise<IndexerResponse> {
  await feeding;
  if (writer === null)
    throw new Error('search index: the site was built before its pages were planned');
  const planned = files;
  const differs = actual.length !== planned.length || actual.some((file, i) => file !== planned[i]);
  if (stale !== null || differs) {
    const written = await writer.abandon();
    return {
      type: 'stale',
      reason: stale ?? `the site holds ${actual.length} HTML files, ${planned.length} were planned`,
      written,
    };
  }
  await readMissing();
  if (failure !== null) throw failure;
  const shards = await writer.finish();
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
      positions = new Map(files.map((file, i) => [file, i]));
      writer = shardWriter(siteDir, message.maxArticles);
      break;
    case 'pages':
      for (const { file, body } of message.pages) page(file, body);
      break;
    case 'finish':
      void finish(message.files)
        .catch(async (error: unknown): Promise<IndexerResponse> => {
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
