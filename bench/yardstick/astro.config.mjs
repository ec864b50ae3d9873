// @ts-check
// The bare yardstick: one page per content entry and nothing else, to weigh Folio's build against.
import { defineConfig } from 'astro/config';

export default defineConfig({
  trailingSlash: 'always',
  build: { format: 'directory' },
});
