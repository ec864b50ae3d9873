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
  const size = statSync(source.file).size;
  if (size > maxBytes) {
    throw new InputError(
      source.file,
      `${size} bytes is more than a page may have (${maxBytes} bytes); not converted`,
    );
  }
  try {
    return { ...source, ...decodeBytes(readFileSync(source.file)) };
  } catch (error) {
    if (error instanceof DecodeError) throw new InputError(source.file, error.message, error.line);
    throw new InputError(source.file, (error as Error).message);
  }
}
