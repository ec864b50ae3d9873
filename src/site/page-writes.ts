/**
 * How a build's pages reach the disk.
 *
 * Astro writes each page it renders with Node's promise-based file functions: `mkdir` of the
 * page's directory, then `writeFile` (open, write, close), every step a task handed to libuv's
 * thread pool. Then it writes the page again as its incremental build's copy, under
 * `<cacheDir>/dist/`, which Folio links to the output directory (output-dir.ts): the same file,
 * opened, emptied and written a second time. On two cores, with the search index built beside
 * the pages, every hand-off costs more than the call it carries: at 7,500 items the pool's
 * threads took 8–20 s of CPU for files the main thread writes itself in a few seconds
 * (bench/README.md, "Writing the pages").
 *
 * So from the start of the build until its pages are generated, `fs.promises.mkdir` and
 * `fs.promises.writeFile` are replaced for paths inside the output directory or the copies'
 * directory:
 * - the directory is made and the file written at once, synchronously; the promise settles with
 *   the same result, or rejects with the same error;
 * - a page's copy is not written when the copies' directory is the link to the output and the
 *   copy's bytes are the very buffer just written as that page: the copy is that file; nor is
 *   its directory made again when it was made as a page's.
 * Any other path goes to Node's functions as before; code that imports them by name (as Folio's
 * own does) is not reached at all. Whoever needs each page as written (the search index built
 * while the pages render, search/stream-index.ts) is told of it (`onPageWritten`): its path and
 * the bytes Astro holds, without reading Astro's response a second time. Node's functions are
 * put back once the pages are generated (`astro:build:generated`, which every build that gets to
 * `astro:build:done` passes), or by `folio build` when the build fails before that
 * (`restorePageWrites`).
 */
import nodeFs, { realpathSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { reportBuild } from './build-report.ts';
import { pageRendered } from './build-progress.ts';
import { PAGE_COPIES } from './output-dir.ts';

type FsPromises = typeof nodeFs.promises;

export interface PageWriteTargets {
  /** The output directory: the pages. */
  outDir: string;
  /** Astro's copies of the pages; its files are the pages when it is a link to `outDir`. */
  copiesDir: string;
}

export interface PageWriteCounts {
  /** Files written at once, pages and copies. */
  written: number;
  /** Of them, HTML pages written in the output directory: the pages rendered. */
  pages: number;
  /** Copies left unwritten because they are the page just written. */
  copiesSkipped: number;
  /** Copies' directories not made again: through the link, they are pages' directories. */
  directoriesKept: number;
}

/**
 * Node's own function, kept on the one that replaces it: the configuration that installs the
 * replacement and the CLI that may have to restore it load this module apart (Astro loads its
 * configuration through Vite), but share `node:fs`.
 */
const ORIGINAL = Symbol.for('folio.pageWrites.original');

type Replaced<F> = F & { [ORIGINAL]?: F };

/** Told of each file written at once inside the output directory: its path and its bytes. */
export type PageListener = (path: string, data: string | NodeJS.ArrayBufferView) => void;

const listeners = new Set<PageListener>();

/**
 * Has `listener` told of every file written at once inside the output directory, as soon as it
 * is written (not of the pages' copies), until it is stopped (the function returned) or the page
 * writes are restored (`restorePageWrites`). The bytes are Astro's: a listener that keeps them
 * past its call takes a copy.
 */
export function onPageWritten(listener: PageListener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** A path as Astro passes it (a string or a file: URL), or null for anything else. */
function pathOf(target: unknown): string | null {
  if (typeof target === 'string') return target;
  if (target instanceof URL) return target.protocol === 'file:' ? fileURLToPath(target) : null;
  return null;
}

/** `path` relative to `dir`, or null when it is not inside it. */
function inside(dir: string, path: string): string | null {
  const rel = relative(dir, path);
  return rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel) ? null : rel;
}

function isBytes(data: unknown): data is string | NodeJS.ArrayBufferView {
  return typeof data === 'string' || ArrayBuffer.isView(data);
}

/** Whether `copiesDir` leads to `outDir` itself (the link output-dir.ts makes). */
function copiesAreThePages(targets: PageWriteTargets): boolean {
  try {
    return realpathSync(targets.copiesDir) === realpathSync(targets.outDir);
  } catch {
    return false;
  }
}

/**
 * Replaces `fs.promises.mkdir` and `fs.promises.writeFile` for the paths of `targets` until
 * `restorePageWrites`. Installed twice, the second replaces the first's targets.
 */
export function installPageWrites(targets: PageWriteTargets): PageWriteCounts {
  putBack();
  const fs = nodeFs.promises;
  const original = { mkdir: fs.mkdir, writeFile: fs.writeFile };
  const counts: PageWriteCounts = { written: 0, pages: 0, copiesSkipped: 0, directoriesKept: 0 };
  const linked = copiesAreThePages(targets);
  // Each page's bytes, by the buffer Astro holds, until its copy is asked for.
  const pages = new WeakMap<object, string>();

  // The directories made inside the output, relative to it: through the link, the copies' too.
  const made = new Set<string>();

  // Async functions: what they do at once is done before they return, and what they throw
  // rejects their promise, as Node's own would.
  const mkdir = (async (target: Parameters<FsPromises['mkdir']>[0], options?: unknown) => {
    const path = pathOf(target);
    const page = path === null ? null : inside(targets.outDir, path);
    const copy = path === null ? null : inside(targets.copiesDir, path);
    if (path === null || (page === null && copy === null)) {
      return (original.mkdir as (...args: unknown[]) => Promise<unknown>).call(fs, target, options);
    }
    const recursive = (options as nodeFs.MakeDirectoryOptions | undefined)?.recursive === true;
    // A page's copy goes where the page went: its directory is there already.
    if (linked && copy !== null && recursive && made.has(copy)) {
      counts.directoriesKept++;
      return undefined;
    }
    const result = nodeFs.mkdirSync(path, options as nodeFs.MakeDirectoryOptions);
    if (page !== null && recursive) made.add(page);
    return result;
  }) as FsPromises['mkdir'];

  const writeFile = (async (
    target: Parameters<FsPromises['writeFile']>[0],
    data: Parameters<FsPromises['writeFile']>[1],
    options?: Parameters<FsPromises['writeFile']>[2],
  ) => {
    const path = pathOf(target);
    const page = path === null ? null : inside(targets.outDir, path);
    const copy = path === null ? null : inside(targets.copiesDir, path);
    // Strings and buffers are written at once; streams and iterables as Node writes them.
    if (path === null || (page === null && copy === null) || !isBytes(data)) {
      await original.writeFile.call(fs, target, data, options);
      return;
    }
    if (linked && copy !== null && typeof data !== 'string' && pages.get(data) === copy) {
      pages.delete(data);
      counts.copiesSkipped++;
      return;
    }
    nodeFs.writeFileSync(path, data, options as nodeFs.WriteFileOptions);
    counts.written++;
    if (page === null) return;
    if (page.endsWith('.html')) {
      counts.pages++;
      pageRendered();
    }
    if (typeof data !== 'string') pages.set(data, page);
    for (const listener of listeners) listener(path, data);
  }) as FsPromises['writeFile'];

  (mkdir as Replaced<FsPromises['mkdir']>)[ORIGINAL] = original.mkdir;
  (writeFile as Replaced<FsPromises['writeFile']>)[ORIGINAL] = original.writeFile;
  fs.mkdir = mkdir;
  fs.writeFile = writeFile;
  return counts;
}

/** Puts Node's own `fs.promises.mkdir` and `writeFile` back (nothing when they are in place). */
function putBack(): void {
  const fs = nodeFs.promises;
  fs.mkdir = (fs.mkdir as Replaced<FsPromises['mkdir']>)[ORIGINAL] ?? fs.mkdir;
  fs.writeFile = (fs.writeFile as Replaced<FsPromises['writeFile']>)[ORIGINAL] ?? fs.writeFile;
}

/**
 * Puts Node's own `fs.promises.mkdir` and `writeFile` back (nothing when they are in place), and
 * forgets every listener: the pages are generated, or the build failed, and a listener of this
 * build must not be told of the next one's pages.
 */
export function restorePageWrites(): void {
  putBack();
  listeners.clear();
}

/**
 * The integration: pages written at once from the start of the build until they are generated.
 * It comes after output-dir.ts's `prepare`, which links the copies' directory.
 */
export function folioPageWrites(): AstroIntegration {
  let targets: PageWriteTargets | null = null;
  let counts: PageWriteCounts | null = null;
  return {
    name: 'folio-page-writes',
    hooks: {
      'astro:config:done': ({ config }) => {
        targets = {
          outDir: fileURLToPath(config.outDir),
          copiesDir: join(fileURLToPath(config.cacheDir), PAGE_COPIES),
        };
      },
      'astro:build:start': () => {
        if (targets !== null) counts = installPageWrites(targets);
      },
      'astro:build:generated': ({ logger }) => {
        restorePageWrites();
        if (counts !== null) {
          reportBuild({ rendered: counts.pages });
          logger.debug(
            `${counts.written} files written at once, ${counts.copiesSkipped} page copies left ` +
              `as the pages, ${counts.directoriesKept} of their directories not made again`,
          );
        }
      },
    },
  };
}
