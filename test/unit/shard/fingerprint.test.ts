import {
  mkdtempSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import {
  globalFingerprint,
  listContent,
  shardFingerprint,
} from '../../../src/shard/fingerprint.ts';
import { ContentHashes } from '../../../src/shard/content-hashes.ts';

let dir: string;

function write(path: string, text: string): void {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
  // A fixed time, so that only what a test changes differs.
  utimesSync(join(dir, path), 1_700_000_000, 1_700_000_000);
}

/** Every part's digest, by part. */
function digests(): Record<string, string> {
  const listing = listContent(dir);
  return {
    global: globalFingerprint('site', listing),
    ...Object.fromEntries(
      listing.shards.map((shard) => [shard, shardFingerprint('site', dir, listing, shard)]),
    ),
  };
}

/** The parts whose digest differs between two runs of `digests`. */
function changed(a: Record<string, string>, b: Record<string, string>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => a[k] !== b[k]).sort();
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'folio-fingerprint-'));
  write('2023-11-21/01/01.md', 'a');
  write('2023-11-21/01/page.json', '{}');
  write('2024-01-02/01/01.md', 'b');
  write('2024-05-02/01/01.md', 'c');
  write('2024-05-02/02/page.json', '{}');
  write('undated/scan-a/01/01.md', 'd');
  write('README.md', 'notes');
  write('2025-01-01/notes.txt', 'no issue yet');
});

describe('listContent', () => {
  test('should group files by shard, and list only shards that hold an item or page record', () => {
    const listing = listContent(dir);
    expect(listing.shards).toEqual(['2023', '2024', 'undated']);
    const paths = (key: string) => listing.files.get(key)?.map((line) => line.split('\0')[0]);
    expect(paths('2024')).toEqual([
      '2024-01-02/01/01.md',
      '2024-05-02/01/01.md',
      '2024-05-02/02/page.json',
    ]);
    expect(paths('2025')).toEqual(['2025-01-01/notes.txt']);
    expect(paths('undated')).toEqual(['undated/scan-a/01/01.md']);
    expect(paths('')).toEqual(['README.md']);
    // The path and the SHA-256 of the file's bytes ("a").
    expect(listing.files.get('2023')?.[0]).toBe(
      '2023-11-21/01/01.md\u0000ypeBEsobvcr6wjGzmiPcTaeG7_gUfE5yuYB3ha_uSLs',
    );
  });
});

describe('ContentHashes', () => {
  test('should read again only the files whose size, time or inode changed', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'folio-hashes-')), 'hashes.json');
    const run = () => {
      const hashes = new ContentHashes(file);
      const listing = listContent(dir, hashes);
      hashes.save();
      return { hashed: hashes.hashed, listing };
    };
    const first = run();
    expect(first.hashed).toBe(8);
    expect(run().hashed).toBe(0);
    utimesSync(join(dir, '2023-11-21/01/01.md'), 1_800_000_000, 1_800_000_000);
    write('2024-06-01/01/01.md', 'new');
    const third = run();
    expect(third.hashed).toBe(2);
    // The touched file's digest is the same: only the new file's lines differ.
    expect(third.listing.files.get('2023')).toEqual(first.listing.files.get('2023'));
  });

  test('should keep a digest while a file has the stats it was read with', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'folio-hashes-')), 'hashes.json');
    const hashes = new ContentHashes(file);
    listContent(dir, hashes);
    hashes.save();
    // A saved digest is trusted, not recomputed: a made-up one for an unchanged file is kept.
    const saved = JSON.parse(readFileSync(file, 'utf8')) as Record<string, [string, string]>;
    const entry = saved['2023-11-21/01/01.md'];
    if (entry === undefined) throw new Error('no digest saved for 2023-11-21/01/01.md');
    writeFileSync(file, JSON.stringify({ ...saved, '2023-11-21/01/01.md': [entry[0], 'kept'] }));
    const again = new ContentHashes(file);
    expect(listContent(dir, again).files.get('2023')?.[0]).toBe('2023-11-21/01/01.md\u0000kept');
    expect(again.hashed).toBe(0);
  });

  test('should read again a file rewritten under its old size and times', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'folio-hashes-')), 'hashes.json');
    const hashes = new ContentHashes(file);
    listContent(dir, hashes);
    hashes.save();
    // Same size, modification time and inode; its change time moved, as it does on every write.
    const path = join(dir, '2023-11-21/01/01.md');
    const { atime, mtime } = statSync(path);
    writeFileSync(path, 'z');
    utimesSync(path, atime, mtime);
    const again = new ContentHashes(file);
    // The SHA-256 of "z".
    expect(listContent(dir, again).files.get('2023')?.[0]).toBe(
      '2023-11-21/01/01.md\u0000WU5RmuSZMSspQzt92Kl_8Gje_LqXVbbV0A6ExSTWewY',
    );
    expect(again.hashed).toBe(1);
  });
});

describe('part fingerprints', () => {
  test('should be the same for the same content', () => {
    expect(digests()).toEqual(digests());
  });

  test('should change a year and the global build when a file of the year changes', () => {
    const before = digests();
    write('2024-05-02/01/01.md', 'c, corrected');
    expect(changed(before, digests())).toEqual(['2024', 'global']);
  });

  test('should not change for a file touched or copied without a change of text', () => {
    const before = digests();
    utimesSync(join(dir, '2023-11-21/01/01.md'), 1_800_000_000, 1_800_000_000);
    write('2024-05-02/01/01.md', 'c');
    expect(changed(before, digests())).toEqual([]);
  });

  test('should change the neighbouring years when an issue at a year edge comes or goes', () => {
    const before = digests();
    write('2024-03-01/01/01.md', 'e');
    // Between 2024's first and last issue: no other year links to it.
    expect(changed(before, digests())).toEqual(['2024', 'global']);
    const middle = digests();
    rmSync(join(dir, '2024-01-02'), { recursive: true });
    // 2023's next issue is now 2024-03-01; undated's neighbour, 2024-05-02, is as it was.
    expect(changed(middle, digests())).toEqual(['2023', '2024', 'global']);
  });

  test('should change only the global build for a file outside every issue folder', () => {
    const before = digests();
    write('README.md', 'other notes');
    expect(changed(before, digests())).toEqual(['global']);
  });

  test('should change every part with the site', () => {
    const listing = listContent(dir);
    expect(shardFingerprint('site', dir, listing, '2024')).not.toBe(
      shardFingerprint('other site', dir, listing, '2024'),
    );
    expect(globalFingerprint('site', listing)).not.toBe(globalFingerprint('other', listing));
  });
});
