/**
 * Astro integration: keeps the output directory between builds, so that an incremental build
 * leaves the pages it reuses where they are instead of copying every one back from the cache
 * (astro.config.mjs turns Astro's own emptying of the directory off: `vite.build.emptyOutDir`).
 *
 * The output stays exactly what a clean build writes:
 * - it is kept only when the last build with this cache wrote this same directory and finished
 *   (`folio/output.json` in the cache); otherwise it is emptied first, as Astro would;
 * - the client assets (`_astro/`) and the sitemap are written anew by every build, so they are
 *   removed at the start;
 * - at the end, every file that is neither a page of this build, a client asset, a file of
 *   `public/`, the sitemap nor the search index (which keeps its own) is removed: the pages of an
 *   item, an issue or a reporter that are gone.
 *
 * Astro keeps a copy of every page it renders in its cache (`experimental.incrementalBuild`,
 * `<cacheDir>/dist/`), to restore a reused page that is missing from the output. Since the output
 * is kept, a reused page is already there, and the copies only doubled the files a build creates
 * (making a file is the costliest part of writing a page where the file system is slow;
 * `bench/README.md`) and kept a second copy of the site in the cache. So the copies' directory
 * is a link to the output directory (`linkPageCopies`): Astro's copy of a page is the page
 * itself (page-writes.ts does not write it a second time), and missing exactly when the page is
 * (which is then rendered).
 * What Astro's cache removes as the copies of pages no longer built are then those pages: the
 * same files the end of the build removes; a page this build wrote and Astro then removed fails
 * the build.
 *
 * Two integrations: `prepare` must come first, so that no other integration's
 * `astro:build:done` (the search indexer) sees a page that is gone, and `finish` last, so that
 * the build counts as finished only when every other integration is done.
 */
import { existsSync } from 'node:fs';
import {
  mkdir,
  readFile,
  readdir,
  readlink,
  rename,
  rm,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { join, relative } from 'node:path';
import { relativeSlashed } from '../paths.ts';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { FOLIO_CACHE_DIR } from './cache-dir.ts';
import { publicFiles, removePaths, siteFiles } from './files.ts';

const STATE_FILE = 'output.json';
/** Written by every build: removed before it starts. */
const CLIENT_ASSETS = '_astro';
const SITEMAP = /^sitemap-.*\.xml$/;
/** Kept by the search indexer itself (index-articles.ts). */
const SEARCH_INDEX = 'pagefind';
/** Where Astro's incremental build keeps its copies of the pages, inside its cache directory. */
export const PAGE_COPIES = 'dist';

interface OutputState {
  /** The output directory the last build wrote. */
  outDir: string;
  /** Whether that build finished. */
  complete: boolean;
}

async function readState(file: string): Promise<OutputState | null> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as OutputState;
  } catch {
    return null;
  }
}

async function writeState(file: string, state: OutputState): Promise<void> {
  await mkdir(join(file, '..'), { recursive: true });
  await writeFile(`${file}.tmp`, `${JSON.stringify(state)}\n`);
  await rename(`${file}.tmp`, file);
}

/** Removes what is in `dir`, but not `dir` itself (nor a `.git` in it, as Astro does). */
async function empty(dir: string): Promise<void> {
  if (!existsSync(dir)) return;
  for (const name of await readdir(dir)) {
    if (name !== '.git') await rm(join(dir, name), { recursive: true, force: true });
  }
}

/**
 * Makes `<cacheDir>/dist` a link to the output directory (relative, so that both can move
 * together), replacing what is there: copies of an earlier build, or a link elsewhere. Where no
 * link can be made (a Windows account without the right), Astro keeps its copies.
 */
export async function linkPageCopies(
  cacheDir: string,
  outDir: string,
  logger: Pick<AstroIntegrationLogger, 'warn'>,
): Promise<void> {
  const link = join(cacheDir, PAGE_COPIES);
  const target = relative(cacheDir, outDir) || '.';
  const current = await readlink(link).catch(() => null);
  if (current === target) return;
  // A link is removed, not what it points to.
  await rm(link, { recursive: true, force: true });
  await mkdir(cacheDir, { recursive: true });
  try {
    await symlink(target, link, 'dir');
  } catch (error) {
    logger.warn(
      `${link}: cannot link to the output directory (${(error as Error).message}); ` +
        'Astro keeps a copy of every page there',
    );
  }
}

/** The pages a build wrote that the output's `files` lack (Astro's cache removed them). */
function missingPages(files: readonly string[], pages: ReadonlySet<string>): string[] {
  const present = new Set(files);
  return [...pages].filter((page) => !present.has(page));
}

export function folioOutput(): { prepare: AstroIntegration; finish: AstroIntegration } {
  let outDir = '';
  let publicDir = '';
  let stateFile = '';
  let cacheDir = '';
  /** Whether Astro's incremental build, which keeps the copies, is on. */
  let incremental = false;
  const prepare: AstroIntegration = {
    name: 'folio-output',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        publicDir = fileURLToPath(config.publicDir);
        cacheDir = fileURLToPath(config.cacheDir);
        stateFile = join(cacheDir, FOLIO_CACHE_DIR, STATE_FILE);
        incremental = config.experimental.incrementalBuild;
      },
      'astro:build:start': async ({ logger }) => {
        const state = await readState(stateFile);
        if (state?.complete === true && state.outDir === outDir) {
          await rm(join(outDir, CLIENT_ASSETS), { recursive: true, force: true });
          if (existsSync(outDir)) {
            for (const name of await readdir(outDir)) {
              if (SITEMAP.test(name)) await rm(join(outDir, name), { force: true });
            }
          }
        } else {
          if (existsSync(outDir) && (await readdir(outDir)).length > 0) {
            logger.info(`${outDir}: not written by the last build; emptied`);
          }
          await empty(outDir);
        }
        await writeState(stateFile, { outDir, complete: false });
        if (incremental) {
          await mkdir(outDir, { recursive: true });
          await linkPageCopies(cacheDir, outDir, logger);
        }
      },
      'astro:build:done': async ({ assets, logger }) => {
        const pages = new Set<string>();
        for (const urls of assets.values()) {
          for (const url of urls) {
            pages.add(relativeSlashed(outDir, fileURLToPath(url)));
          }
        }
        // The output is listed once: for the pages missing from it and the files it no longer needs.
        const files = await siteFiles(outDir);
        const missing = missingPages(files, pages);
        if (missing.length > 0) {
          // The build is left unfinished: the next one empties the output and renders it all.
          const others = missing.length > 1 ? ` (and ${missing.length - 1} other pages)` : '';
          throw new Error(
            `${join(outDir, missing[0] ?? '')}${others}: written by this build, then removed by ` +
              "Astro's incremental build as pages it no longer caches; build again",
          );
        }
        const shared = await publicFiles(publicDir);
        const keep = (path: string): boolean => {
          const [top = ''] = path.split('/');
          return (
            pages.has(path) ||
            top === CLIENT_ASSETS ||
            top === SEARCH_INDEX ||
            (top === path && SITEMAP.test(path)) ||
            shared.has(path)
          );
        };
        const { length: removed } = await removePaths(
          outDir,
          files.filter((path) => !keep(path)),
        );
        if (removed > 0) logger.info(`removed ${removed} files the last build left`);
      },
    },
  };
  const finish: AstroIntegration = {
    name: 'folio-output-done',
    hooks: {
      'astro:build:done': async () => {
        await writeState(stateFile, { outDir, complete: true });
      },
    },
  };
  return { prepare, finish };
}
