/**
 * The Pagefind record of one built page: its URL relative to the site root, its text in Folio's
 * index form (tokens.ts), its metadata, filters and date sort as the page declares them
 * (extract.ts); null when the page holds no `data-pagefind-body` article.
 */
import { relativeSlashed } from '../paths.ts';
import type { CustomRecord } from 'pagefind';
import { extractPage } from './extract.ts';
import { INDEX_LANGUAGE } from './shard-writer.ts';
import { encodeText } from './tokens.ts';
import { foldingTable } from './folding/table.ts';
import { useFolding } from './normalize.ts';

// Article texts are normalised with the whole folding table at hand.
useFolding(foldingTable());

/**
 * The URL of a built file relative to the site root. Pagefind's browser API puts the base path
 * in front (its `baseUrl` option), so the index does not depend on where the site is deployed.
 */
export function pageUrl(siteDir: string, file: string): string {
  const path = relativeSlashed(siteDir, file);
  return `/${path.endsWith('index.html') ? path.slice(0, -'index.html'.length) : path}`;
}

/** A record's date (its `date` metadata, `YYYY-MM-DD`); null for an undated article. */
export function recordDate(record: CustomRecord): string | null {
  return record.meta?.['date'] ?? null;
}

/** The record of the page `file` of the site `siteDir`, from its HTML. */
export function recordOf(siteDir: string, file: string, html: string): CustomRecord | null {
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
