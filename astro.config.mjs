// @ts-check
import { defineConfig } from 'astro/config';
import { satteri } from '@astrojs/markdown-satteri';
import sitemap from '@astrojs/sitemap';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { wholeEnv } from './src/cli-options.ts';
import { loadConfig } from './src/config.ts';
import { cacheDir } from './src/site/cache-dir.ts';
import { folioSearch } from './src/search/integration.ts';
import { partOptions } from './src/shard/astro-options.ts';
import { folioOutput } from './src/site/output-dir.ts';
import { folioPageWrites } from './src/site/page-writes.ts';
import { folioBuildReport } from './src/site/build-report.ts';

const config = loadConfig();
// A shard or the global build (`folio build --shard`, `--global`): see src/shard/.
const shardPart = partOptions(config.base);
const output = folioOutput();
// Articles per search index shard (default 2,500): the indexer's memory follows it.
const part = wholeEnv('FOLIO_SEARCH_PART', undefined);
// Pages rendered at once (default 4): while one page waits (for its content, for its response to
// be read), another is rendered. At 1, Astro's log names each page beside its own outcome
// (rendered or reused).
const renderConcurrency = wholeEnv('FOLIO_RENDER_CONCURRENCY', 4);

export default defineConfig({
  site: config.site,
  base: config.base,
  trailingSlash: 'always',
  build: { format: 'directory', concurrency: renderConcurrency },
  outDir: process.env.FOLIO_OUT ?? 'dist',
  // The content store, the pages of the last build and the search bundles are kept here between
  // builds (default node_modules/.astro/; a shard or the global build has a directory of its own
  // in it): a rebuild renders and indexes only what changed.
  cacheDir: join(cacheDir(fileURLToPath(new URL('.', import.meta.url))), shardPart.cacheDir ?? ''),
  experimental: {
    // Pages of dynamic routes carry a cache key (src/archive/cache-keys.ts): one whose key and
    // code did not change is copied from the last build instead of rendered again.
    incrementalBuild: true,
    // The content store reaches the pages as JavaScript string modules. Node compiles one such
    // string in time that grows faster than its length (a 42 MB store, 100,000 items' front
    // matter: 27 s; in 1 MiB pieces: ~2 s), so the store is kept in pieces.
    collectionStorage: { type: 'chunked', chunkSize: 1 << 20 },
  },
  // The output directory is kept between builds, so reused pages stay where they are;
  // src/site/output-dir.ts removes what a build no longer writes.
  vite: { build: { emptyOutDir: false } },
  // Article text is shown as printed: no "smart" quotes, dashes or ellipses added at render time.
  markdown: { processor: satteri({ features: { smartPunctuation: false } }) },
  integrations: [
    // First: removes what the last build wrote and this one does not, before anything reads it.
    output.prepare,
    // After `prepare`, which links Astro's copies of the pages to them.
    folioPageWrites(),
    // Search pages are not content; the 404 page is not a page at all. Before the search
    // integration, whose last hook waits for the index: the sitemap is written meanwhile.
    sitemap({
      filenameBase: shardPart.sitemapBase,
      filter: (page) =>
        shardPart.inSitemap(page) && !/\/(search|404)\/?$/.test(new URL(page).pathname),
    }),
    ...(shardPart.search
      ? [
          folioSearch({
            ...(part === undefined ? {} : { maxArticles: part }),
            // The host's file limit is the whole site's: a shard's build does not know the rest.
            ...(shardPart.whole && config.maxFiles !== undefined
              ? { maxFiles: config.maxFiles }
              : {}),
          }),
        ]
      : []),
    // The build's stages as it reaches them, and its pages: what `folio build` shows and says.
    folioBuildReport(),
    // Last: the build counts as finished once every other integration is done.
    output.finish,
  ],
});
