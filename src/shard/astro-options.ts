/**
 * What a part build changes in the Astro configuration (`astro.config.mjs`): its own directory
 * in the build cache (so a shard's, the global and the whole build's content caches never mix), no
 * search index for the global build (it has no article pages), and a sitemap of the part's own
 * pages under a file name of its own (`sitemap-2024-0.xml`), for the assembler to list.
 */
import { buildPart, partValue, type BuildPart } from './part.ts';
import { ownerOf, shardSitemapBase } from './ownership.ts';

export interface PartOptions {
  /** Whether this is the whole site's build, not a part of it. */
  whole: boolean;
  /** The part's directory inside the build cache (src/site/cache-dir.ts); undefined for the whole build. */
  cacheDir: string | undefined;
  /** Whether the build indexes its article pages for search. */
  search: boolean;
  sitemapBase: string;
  /** Whether a built page (absolute URL) belongs in this part's sitemap. */
  inSitemap(page: string): boolean;
}

export function partOptions(base: string, part: BuildPart = buildPart()): PartOptions {
  const owns = (page: string): boolean => {
    const path = new URL(page).pathname;
    const relative = path.startsWith(base) ? path.slice(base.length) : path.replace(/^\//, '');
    const owner = ownerOf(decodeURIComponent(relative));
    if (part.kind === 'shard') return owner.kind === 'shard' && owner.shard === part.shard;
    return part.kind === 'global' ? owner.kind === 'global' : true;
  };
  return {
    whole: part.kind === 'whole',
    cacheDir: part.kind === 'whole' ? undefined : `part-${partValue(part)}`,
    search: part.kind !== 'global',
    sitemapBase: part.kind === 'shard' ? shardSitemapBase(part.shard) : 'sitemap',
    inSitemap: owns,
  };
}
