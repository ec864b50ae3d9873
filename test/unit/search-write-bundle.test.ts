/**
 * Writing a shard's bundle (src/search/write-bundle.ts): a write Pagefind refuses fails naming
 * the bundle once, without freeing the index or cutting chunks of a bundle that is not there.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PagefindIndex } from 'pagefind';
import { writeBundle } from '../../src/search/write-bundle.ts';

let work: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'folio-write-bundle-'));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

test("should fail naming the bundle when Pagefind cannot write it, the last build's bundle gone", async () => {
  const outputPath = join(work, 'pagefind', '2024');
  await mkdir(outputPath, { recursive: true });
  await writeFile(join(outputPath, 'pagefind-entry.json'), '{}');
  const calls: string[] = [];
  const index = {
    writeFiles: ({ outputPath: path }: { outputPath: string }) => {
      calls.push(`writeFiles ${path}`);
      return Promise.resolve({ errors: ['disk full', 'no space'], outputPath: path });
    },
    deleteIndex: () => {
      calls.push('deleteIndex');
      return Promise.resolve();
    },
  } as unknown as PagefindIndex;

  await expect(writeBundle(index, outputPath)).rejects.toThrow(
    new Error(`cannot write ${outputPath}: disk full; no space`),
  );
  expect(calls).toEqual([`writeFiles ${outputPath}`]);
  expect(await readdir(join(work, 'pagefind'))).toEqual([]);
});
