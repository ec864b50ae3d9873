/**
 * After a part build: what the part does not own is taken out of its output, and the output is
 * labelled with its part (`folio-part.json`), for the assembler. Astro builds every static route
 * in every build, so a shard's output holds copies of the home page, the search page, the feed…
 * built from one year (and the global output an item export without bodies): they are removed,
 * so each output holds only what it publishes. Shared assets (`_astro/`, `public/` files) stay.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isSharedAsset, ownerOf } from './ownership.ts';
import type { BuildPart } from './part.ts';
import { removeFiles } from '../site/files.ts';

/** The label of a part build's output, at its root. */
export const PART_FILE = 'folio-part.json';

export interface PartLabel {
  part: 'shard' | 'global';
  /** The shard's key; absent for the global build. */
  shard?: string;
}

/** Whether a part's output keeps `path`. */
export function keeps(part: BuildPart, path: string, shared: ReadonlySet<string>): boolean {
  const owner = ownerOf(path);
  if (part.kind === 'shard') {
    if (owner.kind === 'shard') return owner.shard === part.shard;
    return owner.kind === 'merged' ? path !== 'sitemap-index.xml' : isSharedAsset(path, shared);
  }
  if (part.kind === 'global') return owner.kind === 'global' || path === 'sitemap-index.xml';
  return true;
}

/** Removes from `outDir` what `part` does not own, then writes its label; returns what it removed. */
export async function prunePart(
  outDir: string,
  part: BuildPart,
  shared: ReadonlySet<string>,
): Promise<string[]> {
  if (part.kind === 'whole') return [];
  const removed = await removeFiles(outDir, (path) => keeps(part, path, shared));
  const label: PartLabel =
    part.kind === 'shard' ? { part: 'shard', shard: part.shard } : { part: 'global' };
  await writeFile(join(outDir, PART_FILE), `${JSON.stringify(label)}\n`);
  return removed;
}
