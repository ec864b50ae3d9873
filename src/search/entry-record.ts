/**
 * The search record of an item page, made from its content entry before the page is rendered:
 * the entry's front matter as the content sync validated it and its body's HTML as the sync
 * rendered it, put together as the `<article>` of ArticleView.astro (the only part of the page
 * the index reads) and read as a rendered page is read (record.ts).
 *
 * It lets the index start while Astro is still syncing content and bundling, when the renderer
 * leaves a core idle. The indexer holds each such record to the record of the page as rendered
 * (index-worker.ts): a page that reads differently has the site indexed from its pages instead.
 */
import { join } from 'node:path';
import { escapeAttribute, escapeText } from 'entities';
import type { CustomRecord } from 'pagefind';
import type { ItemData } from '../archive/schema.ts';
import { splitByline } from '../archive/byline.ts';
import { itemUrl } from '../archive/urls.ts';
import { articleIndexAttributes } from './attributes.ts';
import { recordOf } from './record.ts';
import { pageFile } from './page-file.ts';

/** An item entry as the content sync stored it. */
export interface ItemEntry {
  id: string;
  data: ItemData;
  /** The body rendered to HTML. */
  html: string;
}

/** The file the item page of entry `id` is written to, in the site `siteDir`. */
export function itemFile(siteDir: string, id: string): string {
  const path = itemUrl(id, '/').split('/').map(decodeURIComponent).join('/');
  return join(siteDir, pageFile(path));
}

/**
 * The article element of an item page, as ArticleView.astro renders it, as far as the index reads
 * it: its index attributes, the head's blocks (kicker, title, subtitle, byline) and the body.
 */
export function articleElement(data: ItemData, body: string): string {
  const attributes = Object.entries(articleIndexAttributes(data))
    .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
    .join('');
  const byline = data.byline === null ? [] : splitByline(data.byline, data.authors);
  const head = [
    data.kicker === null ? '' : `<p>${escapeText(data.kicker)}</p>`,
    `<h1>${escapeText(data.title)}</h1>`,
    data.subtitle === null ? '' : `<p>${escapeText(data.subtitle)}</p>`,
    byline.length === 0
      ? ''
      : `<p>${byline.map((part) => escapeText('name' in part ? part.name : part.text)).join('')}</p>`,
  ].join('');
  return `<article${attributes}><header>${head}</header><div>${body}</div></article>`;
}

/**
 * The record of the item page of `entry`, written to `file` (its `itemFile`), as the indexer
 * would read the rendered page.
 */
export function entryRecord(siteDir: string, file: string, entry: ItemEntry): CustomRecord | null {
  return recordOf(siteDir, file, articleElement(entry.data, entry.html));
}
