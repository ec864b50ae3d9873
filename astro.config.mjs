// @ts-check
import { defineConfig } from 'astro/config';
import { satteri } from '@astrojs/markdown-satteri';
import sitemap from '@astrojs/sitemap';
import { loadConfig } from './src/config.ts';
import { folioSearch } from './src/search/integration.ts';
import { partOptions } from './src/shard/astro-options.ts';

const config = loadConfig();
// A shard or the global build (`folio build --shard`, `--global`): see src/shard/.
const shardPart = partOptions(config.base);
// Articles per search index shard (default 5,000): the indexer's memory follows it.
const part = process.env.FOLIO_SEARCH_PART;
if (part !== undefined && part !== '' && !/^[1-9]\d*$/.test(part)) {
  throw new Error(`FOLIO_SEARCH_PART must be a positive whole number of articles, not "${part}"`);
}

export default defineConfig({
  site: config.site,
  base: config.base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  outDir: process.env.FOLIO_OUT ?? 'dist',
  ...(shardPart.cacheDir !== undefined && { cacheDir: shardPart.cacheDir }),
  // Article text is shown as printed: no "smart" quotes, dashes or ellipses added at render time.
  markdown: { processor: satteri({ features: { smartPunctuation: false } }) },
  integrations: [
    ...(shardPart.search
      ? [folioSearch(part === undefined || part === '' ? {} : { maxArticles: Number(part) })]
      : []),
    // Search pages are not content; the 404 page is not a page at all.
    sitemap({
      filenameBase: shardPart.sitemapBase,
      filter: (page) =>
        shardPart.inSitemap(page) && !/\/(search|404)\/?$/.test(new URL(page).pathname),
    }),
  ],
});
