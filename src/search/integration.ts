/**
 * Astro integration: indexes the site's article pages for search (index-articles.ts), one
 * Pagefind bundle per shard.
 *
 * When the last build left parts to reuse (index-cache.ts, kept in the build cache:
 * site/cache-dir.ts), the site is indexed from disk once built, and the bundles of parts whose
 * pages did not change are reused. When it left nothing (a first build, `--force`, a change to the
 * indexer), the pages are indexed as Astro renders them (stream-index.ts) and the cache is filled
 * from what was indexed; when the built site is not what was announced, it is indexed from disk.
 * A failure fails the build, with the cause attached.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { indexArticles, rememberStreamed, type IndexReport } from './index-articles.ts';
import { IndexCache, SEARCH_CACHE_DIR, indexerFingerprint } from './index-cache.ts';
import { streamIndex, type StreamIndex } from './stream-index.ts';
import { contentDir } from '../archive/content-dir.ts';
import { contentPatterns } from '../shard/part.ts';
import { FOLIO_CACHE_DIR } from '../site/cache-dir.ts';
import { publicFiles } from '../site/files.ts';
import { onPageWritten } from '../site/page-writes.ts';
import { reportBuild } from '../site/build-report.ts';

export interface SearchOptions {
  /** Articles in one shard's index, at most (default 2,500): bounds the indexer's memory. */
  maxArticles?: number;
  /**
   * The host's file limit (`maxFiles` in folio.config.json), for a build of the whole site: the
   * index bundles its fragments as far as the site needs to fit it (fragment-budget.ts).
   */
  maxFiles?: number;
}

export function folioSearch({ maxArticles, maxFiles }: SearchOptions = {}): AstroIntegration {
  const limit = {
    ...(maxArticles === undefined ? {} : { maxArticles }),
    ...(maxFiles === undefined ? {} : { maxFiles }),
  };
  let publicDir = '';
  let root = '';
  let cacheDir = '';
  let site = { dir: '', directoryFormat: true };
  let cache: IndexCache | null = null;
  let stream: StreamIndex | null = null;
  let building = false;
  return {
    name: 'folio-search',
    hooks: {
      'astro:config:setup': ({ command }) => {
        building = command === 'build';
      },
      'astro:config:done': async ({ config }) => {
        root = fileURLToPath(config.root);
        publicDir = fileURLToPath(config.publicDir);
        cacheDir = join(fileURLToPath(config.cacheDir), FOLIO_CACHE_DIR, SEARCH_CACHE_DIR);
        site = {
          dir: fileURLToPath(config.outDir),
          directoryFormat: config.build.format === 'directory',
        };
        // A first build starts the index from the content entries of the first item pages as
        // the content sync stores them, while the renderer leaves a core idle. Not under a file
        // limit: how far fragments are bundled depends on the pages, known only once planned.
        if (!building || maxFiles !== undefined || !site.directoryFormat) return;
        cache = await IndexCache.open(cacheDir, await indexerFingerprint(root));
        if (!cache.empty) return;
        stream = streamIndex({ siteDir: site.dir, ...limit });
        await stream.early({
          contentDir: contentDir(),
          pattern: contentPatterns().items,
          stageDir: join(cacheDir, 'early'),
        });
      },
      'astro:build:start': async ({ setPrerenderer }) => {
        cache ??= await IndexCache.open(cacheDir, await indexerFingerprint(root));
        // Pages are matched to their files as `build.format: 'directory'` writes them.
        if (!cache.empty || !site.directoryFormat) return;
        const started =
          stream ??
          streamIndex({
            siteDir: site.dir,
            publicFiles: maxFiles === undefined ? 0 : (await publicFiles(publicDir)).size,
            ...limit,
          });
        stream = started;
        setPrerenderer((prerenderer) => started.wrap(prerenderer));
        // Pages reach the indexer as they are written (site/page-writes.ts writes them, and
        // forgets the listener once they are generated or the build fails).
        onPageWritten((file, data) => {
          started.written(file, data);
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const siteDir = fileURLToPath(dir);
        try {
          cache ??= await IndexCache.open(cacheDir, await indexerFingerprint(root));
          let report: IndexReport;
          const streamed = stream === null || siteDir !== site.dir ? null : await stream.finish();
          if (streamed !== null && 'report' in streamed) {
            await rememberStreamed(
              siteDir,
              cache,
              streamed.shards,
              streamed.pages,
              streamed.maxFragments,
            );
            report = streamed.report;
          } else {
            if (streamed !== null) logger.warn(`indexing from disk: ${streamed.stale}`);
            report = await indexArticles({ siteDir, cache, ...limit });
          }
          reportBuild({ search: report });
          const seconds = ((performance.now() - started) / 1000).toFixed(1);
          logger.info(
            `indexed ${report.articles} articles of ${report.pagesRead} pages in ` +
              `${report.shards} shards (${report.indexed} indexed, ${report.reused} reused` +
              `${report.fromEntries ? `; ${report.fromEntries} articles from their content entries` : ''}) ` +
              `in ${seconds} s after the pages`,
          );
        } catch (error) {
          throw new Error(`search index failed: ${(error as Error).message}`, { cause: error });
        }
      },
    },
  };
}
