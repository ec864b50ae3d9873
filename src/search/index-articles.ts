/**
 * Builds the search index of a built site with Pagefind's Node API: every HTML page that holds a
 * `data-pagefind-body` article becomes one record, its text in Folio's index form (tokens.ts), its
 * metadata, filters and date sort as the page declares them. Errors are fatal.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import * as pagefind from 'pagefind';
import type { CustomRecord } from 'pagefind';
import { extractPage } from './extract.ts';
import { encodeText } from './tokens.ts';

/** The language Pagefind files the index under. */
export const INDEX_LANGUAGE = 'zh';
/** The index directory, inside the built site. */
export const BUNDLE_DIR = 'pagefind';

export interface IndexOptions {
  /** The built site. */
  siteDir: string;
  /** Files read ahead of the one being indexed. */
  concurrency?: number;
}

export interface IndexReport {
  articles: number;
  pagesRead: number;
}

function fail(errors: string[], what: string): void {
  if (errors.length > 0) throw new Error(`search index: ${what}: ${errors.join('; ')}`);
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => join(e.parentPath, e.name))
    .filter((file) => !relative(dir, file).startsWith(BUNDLE_DIR + sep))
    .sort();
}

/**
 * The URL of a built file relative to the site root. Pagefind's browser API puts the base path
 * in front (its `baseUrl` option), so the index does not depend on where the site is deployed.
 */
export function pageUrl(siteDir: string, file: string): string {
  const path = relative(siteDir, file).split(sep).join('/');
  return `/${path.endsWith('index.html') ? path.slice(0, -'index.html'.length) : path}`;
}

/** The Pagefind record of a built page; null when it holds no article. */
async function recordOf(siteDir: string, file: string): Promise<CustomRecord | null> {
  const html = await readFile(file, 'utf8');
  if (!html.includes('data-pagefind-body')) return null;
  const page = extractPage(html, file);
  if (page === null) return null;
  return {
    url: pageUrl(siteDir, file),
    content: encodeText(page.text),
    language: INDEX_LANGUAGE,
    meta: page.meta,
    filters: page.filters,
    sort: page.sort,
  };
}

export async function indexArticles({
  siteDir,
  concurrency = 16,
}: IndexOptions): Promise<IndexReport> {
  const files = await htmlFiles(siteDir);
  let articles = 0;
  try {
    const created = await pagefind.createIndex({ forceLanguage: INDEX_LANGUAGE });
    fail(created.errors, 'cannot start Pagefind');
    const index = created.index;
    if (index === undefined) throw new Error('search index: Pagefind returned no index');

    // Files are read a few at a time but added in path order (dates first), so page numbers,
    // and with them Pagefind's date order and year filters, run in order and compress well.
    const reading = new Map<number, Promise<CustomRecord | null>>();
    const read = (i: number): void => {
      const file = files[i];
      if (file === undefined) return;
      const record = recordOf(siteDir, file);
      // Its error is thrown when its turn comes; until then it must not count as unhandled.
      record.catch(() => undefined);
      reading.set(i, record);
    };
    for (let i = 0; i < concurrency; i++) read(i);
    for (let i = 0; i < files.length; i++) {
      const record = await reading.get(i);
      reading.delete(i);
      read(i + concurrency);
      if (record === undefined || record === null) continue;
      const added = await index.addCustomRecord(record);
      fail(added.errors, files[i] ?? '');
      articles++;
    }
    const written = await index.writeFiles({ outputPath: join(siteDir, BUNDLE_DIR) });
    fail(written.errors, 'cannot write the index');
  } finally {
    await pagefind.close();
  }
  return { articles, pagesRead: files.length };
}
