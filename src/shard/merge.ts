/**
 * The files the assembler merges from several builds: the search bundle list
 * (`pagefind/shards.json`), the sitemap index, and the bulk item export (joined in archive order
 * by the assembler as it copies).
 */
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { parseSitemapIndex, SitemapIndexStream, streamToPromise, type IndexItem } from 'sitemap';
import { newestFirst, type ShardEntry, type ShardManifest } from '../search/index-articles.ts';
import { UNDATED_SHARD } from './part.ts';
import { compareText } from '../compare.ts';

/** A file read from one build's output, with the output it came from (for error messages). */
export interface Sourced<T> {
  source: string;
  value: T;
}

/** Every shard's bundles in one list, newest first; a bundle listed twice is an error. */
export function mergeManifests(manifests: readonly Sourced<ShardManifest>[]): ShardManifest {
  const seen = new Map<string, string>();
  const entries: ShardEntry[] = [];
  for (const { source, value } of manifests) {
    for (const entry of value.shards) {
      const other = seen.get(entry.key);
      if (other !== undefined) {
        throw new Error(`search bundle ${entry.key} is in both ${other} and ${source}`);
      }
      seen.set(entry.key, source);
      entries.push(entry);
    }
  }
  return { shards: newestFirst(entries) };
}

/** Shard keys in archive order: years ascending, undated last. */
export function archiveOrder(shards: readonly string[]): string[] {
  const rank = (key: string): string => (key === UNDATED_SHARD ? '~' : key);
  return [...shards].sort((a, b) => compareText(rank(a), rank(b)));
}

export async function readSitemapIndex(file: string): Promise<IndexItem[]> {
  try {
    return await parseSitemapIndex(createReadStream(file));
  } catch (error) {
    throw new Error(`${file}: cannot read the sitemap index: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/** A sitemap index listing `items` (each a sitemap's URL, with its last change when known). */
export async function sitemapIndexXml(items: readonly IndexItem[]): Promise<string> {
  const stream = new SitemapIndexStream();
  const done = streamToPromise(Readable.from(items).pipe(stream));
  return (await done).toString('utf8');
}
