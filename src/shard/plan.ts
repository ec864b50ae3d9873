/**
 * The parts an archive is built in — the global build and one shard per year (or `undated`) —
 * each with the options that build it and the fingerprint of what it is built from
 * (fingerprint.ts). `folio build --sharded` builds the parts whose fingerprint changed;
 * `folio parts --json` prints the same list for a CI workflow that builds each part in a job
 * of its own and keeps each part's output in a cache keyed by its fingerprint.
 */
import { existsSync } from 'node:fs';
import type { ContentHashes } from './content-hashes.ts';
import {
  globalFingerprint,
  listContent,
  shardFingerprint,
  siteFingerprint,
} from './fingerprint.ts';

/** The global build's part name. */
export const GLOBAL = 'global';

export interface PlannedPart {
  /** `global` or a shard key (`2024`, `undated`). */
  part: string;
  /** Digest of Folio and of the content the part is built from. */
  fingerprint: string;
  /** Options of `folio build --content <dir>` that build the part. */
  args: string[];
}

/**
 * The parts of the content directory: the global build first, then the shards newest first
 * (the year that changes most often is built first). Fails when the content directory is
 * missing or holds no issue.
 */
export function planParts(root: string, contentDir: string, hashes?: ContentHashes): PlannedPart[] {
  if (!existsSync(contentDir)) throw new Error(`${contentDir}: content directory not found`);
  const listing = listContent(contentDir, hashes);
  if (listing.shards.length === 0) throw new Error(`${contentDir}: no issues to build`);
  const site = siteFingerprint(root);
  return [
    { part: GLOBAL, fingerprint: globalFingerprint(site, listing), args: ['--global'] },
    ...[...listing.shards].reverse().map((shard) => ({
      part: shard,
      fingerprint: shardFingerprint(site, contentDir, listing, shard),
      args: ['--shard', shard],
    })),
  ];
}
