/** Reads one raw page: size check before reading, then decoding (see decode.ts). */
import { readFileSync, statSync } from 'node:fs';
import { DecodeError, decodeBytes, type Encoding } from './decode.ts';
import type { RawSource } from './locate.ts';
import { InputError } from './problem.ts';

export interface RawPage extends RawSource {
  /** The page's text, UTF-8 in memory, line ends `\n`. */
  text: string;
  encoding: Encoding;
}

/** A page file larger than this is refused unread: a newspaper page is a few tens of KiB. */
export const DEFAULT_MAX_PAGE_BYTES = 8 * 1024 * 1024;

export function readPage(source: RawSource, maxBytes = DEFAULT_MAX_PAGE_BYTES): RawPage {
  return decodePage(source, readPageBytes(source, maxBytes));
}

/** A page file's bytes, undecoded; a file over `maxBytes` is refused unread. */
export function readPageBytes(source: RawSource, maxBytes = DEFAULT_MAX_PAGE_BYTES): Buffer {
  try {
    const size = statSync(source.file).size;
    if (size > maxBytes) {
      throw new InputError(
        source.file,
        `${size} bytes is more than a page may have (${maxBytes} bytes); not converted`,
      );
    }
    return readFileSync(source.file);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(source.file, (error as Error).message);
  }
}

/** A page from the bytes of its file (readPageBytes). */
export function decodePage(source: RawSource, bytes: Uint8Array): RawPage {
  try {
    return { ...source, ...decodeBytes(bytes) };
  } catch (error) {
    if (error instanceof DecodeError) throw new InputError(source.file, error.message, error.line);
    throw new InputError(source.file, (error as Error).message);
  }
}
