/**
 * The archive as the site sees it: both collections read and indexed once per build. Every page
 * awaits `getArchive()`; the first call does the work and later calls share its result.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { buildIndexes, type ArchiveIndex } from './indexes.ts';
import { cacheKeys, type CacheKeys } from './cache-keys.ts';
import { lang } from '../i18n/index.ts';
import { siteConfig } from '../site/config.ts';
import { outsideOfBuild } from '../shard/neighbours.ts';

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

/** The incremental build's cache key of every page a dynamic route builds (cache-keys.ts). */
export async function getCacheKeys(): Promise<CacheKeys<Item, PageRecord>> {
  return cacheKeys(await getArchive(), { paper: siteConfig.paper, lang }, outsideOfBuild());
}
