/**
 * Builds the search index of a built site with Pagefind's Node API: every HTML page that holds a
 * `data-pagefind-body` article becomes one record, its text in Folio's index form (tokens.ts), its
 * metadata, filters and date sort as the page declares them. Errors are fatal.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import * as pagefind from 'pagefind';
import { extractPage } from './extract.ts';
import { encodeText } from './tokens.ts';

/** The language Pagefind files the index under. */
export const INDEX_LANGUAGE = 'zh';
/** The index directory, inside the built site. */
export const BUNDLE_DIR = 'pagefind';

export interface IndexOptions {
  /** The built site. */
  siteDir: string;
  /** Pages read at once. */
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

    let next = 0;
    const worker = async (): Promise<void> => {
      for (let file = files[next++]; file !== undefined; file = files[next++]) {
        const html = await readFile(file, 'utf8');
        if (!html.includes('data-pagefind-body')) continue;
        const page = extractPage(html, file);
        if (page === null) continue;
        const added = await index.addCustomRecord({
          url: pageUrl(siteDir, file),
          content: encodeText(page.text),
          language: INDEX_LANGUAGE,
          meta: page.meta,
          filters: page.filters,
          sort: page.sort,
        });
        fail(added.errors, file);
        articles++;
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    const written = await index.writeFiles({ outputPath: join(siteDir, BUNDLE_DIR) });
    fail(written.errors, 'cannot write the index');
  } finally {
    await pagefind.close();
  }
  return { articles, pagesRead: files.length };
}
