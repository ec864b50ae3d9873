/**
 * Walking CBOR (RFC 8949) items as bytes: where an item's head says it is, how long it is, where
 * it ends — without building its value. Pagefind's index chunks are CBOR arrays of word entries
 * holding every word position of the bundle; index-chunks.ts cuts them into smaller chunks by
 * copying the entries' bytes. Decoding the entries into values and encoding them again cost
 * ~10 s (cbor2) or ~3 s (cbor-x) for one 5,000-article bundle's 13.6 MB of chunks, measured;
 * walking them, a fraction of a second. Definite lengths only, as Pagefind writes them.
 */

/** CBOR major types. */
export const MAJOR = {
  unsigned: 0,
  negative: 1,
  bytes: 2,
  text: 3,
  array: 4,
  map: 5,
  tag: 6,
  simple: 7,
} as const;

/** An item's head: its major type, its argument (a length, a count or an integer's value), where what follows it starts. */
export interface Head {
  major: number;
  argument: number;
  next: number;
}

function fail(at: number, what: string): never {
  throw new Error(`CBOR at byte ${at}: ${what}`);
}

/** Reads the head of the item at `at`. */
export function readHead(bytes: Uint8Array, at: number): Head {
  const initial = bytes[at];
  if (initial === undefined) fail(at, 'unexpected end of data');
  const major = initial >> 5;
  const info = initial & 0x1f;
  if (info < 24) return { major, argument: info, next: at + 1 };
  const width = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : info === 27 ? 8 : 0;
  if (width === 0) fail(at, `unsupported additional information ${info}`);
  if (at + 1 + width > bytes.length) fail(at, 'unexpected end of data');
  let argument = 0;
  for (let i = 1; i <= width; i++) argument = argument * 256 + (bytes[at + i] ?? 0);
  return { major, argument, next: at + 1 + width };
}

/** The offset just past the item that starts at `at`. */
export function skipItem(bytes: Uint8Array, at: number): number {
  const { major, argument, next } = readHead(bytes, at);
  switch (major) {
    case MAJOR.bytes:
    case MAJOR.text:
      if (next + argument > bytes.length) fail(at, 'unexpected end of data');
      return next + argument;
    case MAJOR.array:
    case MAJOR.map: {
      let end = next;
      const items = major === MAJOR.map ? argument * 2 : argument;
      for (let i = 0; i < items; i++) end = skipItem(bytes, end);
      return end;
    }
    case MAJOR.tag:
      return skipItem(bytes, next);
    default:
      // Integers, simple values and floats: the head holds them whole.
      return next;
  }
}

/** Reads the head at `at` and checks its major type; `what` names the item in the error. */
export function expectHead(bytes: Uint8Array, at: number, major: number, what: string): Head {
  const head = readHead(bytes, at);
  if (head.major !== major) fail(at, `${what}: expected major type ${major}, found ${head.major}`);
  return head;
}

/** The head of a definite-length array of `count` items. */
export function arrayHead(count: number): Uint8Array {
  const type = MAJOR.array << 5;
  if (count < 24) return Uint8Array.of(type | count);
  if (count < 0x100) return Uint8Array.of(type | 24, count);
  if (count < 0x10000) return Uint8Array.of(type | 25, count >> 8, count & 0xff);
  if (count < 0x100000000) {
    return Uint8Array.of(
      type | 26,
      count >>> 24,
      (count >> 16) & 0xff,
      (count >> 8) & 0xff,
      count & 0xff,
    );
  }
  throw new Error(`CBOR: array of ${count} items`);
}
