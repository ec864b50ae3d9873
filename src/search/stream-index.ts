/**
 * Indexes the site for search while Astro renders it. Astro renders pages one at a time on the
 * main thread; the indexer (index-worker.ts) runs on a thread of its own and feeds Pagefind, a
 * process of its own, so on a machine of two cores or more the index is mostly built by the time
 * the last page is written, instead of after it.
 *
 * Astro's prerenderer (the part of the build that renders a page into a Response) is wrapped: its
 * list of pages tells the indexer every page the build writes, in path order. Every HTML page is
 * passed on as it is written (`written`, told by site/page-writes.ts), from the bytes Astro
 * writes: Astro's response is read once, by Astro. Once the site is built, `finish` gives the
 * indexer the HTML files the site really holds; it answers with its report, or with null when
 * they are not the pages announced (the caller then indexes the site from disk, with
 * indexArticles).
 *
 * Before all that (`early`, called before the content sync), the index can start from the content
 * entries of the first item pages as the sync stores them (entry-tap.ts, entry-record.ts): Astro
 * syncs content and bundles the site on one core, and the indexer and Pagefind take the other.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { relativeSlashed } from '../paths.ts';
import type { AstroPrerenderer } from 'astro';
import { glob } from 'tinyglobby';
import { itemFile, type ItemEntry } from './entry-record.ts';
import { pageFile } from './page-file.ts';
import { closeTap, openTap } from './entry-tap.ts';
import { entryId } from '../archive/content-dir.ts';
import { BUNDLE_DIR, htmlFiles, type IndexReport } from './index-articles.ts';
import type { IndexerRequest, IndexerResponse, StreamedPage } from './index-worker.ts';
import { articlesByYear, filesBesideRoutes, fragmentLimit } from './fragment-budget.ts';
import { DEFAULT_MAX_ARTICLES, MANIFEST_FILE, type ShardEntry } from './shard-writer.ts';
import { isItemPath } from '../archive/urls.ts';
import { compareText } from '../compare.ts';

export interface StreamOptions {
  /** The built site (Astro's `outDir`). */
  siteDir: string;
  /** Articles in one shard's index, at most. */
  maxArticles?: number;
  /** The host's file limit (`maxFiles` in folio.config.json), if it has one. */
  maxFiles?: number;
  /** Files the site takes from `public/`. */
  publicFiles?: number;
}

/** What the indexer made of the build: its report, or why the site must be indexed from disk. */
export type StreamResult =
  | {
      report: IndexReport;
      shards: ShardEntry[];
      pages: StreamedPage[];
      /** Each part's fragment files, at most (fragment-budget.ts); unset: one per article. */
      maxFragments: number | undefined;
    }
  | { stale: string };

/** The content entries of the first item pages, to start the index from before the pages. */
export interface EarlyEntries {
  /** Where the content sync finds the items: the directory and the items' glob pattern. */
  contentDir: string;
  pattern: string;
  /** A directory of the build's cache, for the shards written before the site's is emptied. */
  stageDir: string;
}

export interface StreamIndex {
  /**
   * Before the content sync: the index starts from the entries of the first item pages (one
   * part's worth) as the sync stores them (entry-tap.ts), while the renderer leaves a core idle.
   */
  early(source: EarlyEntries): Promise<void>;
  /**
   * Astro's prerenderer, telling the indexer of every page the build writes (in path order)
   * before the first is rendered, and having the item pages rendered first (`renderOrder`).
   */
  wrap(prerenderer: AstroPrerenderer): AstroPrerenderer;
  /**
   * A file of the site as written (site/page-writes.ts): an HTML page goes on to the indexer.
   * `data` is not kept.
   */
  written(file: string, data: string | NodeJS.ArrayBufferView): void;
  /** Once the site is built: the indexer's report, or why the site must be indexed from disk. */
  finish(): Promise<StreamResult>;
}

/**
 * The paths in the order the indexer takes their pages: item pages first (the only pages that
 * hold an article, archive/urls.ts), by file, then every other page by file (issues, pages 版,
 * calendar, reporters, home …). The index's last shard is written as soon as the last item page
 * has joined it, while the other pages are still being rendered, instead of after the last page.
 * Item pages already indexed from their entries (`begun`, files relative to the site) come after
 * the other item pages: they only need checking. Paths of equal file (none in a Folio build)
 * keep their order.
 */
export function renderOrder<T extends { pathname: string }>(
  paths: readonly T[],
  begun: ReadonlySet<string> = new Set(),
): T[] {
  const keyed = paths.map((path) => {
    const file = pageFile(path.pathname);
    const rank = !isItemPath(path.pathname) ? 2 : begun.has(file) ? 1 : 0;
    return { path, rank, file };
  });
  keyed.sort((a, b) => a.rank - b.rank || compareText(a.file, b.file));
  return keyed.map(({ path }) => path);
}

/** Pages or entries sent to the thread in one message. */
const BATCH = 32;

interface Batch<T> {
  /** Adds one; a full batch is sent at once. */
  push(item: T): void;
  /** Sends what was added since the last batch went, if anything. */
  flush(): void;
}

/**
 * Items that go to the thread a few at a time (`BATCH`): one message per page or entry costs the
 * main thread more than the work it hands over.
 */
function batched<T>(send: (items: T[]) => void): Batch<T> {
  let items: T[] = [];
  const flush = (): void => {
    if (items.length === 0) return;
    send(items);
    items = [];
  };
  return {
    push(item) {
      items.push(item);
      if (items.length >= BATCH) flush();
    },
    flush,
  };
}

interface Thread {
  worker: Worker;
  /** Its answer to `finish`. */
  answer: Promise<IndexerResponse>;
  /** Settled when the thread has ended. */
  exited: Promise<void>;
}

function startThread(): Thread {
  const worker = new Worker(new URL('./index-worker.ts', import.meta.url));
  const answer = new Promise<IndexerResponse>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => {
      reject(new Error(`search index: the indexer thread stopped (exit code ${code})`));
    });
  });
  // Its failure is reported by `finish`; until then it must not count as unhandled.
  answer.catch(() => undefined);
  const exited = new Promise<void>((resolve) =>
    worker.once('exit', () => {
      resolve();
    }),
  );
  // A build that fails before its end must not wait for the indexer to exit. After the
  // listeners: adding a 'message' listener holds the process for the worker again.
  worker.unref();
  return { worker, answer, exited };
}

export function streamIndex({
  siteDir,
  maxArticles,
  maxFiles,
  publicFiles = 0,
}: StreamOptions): StreamIndex {
  let thread: Thread | null = null;
  let maxFragments: number | undefined;
  // Each page's bytes move to the thread with it.
  const pages = batched<{ file: string; body: ArrayBuffer }>((list) => {
    const message: IndexerRequest = { type: 'pages', pages: list };
    thread?.worker.postMessage(
      message,
      list.map(({ body }) => body),
    );
  });

  const maxEarly = maxArticles ?? DEFAULT_MAX_ARTICLES;
  /** The item pages begun from their entries, relative to the site. */
  let begun = new Set<string>();
  const entries = batched<ItemEntry>((list) => {
    const message: IndexerRequest = { type: 'entries', entries: list };
    thread?.worker.postMessage(message);
  });

  return {
    async early({ contentDir, pattern, stageDir }) {
      const ids = (await glob(pattern, { cwd: contentDir })).map(entryId);
      // The item pages' files sorted as the plan sorts them (`getStaticPaths` below).
      const idOf = new Map(ids.map((id) => [itemFile(siteDir, id), id]));
      const files = [...idOf.keys()].sort().slice(0, maxEarly);
      if (files.length === 0) return;
      const wanted = files.map((file) => idOf.get(file) ?? '');
      begun = new Set(files.map((file) => relativeSlashed(siteDir, file)));
      await rm(stageDir, { recursive: true, force: true });
      thread = startThread();
      const message: IndexerRequest = {
        type: 'early',
        siteDir,
        stageDir,
        files,
        ids: wanted,
        ...(maxArticles === undefined ? {} : { maxArticles }),
      };
      thread.worker.postMessage(message);
      let left = files.length;
      openTap({
        wanted: new Set(wanted),
        take(entry) {
          entries.push(entry);
          left--;
          if (left === 0) entries.flush();
        },
      });
    },
    wrap(prerenderer) {
      return {
        ...prerenderer,
        async getStaticPaths() {
          // A bare list, or (Astro 7.4 on) the list with the incremental build's metadata.
          const result = await prerenderer.getStaticPaths();
          const paths = Array.isArray(result) ? result : result.paths;
          const pages = paths.filter(({ route }) => route.type === 'page');
          const fileOf = ({ pathname }: { pathname: string }): string =>
            join(siteDir, pageFile(pathname));
          const items = pages.filter((p) => isItemPath(p.pathname));
          const files = [...new Set(pages.map(fileOf))].sort();
          maxFragments = fragmentLimit(maxFiles, {
            pages: files.length,
            // Endpoints (feeds, exports), public/ files, Astro's assets and the sitemap.
            others: paths.length - pages.length + publicFiles + filesBesideRoutes(files.length),
            articlesByYear: articlesByYear(items.map((p) => pageFile(p.pathname))),
            maxArticles: maxArticles ?? DEFAULT_MAX_ARTICLES,
          });
          // The content sync is over: what entries it stored are the thread's.
          closeTap();
          entries.flush();
          thread ??= startThread();
          const plan: IndexerRequest = {
            type: 'plan',
            siteDir,
            files,
            items: [...new Set(items.map(fileOf))].sort(),
            ...(maxArticles === undefined ? {} : { maxArticles }),
            ...(maxFragments === undefined ? {} : { maxFragments }),
          };
          thread.worker.postMessage(plan);
          const ordered = renderOrder(paths, begun);
          return Array.isArray(result) ? ordered : { ...result, paths: ordered };
        },
      };
    },
    written(file, data) {
      if (thread === null || !file.endsWith('.html')) return;
      // Astro's buffer stays Astro's: the bytes are copied, and the copy moves to the thread.
      const bytes = typeof data === 'string' ? Buffer.from(data) : data;
      const body = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
      pages.push({ file, body: body as ArrayBuffer });
    },
    async finish() {
      closeTap();
      if (thread === null) return { stale: 'no pages were announced' };
      const { worker, answer, exited } = thread;
      worker.ref();
      pages.flush();
      const finish: IndexerRequest = { type: 'finish', files: await htmlFiles(siteDir) };
      worker.postMessage(finish);
      const response = await answer;
      // Its Pagefind process is waited for, so the build's CPU time counts it.
      await exited;
      switch (response.type) {
        case 'done':
          return {
            report: response.report,
            shards: response.shards,
            pages: response.pages,
            maxFragments,
          };
        case 'error':
          throw new Error(response.message);
        case 'stale':
          await Promise.all(
            [...response.written, MANIFEST_FILE].map((name) =>
              rm(join(siteDir, BUNDLE_DIR, name), { recursive: true, force: true }),
            ),
          );
          return { stale: response.reason };
      }
    },
  };
}
