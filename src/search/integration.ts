/**
 * Astro integration: once the site is built, index its article pages for search
 * (index-articles.ts). A failure fails the build, with the cause attached.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { indexArticles } from './index-articles.ts';

export function folioSearch(): AstroIntegration {
  return {
    name: 'folio-search',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        try {
          const report = await indexArticles({ siteDir: fileURLToPath(dir) });
          const seconds = ((performance.now() - started) / 1000).toFixed(1);
          logger.info(
            `indexed ${report.articles} articles of ${report.pagesRead} pages in ${seconds} s`,
          );
        } catch (error) {
          throw new Error(`search index failed: ${(error as Error).message}`, { cause: error });
        }
      },
    },
  };
}
