import { join, resolve } from 'node:path';

/** Environment variable that moves the build cache (e.g. to a CI cache directory). */
export const CACHE_ENV = 'FOLIO_CACHE';

/** Folio's own part of the build cache: the search bundles, the state of the output directory. */
export const FOLIO_CACHE_DIR = 'folio';

/**
 * Where a build keeps what the next build reuses: Astro's content store, the pages of the last
 * build and their cache keys, and Folio's part (`folio/`). `$FOLIO_CACHE`, else
 * `node_modules/.astro/` in the project (Astro's default).
 */
export function cacheDir(root: string): string {
  const dir = process.env[CACHE_ENV];
  return dir === undefined || dir === '' ? join(root, 'node_modules/.astro') : resolve(dir);
}
