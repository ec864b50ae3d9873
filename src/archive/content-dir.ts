import { resolve } from 'node:path';

/** Environment variable through which `folio build --content <dir>` points the site at a content directory. */
export const CONTENT_ENV = 'FOLIO_CONTENT';

/** The content directory the site is built from: `$FOLIO_CONTENT`, or `content/` in the project. */
export function contentDir(): string {
  return resolve(process.env[CONTENT_ENV] ?? 'content');
}
