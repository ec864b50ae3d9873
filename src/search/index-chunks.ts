/**
 * Smaller index chunks for a Pagefind bundle.
 *
 * Pagefind cuts a bundle's word index into chunks of 20,000 word positions (a constant of its
 * indexer), ~25 kB on the wire each, and a query fetches the chunk of each of its index words: a
 * query of two to six characters fetches one to three chunks of Folio's bigram index (tokens.ts),
 * as much as the rest of a first search after the engine. Folio cuts each bundle's index again
 * once Pagefind has written it, into chunks of about `CHUNK_POSITIONS` positions. A chunk is never
 * smaller than its largest word (a frequent bigram's pages and positions), so a query costs less
 * only where its words are rare.
 *
 * A one-character query is a prefix: Pagefind fetches the one chunk whose range holds the
 * character's code and finds the bigrams the character starts in it. So a chunk that holds
 * `CHUNK_POSITIONS` ends only where the word's first character changes (`keyOf`, the first four
 * letters: one Han character's code), and inside one character's bigrams only once it holds
 * `MAX_CHUNK_POSITIONS`, Pagefind's own size. The chunk a character's bigrams start in holds fewer
 * than `CHUNK_POSITIONS` positions before them, so a one-character query finds all of them up to
 * 16,000 positions, where Pagefind's chunks cut them wherever its 20,000 fell.
 *
 * The page list's chunk ranges tile the words: a chunk runs from the shortest start of its first
 * word that follows the chunk before, to just before the next chunk's start (the last one to
 * Pagefind's last word), so every query word falls into the range of the chunk it would be in.
 * Word entries are copied as bytes (cbor-items.ts); the page list (`pf_meta`) is decoded and
 * encoded again with cbor2. New files take names no old one has, and the entry file names the
 * new page list before the old files are removed: a bundle read at any moment is whole.
 */
import { createHash } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { decode, encode } from 'cbor2';
import { MAJOR, arrayHead, expectHead, skipItem } from './cbor-items.ts';
import { ENTRY_FILE } from './shard-writer.ts';

/** Word positions a chunk holds before it may end (but the last). */
export const CHUNK_POSITIONS = 4000;
/** Word positions after which a chunk ends even inside one key: Pagefind's own chunk size. */
export const MAX_CHUNK_POSITIONS = 20_000;
/** Letters of a word that a chunk keeps together: one Han character's code (tokens.ts). */
const KEY_LENGTH = 4;
/** What Pagefind puts before the CBOR of each of its files (then gzip-compresses the whole). */
const SIGNATURE = new TextEncoder().encode('pagefind_dcd');
/** The largest code point, which ends a range's `to`. */
const LAST_CHAR = String.fromCodePoint(0x10ffff);

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);
const text = new TextDecoder('utf-8', { fatal: true });

/** One chunk as the page list names it: the range of words it holds, and its file's hash. */
export type ChunkRange = [from: string, to: string, hash: string];

/** A word entry of an index chunk, as bytes. */
interface WordEntry {
  word: string;
  bytes: Uint8Array;
  /** As Pagefind counts a chunk's size: each page's locations plus one. */
  positions: number;
}

/**
 * The greatest string below `start` that a range before it may end with: `start` less one on its
 * last character, then the largest code point. Every word that sorts before `start` sorts before
 * it (as Pagefind compares them: by code point).
 */
export function before(start: string): string {
  const chars = Array.from(start);
  const last = chars.pop()?.codePointAt(0);
  if (last === undefined || last === 0)
    throw new Error(`index chunks: no range ends before "${start}"`);
  // Below a low surrogate's range lies the high surrogates', which are no characters.
  const previous = last === 0xe000 ? 0xd7ff : last - 1;
  return `${chars.join('')}${String.fromCodePoint(previous)}${LAST_CHAR}`;
}

/**
 * The shortest start of `word` that sorts after `previous` (the word before it): what a chunk
 * that begins with `word` starts its range with.
 */
export function startAfter(previous: string, word: string): string {
  const a = Array.from(previous);
  const b = Array.from(word);
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  return b.slice(0, common + 1).join('');
}

/** The CBOR of a Pagefind file: its gzip-compressed content after the signature. */
async function readPagefindFile(file: string): Promise<Uint8Array> {
  const content = new Uint8Array(await gunzipAsync(await readFile(file)));
  const signature = content.subarray(0, SIGNATURE.length);
  if (!signature.every((byte, i) => byte === SIGNATURE[i])) {
    throw new Error(`index chunks: ${file}: not a Pagefind file (no pagefind_dcd signature)`);
  }
  return content.subarray(SIGNATURE.length);
}

function pagefindFile(cbor: Uint8Array): Promise<Buffer> {
  return gzipAsync(Buffer.concat([SIGNATURE, cbor]));
}

/** The word entries of one index chunk (`[[[word, [[page, [locations…], …], …]], …]]`). */
export function wordEntries(cbor: Uint8Array, file: string): WordEntry[] {
  try {
    const outer = expectHead(cbor, 0, MAJOR.array, 'chunk');
    const list = expectHead(cbor, outer.next, MAJOR.array, 'word list');
    const entries: WordEntry[] = [];
    let at = list.next;
    for (let i = 0; i < list.argument; i++) {
      const start = at;
      const entry = expectHead(cbor, at, MAJOR.array, 'word entry');
      if (entry.argument < 2) throw new Error(`word entry of ${entry.argument} items`);
      const word = expectHead(cbor, entry.next, MAJOR.text, 'word');
      const pages = expectHead(cbor, word.next + word.argument, MAJOR.array, 'pages');
      let positions = 0;
      at = pages.next;
      for (let p = 0; p < pages.argument; p++) {
        const page = expectHead(cbor, at, MAJOR.array, 'page');
        if (page.argument < 2) throw new Error(`page entry of ${page.argument} items`);
        // [page number, [locations…], …]
        const locationsAt = skipItem(cbor, page.next);
        const locations = expectHead(cbor, locationsAt, MAJOR.array, 'locations');
        positions += locations.argument + 1;
        at = skipItem(cbor, locationsAt);
        for (let item = 2; item < page.argument; item++) at = skipItem(cbor, at);
      }
      for (let item = 2; item < entry.argument; item++) at = skipItem(cbor, at);
      entries.push({
        word: text.decode(cbor.subarray(word.next, word.next + word.argument)),
        bytes: cbor.subarray(start, at),
        positions,
      });
    }
    if (at !== cbor.length) throw new Error(`${cbor.length - at} bytes after the word list`);
    return entries;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `index chunks: ${file}: not a Pagefind index chunk as Folio reads them: ${reason}`,
      { cause: error },
    );
  }
}

/** The CBOR of a chunk of `entries`. */
function chunkOf(entries: readonly WordEntry[]): Uint8Array {
  return Buffer.concat([arrayHead(1), arrayHead(entries.length), ...entries.map((e) => e.bytes)]);
}

/** What a chunk keeps together: the word's first `KEY_LENGTH` code points. */
export function keyOf(word: string): string {
  return Array.from(word).slice(0, KEY_LENGTH).join('');
}

/**
 * Groups entries (in word order) into chunks: a chunk ends before a word of another key once it
 * holds `target` positions or more, and before any word once it holds `max` or more.
 */
export class ChunkCutter {
  #open: WordEntry[] = [];
  #positions = 0;
  readonly #target: number;
  readonly #max: number;
  constructor(target: number, max: number) {
    if (!(target > 0 && max >= target)) {
      throw new Error(`index chunks: no chunks of ${target} to ${max} positions`);
    }
    this.#target = target;
    this.#max = max;
  }

  /** Adds an entry; returns the chunk it closed, if it did. */
  add(entry: WordEntry): WordEntry[] | null {
    const last = this.#open.at(-1);
    const full =
      last !== undefined &&
      (this.#positions >= this.#max ||
        (this.#positions >= this.#target && keyOf(entry.word) !== keyOf(last.word)));
    const done = full ? this.#open : null;
    if (full) {
      this.#open = [];
      this.#positions = 0;
    }
    this.#open.push(entry);
    this.#positions += entry.positions;
    return done;
  }

  /** The last chunk (null if it holds nothing). */
  finish(): WordEntry[] | null {
    const done = this.#open.length > 0 ? this.#open : null;
    this.#open = [];
    this.#positions = 0;
    return done;
  }
}

/** The hash a file is named by: `language_` and the start of its SHA-256, longer on a collision. */
function nameFor(language: string, bytes: Uint8Array, length: number, taken: Set<string>): string {
  const hash = createHash('sha256').update(bytes).digest('hex');
  let end = length;
  while (taken.has(`${language}_${hash.slice(0, end)}`) && end < hash.length) end++;
  const name = `${language}_${hash.slice(0, end)}`;
  taken.add(name);
  return name;
}

function isChunkRanges(value: unknown): value is ChunkRange[] {
  return (
    Array.isArray(value) &&
    value.every(
      (range) =>
        Array.isArray(range) && range.length === 3 && range.every((s) => typeof s === 'string'),
    )
  );
}

/** What one bundle's chunks were and became. */
export interface Recut {
  before: number;
  after: number;
}

interface EntryFile {
  languages: Record<string, { hash: string }>;
}

/** One language's index cut again: its new page list's hash, and the files it replaces. */
interface LanguageRecut extends Recut {
  hash: string;
  stale: string[];
}

/**
 * Cuts the index of one language of the bundle in `dir` (its page list `hash`), adding each file
 * it writes to `created`.
 */
async function recutLanguage(
  dir: string,
  language: string,
  hash: string,
  size: ChunkSize,
  created: string[],
): Promise<LanguageRecut | null> {
  const metaFile = join(dir, `pagefind.${hash}.pf_meta`);
  const meta = decode<unknown[]>(await readPagefindFile(metaFile));
  const ranges = meta[2];
  if (!isChunkRanges(ranges)) {
    throw new Error(`index chunks: ${metaFile}: no list of index chunks where Folio reads it`);
  }
  const [first] = ranges;
  const last = ranges.at(-1);
  if (first === undefined || last === undefined) return null;
  const chunkFile = (chunkHash: string): string => join(dir, 'index', `${chunkHash}.pf_index`);

  // New names never take an old file's, so the old page list stays whole until replaced.
  const taken = new Set<string>([hash, ...ranges.map(([, , chunkHash]) => chunkHash)]);
  const written: ChunkRange[] = [];
  let lastWord = '';
  // Compressed and written on libuv's threads, several at a time.
  const writing: Promise<void>[] = [];
  const write = (entries: WordEntry[]): void => {
    const cbor = chunkOf(entries);
    const name = nameFor(language, cbor, 7, taken);
    const file = chunkFile(name);
    created.push(file);
    writing.push(pagefindFile(cbor).then((content) => writeFile(file, content)));
    const previous = written.at(-1);
    const from = previous === undefined ? first[0] : startAfter(lastWord, entries[0]?.word ?? '');
    if (previous !== undefined) previous[1] = before(from);
    written.push([from, last[1], name]);
    lastWord = entries.at(-1)?.word ?? '';
  };
  try {
    const cutter = new ChunkCutter(size.target, size.max);
    for (const [, , chunkHash] of ranges) {
      const file = chunkFile(chunkHash);
      for (const word of wordEntries(await readPagefindFile(file), file)) {
        const done = cutter.add(word);
        if (done !== null) write(done);
      }
    }
    const rest = cutter.finish();
    if (rest !== null) write(rest);
  } finally {
    await Promise.allSettled(writing);
  }
  await Promise.all(writing);

  meta[2] = written;
  const metaCbor = encode(meta);
  const metaHash = nameFor(language, metaCbor, hash.length - language.length - 1, taken);
  const newMetaFile = join(dir, `pagefind.${metaHash}.pf_meta`);
  created.push(newMetaFile);
  await writeFile(newMetaFile, await pagefindFile(metaCbor));
  return {
    hash: metaHash,
    before: ranges.length,
    after: written.length,
    stale: [metaFile, ...ranges.map(([, , chunkHash]) => chunkFile(chunkHash))],
  };
}

/** Word positions of a chunk (ChunkCutter). */
export interface ChunkSize {
  target: number;
  max: number;
}

/**
 * Cuts the index of the Pagefind bundle in `dir` into smaller chunks (ChunkCutter), for each
 * language the bundle holds. On an error the bundle is left as it was.
 */
export async function recutIndexChunks(
  dir: string,
  size: ChunkSize = { target: CHUNK_POSITIONS, max: MAX_CHUNK_POSITIONS },
): Promise<Recut> {
  const entryFile = join(dir, ENTRY_FILE);
  const entry = JSON.parse(await readFile(entryFile, 'utf8')) as EntryFile;
  const result: Recut = { before: 0, after: 0 };
  const stale: string[] = [];
  const created: string[] = [];
  try {
    for (const [language, { hash }] of Object.entries(entry.languages)) {
      const recut = await recutLanguage(dir, language, hash, size, created);
      if (recut === null) continue;
      entry.languages[language] = { ...entry.languages[language], hash: recut.hash };
      result.before += recut.before;
      result.after += recut.after;
      stale.push(...recut.stale);
    }
    const temporary = `${entryFile}.tmp`;
    created.push(temporary);
    await writeFile(temporary, JSON.stringify(entry));
    await rename(temporary, entryFile);
  } catch (error) {
    await Promise.all(created.map((file) => rm(file, { force: true })));
    throw error;
  }
  await Promise.all(stale.map((file) => rm(file, { force: true })));
  return result;
}
