// @ts-check
import { defineConfig } from 'astro/config';
import { loadConfig } from './src/config.ts';

const config = loadConfig();

export default defineConfig({
  site: config.site,
  base: config.base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  outDir: process.env.FOLIO_OUT ?? 'dist',
});
