/**
 * Astro integration: indexes the site's article pages for search (index-articles.ts), one
 * Pagefind bundle per shard. The pages are indexed as Astro renders them (stream-index.ts); when
 * the built site is not what was announced, it is indexed from disk once built. A failure fails
 * the build, with the cause attached.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { indexArticles, type IndexReport } from './index-articles.ts';
import { streamIndex, type StreamIndex } from './stream-index.ts';

export interface SearchOptions {
  /** Articles in one shard's index, at most (default 5,000): bounds the indexer's memory. */
  maxArticles?: number;
}

export function folioSearch({ maxArticles }: SearchOptions = {}): AstroIntegration {
  const limit = maxArticles === undefined ? {} : { maxArticles };
  let site = { dir: '', base: '/', directoryFormat: true };
  let stream: StreamIndex | null = null;
  return {
    name: 'folio-search',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = {
          dir: fileURLToPath(config.outDir),
          base: config.base,
          directoryFormat: config.build.format === 'directory',
        };
      },
      'astro:build:start': ({ setPrerenderer }) => {
        // Pages are matched to their files as `build.format: 'directory'` writes them.
        if (!site.directoryFormat) return;
        const started = streamIndex({ siteDir: site.dir, base: site.base, ...limit });
        stream = started;
        setPrerenderer((prerenderer) => started.wrap(prerenderer));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const siteDir = fileURLToPath(dir);
        try {
          let report: IndexReport;
          const streamed = stream === null || siteDir !== site.dir ? null : await stream.finish();
          if (streamed !== null && 'report' in streamed) {
            report = streamed.report;
          } else {
            if (streamed !== null) logger.warn(`indexing from disk: ${streamed.stale}`);
            report = await indexArticles({ siteDir, ...limit });
          }
          const seconds = ((performance.now() - started) / 1000).toFixed(1);
          logger.info(
            `indexed ${report.articles} articles of ${report.pagesRead} pages in ` +
              `${report.shards} shards in ${seconds} s after the pages`,
          );
        } catch (error) {
          throw new Error(`search index failed: ${(error as Error).message}`, { cause: error });
        } finally {
          stream = null;
        }
      },
    },
  };
}
