/**
 * Astro integration: once the site is built, index its article pages for search
 * (index-articles.ts), one Pagefind bundle per shard. A failure fails the build, with the cause
 * attached.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { indexArticles } from './index-articles.ts';

export interface SearchOptions {
  /** Articles in one shard's index, at most (default 5,000): bounds the indexer's memory. */
  maxArticles?: number;
}

export function folioSearch({ maxArticles }: SearchOptions = {}): AstroIntegration {
  return {
    name: 'folio-search',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        try {
          const report = await indexArticles({
            siteDir: fileURLToPath(dir),
            ...(maxArticles === undefined ? {} : { maxArticles }),
          });
          const seconds = ((performance.now() - started) / 1000).toFixed(1);
          logger.info(
            `indexed ${report.articles} articles of ${report.pagesRead} pages in ` +
              `${report.shards} shards in ${seconds} s`,
          );
        } catch (error) {
          throw new Error(`search index failed: ${(error as Error).message}`, { cause: error });
        }
      },
    },
  };
}
