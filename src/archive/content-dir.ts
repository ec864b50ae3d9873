import { resolve } from 'node:path';

/** Environment variable through which `folio build --content <dir>` points the site at a content directory. */
export const CONTENT_ENV = 'FOLIO_CONTENT';

/** The content directory the site is built from: `$FOLIO_CONTENT`, or `content/` in the project. */
export function contentDir(): string {
  return resolve(process.env[CONTENT_ENV] ?? 'content');
}

/**
 * A content entry's id: its path in the content directory, `/`-separated, without its extension
 * (`2024-05-01/02/03.md` → `2024-05-01/02/03`, `undated/Scan.A/page.json` → `undated/Scan.A/page`).
 * Every build names its entries so, whatever their loader, and an id's folders are the folders
 * on disk (which the shard builds read for their neighbours, src/shard/neighbours.ts).
 */
export function entryId(path: string): string {
  return path.replace(/\.(md|json)$/, '');
}
