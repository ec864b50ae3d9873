/**
 * A Pagefind bundle's index cut into smaller chunks (src/search/index-chunks.ts): the same word
 * entries in the same order, chunks of the asked size, ranges that take every word to its chunk,
 * the page list otherwise unchanged, no file of the old index left, and a bundle that cannot be
 * read left as it was.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { decode, encode } from 'cbor2';
import * as pagefind from 'pagefind';
import { arrayHead, readHead, skipItem } from '../../src/search/cbor-items.ts';
import {
  ChunkCutter,
  before,
  keyOf,
  recutIndexChunks,
  startAfter,
  type ChunkRange,
  type ChunkSize,
} from '../../src/search/index-chunks.ts';
import { encodeText, indexTermsFor } from '../../src/search/tokens.ts';

/** Chunks small enough to cut the fixture's three chunks into many. */
const SMALL: ChunkSize = { target: 1000, max: 20_000 };

const CHARS = '永康市民政局今年组织志愿者服务活动社区老人儿童学校医院交通建设发展经济文化';

let work: string;
let pristine: string;

/** A deterministic article text: Han characters from `CHARS`, a Latin word now and then. */
function articleText(n: number): string {
  let seed = n + 1;
  const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  let text = '';
  for (let i = 0; i < 300; i++) {
    text +=
      i % 50 === 49
        ? ` folio${Math.floor(next() * 20)} `
        : (CHARS[Math.floor(next() * CHARS.length)] ?? '');
  }
  return text;
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'folio-chunks-'));
  pristine = join(work, 'pristine');
  const { index } = await pagefind.createIndex({ forceLanguage: 'und' });
  if (index === undefined) throw new Error('no Pagefind index');
  for (let n = 0; n < 60; n++) {
    await index.addCustomRecord({
      url: `/a/${n}/`,
      content: encodeText(articleText(n)),
      language: 'und',
      meta: { title: `标题${n}` },
      filters: { year: [String(2000 + (n % 3))] },
      sort: { date: `2024-01-${String(1 + (n % 28)).padStart(2, '0')}` },
    });
  }
  await index.writeFiles({ outputPath: pristine });
  await pagefind.close();
}, 60_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** The CBOR of a Pagefind file. */
async function cborOf(file: string): Promise<Uint8Array> {
  return gunzipSync(await readFile(file)).subarray('pagefind_dcd'.length);
}

interface Bundle {
  meta: unknown[];
  ranges: ChunkRange[];
  /** Each chunk's word entries, decoded. */
  chunks: [string, unknown[][]][][];
  indexFiles: string[];
  metaFiles: string[];
}

async function readBundle(dir: string): Promise<Bundle> {
  const entry = JSON.parse(await readFile(join(dir, 'pagefind-entry.json'), 'utf8')) as {
    languages: { und: { hash: string } };
  };
  const meta = decode<unknown[]>(
    await cborOf(join(dir, `pagefind.${entry.languages.und.hash}.pf_meta`)),
  );
  const ranges = meta[2] as ChunkRange[];
  const chunks: [string, unknown[][]][][] = [];
  for (const [, , hash] of ranges) {
    const [words] = decode<[[string, unknown[][]][]]>(
      await cborOf(join(dir, 'index', `${hash}.pf_index`)),
    );
    chunks.push(words);
  }
  return {
    meta,
    ranges,
    chunks,
    indexFiles: (await readdir(join(dir, 'index'))).sort(),
    metaFiles: (await readdir(dir)).filter((f) => f.endsWith('.pf_meta')),
  };
}

/** Positions of a word entry as Pagefind counts a chunk's size. */
function positions([, pages]: [string, unknown[][]]): number {
  return pages.reduce((sum, page) => sum + (page[1] as unknown[]).length + 1, 0);
}

/** Compares two strings by code point, as Pagefind does. */
function compare(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

/** The ranges that hold `word`. */
function holders(ranges: readonly ChunkRange[], word: string): ChunkRange[] {
  return ranges.filter(([from, to]) => compare(word, from) >= 0 && compare(word, to) <= 0);
}

describe('CBOR items', () => {
  test('should read heads and skip whole items', () => {
    const value = [['bkhrbkhr', [[2, [-25, 318, 23], []]]], 'x'.repeat(30), 70000, -300];
    const bytes = encode(value);
    expect(readHead(bytes, 0)).toEqual({ major: 4, argument: 4, next: 1 });
    expect(skipItem(bytes, 0)).toBe(bytes.length);
    const second = skipItem(bytes, 1);
    expect(readHead(bytes, second)).toEqual({ major: 3, argument: 30, next: second + 2 });
    expect(readHead(bytes, skipItem(bytes, second))).toEqual({
      major: 0,
      argument: 70000,
      next: skipItem(bytes, second) + 5,
    });
    expect(() => skipItem(bytes.subarray(0, 5), 0)).toThrow(
      'CBOR at byte 2: unexpected end of data',
    );
  });

  test('should write array heads as cbor2 encodes them', () => {
    for (const count of [0, 23, 24, 255, 256, 65535, 65536]) {
      const encoded = encode(new Array<number>(count).fill(0));
      expect(arrayHead(count)).toEqual(encoded.subarray(0, encoded.length - count));
    }
  });
});

describe('chunk ranges', () => {
  test('should start a chunk with the shortest start that follows the word before', () => {
    expect(startAfter('bmixbpkg', 'bmixbtxu')).toBe('bmixbt');
    expect(startAfter('ab', 'abc')).toBe('abc');
    expect(startAfter('', 'folio')).toBe('f');
  });

  test('should end a range just before the next start', () => {
    expect(before('bmixbt')).toBe('bmixbs\u{10ffff}');
    expect(before('a\ue000')).toBe('a\ud7ff\u{10ffff}');
    expect(() => before('\0')).toThrow('index chunks: no range ends before "\0"');
  });
});

describe('ChunkCutter', () => {
  const entry = (word: string, positions: number) => ({ word, bytes: new Uint8Array(), positions });

  test("should end a chunk past its target where the word's first character changes", () => {
    const cutter = new ChunkCutter(10, 30);
    const words = (chunk: { word: string }[] | null) => chunk?.map((e) => e.word) ?? null;
    expect(words(cutter.add(entry('aaaabbbb', 6)))).toBeNull();
    expect(words(cutter.add(entry('aaaacccc', 6)))).toBeNull();
    // 12 positions, but the same character: the chunk goes on.
    expect(words(cutter.add(entry('aaaadddd', 20)))).toBeNull();
    // 32 positions: past the most, it ends even inside one character.
    expect(words(cutter.add(entry('aaaaeeee', 1)))).toEqual(['aaaabbbb', 'aaaacccc', 'aaaadddd']);
    expect(words(cutter.add(entry('bbbbaaaa', 1)))).toBeNull();
    expect(words(cutter.finish())).toEqual(['aaaaeeee', 'bbbbaaaa']);
    expect(cutter.finish()).toBeNull();
  });

  test('should refuse sizes that make no chunks', () => {
    expect(() => new ChunkCutter(0, 10)).toThrow('index chunks: no chunks of 0 to 10 positions');
    expect(() => new ChunkCutter(100, 50)).toThrow(
      'index chunks: no chunks of 100 to 50 positions',
    );
  });
});

describe('recutIndexChunks', () => {
  test.each([
    { ...SMALL, after: 39, insideKey: 0 },
    { target: 100, max: 200, after: 235, insideKey: 215 },
  ])('should cut into chunks of $target to $max positions, words unchanged', async (size) => {
    const dir = join(work, `cut-${size.target}`);
    await cp(pristine, dir, { recursive: true });
    const old = await readBundle(pristine);

    expect(await recutIndexChunks(dir, size)).toEqual({ before: 3, after: size.after });

    const cut = await readBundle(dir);
    // The same entries in the same order.
    expect(cut.chunks.flat()).toEqual(old.chunks.flat());
    // Each chunk ends where it must and not before: at `max` positions, or past `target` where
    // the key changes.
    const cutBefore = (held: number, word: string, previous: string): boolean =>
      held >= size.max || (held >= size.target && keyOf(word) !== keyOf(previous));
    cut.chunks.forEach((chunk, i) => {
      let held = 0;
      chunk.forEach(([word], w) => {
        if (w > 0) expect(cutBefore(held, word, chunk[w - 1]?.[0] ?? '')).toBe(false);
        held += positions(chunk[w] as [string, unknown[][]]);
      });
      const next = cut.chunks[i + 1]?.[0]?.[0];
      if (next !== undefined) expect(cutBefore(held, next, chunk.at(-1)?.[0] ?? '')).toBe(true);
    });
    // Chunks that end inside a key, where it holds more than `max` positions.
    const insideKey = cut.chunks
      .slice(1)
      .filter((chunk, i) => keyOf(chunk[0]?.[0] ?? '') === keyOf(cut.chunks[i]?.at(-1)?.[0] ?? ''));
    expect(insideKey).toHaveLength(size.insideKey);
    // Each word lies in its own chunk's range and in no other.
    cut.chunks.forEach((chunk, i) => {
      for (const [word] of chunk) {
        expect(holders(cut.ranges, word)).toEqual([cut.ranges[i]]);
      }
    });
    expect(cut.ranges[0]?.[0]).toBe(old.ranges[0]?.[0]);
    expect(cut.ranges.at(-1)?.[1]).toBe(old.ranges.at(-1)?.[1]);
    // The page list is the same but for its chunks.
    expect([...cut.meta.slice(0, 2), ...cut.meta.slice(3)]).toEqual([
      ...old.meta.slice(0, 2),
      ...old.meta.slice(3),
    ]);
    // Only the new files are left.
    expect(cut.indexFiles).toEqual(cut.ranges.map(([, , hash]) => `${hash}.pf_index`).sort());
    expect(cut.metaFiles).toHaveLength(1);
    expect(old.indexFiles.filter((f) => cut.indexFiles.includes(f))).toEqual([]);
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  test('should keep the words a one-character query finds in the one chunk it fetches', async () => {
    const dir = join(work, 'one-character');
    await cp(pristine, dir, { recursive: true });
    await recutIndexChunks(dir, SMALL);
    const cut = await readBundle(dir);
    expect(cut.ranges.length).toBeGreaterThan(3);
    for (const char of new Set(CHARS)) {
      const [code = ''] = indexTermsFor(char);
      // Pagefind fetches the chunks whose range holds the query word, and finds the words it
      // prefixes in them.
      const fetched = holders(cut.ranges, code);
      expect(fetched).toHaveLength(1);
      const chunk = cut.chunks[cut.ranges.indexOf(fetched[0] as ChunkRange)] ?? [];
      const found = chunk.filter(([word]) => word.startsWith(code)).map(([word]) => word);
      const all = cut.chunks.flat().filter(([word]) => word.startsWith(code));
      expect(found).toEqual(all.map(([word]) => word));
    }
  });

  test('should give the same bundle for the same index', async () => {
    const a = join(work, 'again-a');
    const b = join(work, 'again-b');
    await cp(pristine, a, { recursive: true });
    await cp(pristine, b, { recursive: true });
    await recutIndexChunks(a, SMALL);
    await recutIndexChunks(b, SMALL);
    expect(await readdir(join(a, 'index'))).toEqual(await readdir(join(b, 'index')));
    expect(await readFile(join(a, 'pagefind-entry.json'), 'utf8')).toBe(
      await readFile(join(b, 'pagefind-entry.json'), 'utf8'),
    );
  });

  test('should leave a bundle it cannot read as it was, naming the file', async () => {
    const dir = join(work, 'broken');
    await cp(pristine, dir, { recursive: true });
    const old = await readBundle(pristine);
    const lastHash = old.ranges.at(-1)?.[2] ?? '';
    const broken = join(dir, 'index', `${lastHash}.pf_index`);
    await writeFile(
      broken,
      gzipSync(Buffer.concat([Buffer.from('pagefind_dcd'), Buffer.of(0x81)])),
    );
    const entry = await readFile(join(dir, 'pagefind-entry.json'), 'utf8');

    await expect(recutIndexChunks(dir, SMALL)).rejects.toThrow(
      `index chunks: ${broken}: not a Pagefind index chunk as Folio reads them: CBOR at byte 1: unexpected end of data`,
    );
    expect(await readFile(join(dir, 'pagefind-entry.json'), 'utf8')).toBe(entry);
    expect((await readdir(join(dir, 'index'))).sort()).toEqual(old.indexFiles);
    expect((await readdir(dir)).filter((f) => f.endsWith('.pf_meta'))).toEqual(old.metaFiles);
  });

  test('should refuse a file without Pagefind signature', async () => {
    const dir = join(work, 'unsigned');
    await cp(pristine, dir, { recursive: true });
    const old = await readBundle(pristine);
    const file = join(dir, 'index', `${old.ranges[0]?.[2] ?? ''}.pf_index`);
    await writeFile(file, gzipSync(Buffer.from('not pagefind')));
    await expect(recutIndexChunks(dir, SMALL)).rejects.toThrow(
      `index chunks: ${file}: not a Pagefind file (no pagefind_dcd signature)`,
    );
  });
});
