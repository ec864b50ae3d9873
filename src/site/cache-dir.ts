import { join, resolve } from 'node:path';

/** Environment variable that moves the build cache (e.g. to a CI cache directory). */
export const CACHE_ENV = 'FOLIO_CACHE';

/**
 * Where a build keeps what the next build reuses: Astro's content store, the pages of the last
 * build and their cache keys, the search bundles. `$FOLIO_CACHE`, else `node_modules/.astro/` in
 * the project (Astro's default).
 */
export function cacheDir(root: string): string {
  const dir = process.env[CACHE_ENV];
  return dir === undefined || dir === '' ? join(root, 'node_modules/.astro') : resolve(dir);
}
