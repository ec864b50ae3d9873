/**
 * Writes a shard's Pagefind index as its bundle: in place of the last build's bundle (Pagefind
 * adds its files to what the directory holds), the index freed once written, and its word index
 * cut into smaller chunks (index-chunks.ts). Both indexing paths write their bundles here, so
 * their bundles are the same, and so does the engine bundle (engine-bundle.ts). Its errors name
 * the bundle; the caller says it was the search index (the shard thread's answers are prefixed
 * by shard-writer.ts).
 */
import { rm } from 'node:fs/promises';
import type { PagefindIndex } from 'pagefind';
import { recutIndexChunks } from './index-chunks.ts';
import { refused } from './shard-writer.ts';

export async function writeBundle(index: PagefindIndex, outputPath: string): Promise<void> {
  await rm(outputPath, { recursive: true, force: true });
  const written = await index.writeFiles({ outputPath });
  refused(written.errors, `cannot write ${outputPath}`);
  await index.deleteIndex();
  await recutIndexChunks(outputPath);
}
