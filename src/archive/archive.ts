/**
 * The archive as the site sees it: both collections read and indexed once per build. Every page
 * awaits `getArchive()`; the first call does the work and later calls share its result.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { buildIndexes, type ArchiveIndex } from './indexes.ts';
import { lang } from '../i18n/index.ts';

export type Item = CollectionEntry<'items'>;
export type PageRecord = CollectionEntry<'pages'>;
export type Archive = ArchiveIndex<Item, PageRecord>;

let archive: Promise<Archive> | undefined;

export function getArchive(): Promise<Archive> {
  archive ??= (async () => {
    const [items, pages] = await Promise.all([getCollection('items'), getCollection('pages')]);
    return buildIndexes(items, pages, { locale: lang });
  })();
  return archive;
}
