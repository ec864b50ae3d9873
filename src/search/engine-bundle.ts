/**
 * The engine bundle, `pagefind/engine/`: Pagefind's JavaScript and WebAssembly with an index of
 * one placeholder record. The search page creates its Pagefind instance on it and merges into it
 * only the shards a search goes through (src/search/client/engine.ts), so a search of one year,
 * or oldest first, loads no other shard's page list or index chunks, and the engine's files
 * have one URL, cached once, whichever shard a search starts at.
 *
 * Each shard is merged with a synthetic `shard` filter (Pagefind's `mergeFilter`); a search
 * filters on it, so the placeholder, which has no such filter, is never a result.
 */
import { existsSync } from 'node:fs';
import { readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { ENGINE_BUNDLE } from './attributes.ts';
import { BUNDLE_DIR, ENTRY_FILE, INDEX_LANGUAGE, fail } from './shard-writer.ts';
import { writeBundle } from './write-bundle.ts';

/**
 * What makes a bundle's engine: the Pagefind version that wrote the bundle in `dir` and the
 * languages its index is filed under, from its entry file; null if it has none.
 */
async function engineOf(dir: string): Promise<string | null> {
  const file = join(dir, ENTRY_FILE);
  if (!existsSync(file)) return null;
  const entry = JSON.parse(await readFile(file, 'utf8')) as {
    version?: string;
    languages?: Record<string, unknown>;
  };
  return JSON.stringify([entry.version ?? null, Object.keys(entry.languages ?? {}).sort()]);
}

/**
 * Writes `pagefind/engine/` into the site `siteDir` beside the shard bundle `shardKey` (any
 * shard of this build), unless one of the same Pagefind version and index language is there
 * already. Uses Pagefind's service, which the caller closes (`pagefind.close()`).
 */
export async function writeEngineBundle(siteDir: string, shardKey: string): Promise<void> {
  const bundles = join(siteDir, BUNDLE_DIR);
  const target = join(bundles, ENGINE_BUNDLE);
  const engine = await engineOf(join(bundles, shardKey));
  if (engine !== null && (await engineOf(target)) === engine) return;
  const { index, errors } = await pagefind.createIndex({});
  fail(errors, 'cannot create the engine bundle');
  if (index === undefined) throw new Error('search index: cannot create the engine bundle');
  const added = await index.addCustomRecord({
    url: '/',
    content: 'folio',
    language: INDEX_LANGUAGE,
  });
  fail(added.errors, 'cannot create the engine bundle');
  // Written as the shards' bundles are (write-bundle.ts), but beside its place and renamed in,
  // so it is never seen half-written.
  const temporary = `${target}.tmp`;
  await writeBundle(index, temporary);
  await rm(target, { recursive: true, force: true });
  await rename(temporary, target);
}
