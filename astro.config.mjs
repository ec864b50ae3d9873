// @ts-check
import { defineConfig } from 'astro/config';
import { loadConfig } from './src/config.ts';
import { folioSearch } from './src/search/integration.ts';

const config = loadConfig();

export default defineConfig({
  site: config.site,
  base: config.base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  outDir: process.env.FOLIO_OUT ?? 'dist',
  integrations: [folioSearch()],
});
