/**
 * Astro integration: once the site is built, index its article pages for search
 * (index-articles.ts), one Pagefind bundle per shard, reusing the bundles of the last build whose
 * pages did not change (index-cache.ts, kept in the build cache: site/cache-dir.ts). A failure fails the
 * build, with the cause attached.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { indexArticles } from './index-articles.ts';
import { IndexCache, SEARCH_CACHE_DIR, indexerFingerprint } from './index-cache.ts';
import { FOLIO_CACHE_DIR } from '../site/cache-dir.ts';

export interface SearchOptions {
  /** Articles in one shard's index, at most (default 5,000): bounds the indexer's memory. */
  maxArticles?: number;
}

export function folioSearch({ maxArticles }: SearchOptions = {}): AstroIntegration {
  let root = '';
  let cacheDir = '';
  return {
    name: 'folio-search',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        cacheDir = join(fileURLToPath(config.cacheDir), FOLIO_CACHE_DIR, SEARCH_CACHE_DIR);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        try {
          const cache = await IndexCache.open(cacheDir, await indexerFingerprint(root));
          const report = await indexArticles({
            siteDir: fileURLToPath(dir),
            cache,
            ...(maxArticles === undefined ? {} : { maxArticles }),
          });
          const seconds = ((performance.now() - started) / 1000).toFixed(1);
          logger.info(
            `indexed ${report.articles} articles of ${report.pagesRead} pages in ` +
              `${report.shards} shards (${report.indexed} indexed, ${report.reused} reused) ` +
              `in ${seconds} s`,
          );
        } catch (error) {
          throw new Error(`search index failed: ${(error as Error).message}`, { cause: error });
        }
      },
    },
  };
}
