/**
 * Raw page bytes → text. Detects the encoding (byte order marks first, then UTF-8, then
 * GB18030, which includes GBK and GB2312) and refuses what is not text: empty files, NUL
 * bytes, UTF-8 with a corrupt byte, bytes no supported encoding decodes, control characters.
 */
import { normalizeLineEnds } from './line-ends.ts';

/** Encodings Folio reads, as reported in page records and run reports. */
export const encodings = ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'gb18030'] as const;
export type Encoding = (typeof encodings)[number];

export interface Decoded {
  /** The text, byte order mark removed, line ends normalised to `\n`. */
  text: string;
  encoding: Encoding;
}

/** Why bytes are not a readable page; `line` is 1-based when the fault has a place. */
export class DecodeError extends Error {
  readonly line: number | undefined;
  constructor(message: string, line?: number) {
    super(message);
    this.name = 'DecodeError';
    this.line = line;
  }
}

/** Share of control characters above which decoded text is taken for binary data. */
const MAX_CONTROL_SHARE = 0.01;

export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) throw new DecodeError('empty file');
  const bom = byteOrderMark(bytes);
  if (bom !== null) {
    const body = bytes.subarray(bom.length);
    const label = bom.encoding === 'utf-8-bom' ? 'utf-8' : bom.encoding;
    let text: string;
    try {
      text = new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(body);
    } catch {
      throw new DecodeError(
        `not valid ${label} after its byte order mark`,
        firstBadLine(body, label),
      );
    }
    return { text: checkText(text), encoding: bom.encoding };
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw new DecodeError(
      'contains NUL bytes: a binary file, or UTF-16 without a byte order mark',
      lineAtByte(bytes, nul),
    );
  }
  const utf8 = tryDecode('utf-8', bytes);
  if (utf8 !== null) return { text: checkText(utf8), encoding: 'utf-8' };
  // Mostly valid UTF-8 with a few bad bytes is a damaged UTF-8 file, not GB18030: decoding it as
  // GB18030 would succeed and give nonsense.
  const lossy = new TextDecoder('utf-8').decode(bytes);
  const bad = count(lossy, (c) => c === 0xfffd);
  const good = count(lossy, (c) => c >= 0x80 && c !== 0xfffd);
  if (good >= 10 * bad) {
    throw new DecodeError(
      'not valid UTF-8 (a damaged byte)',
      lineAtChar(lossy, lossy.indexOf('\ufffd')),
    );
  }
  const gb = tryDecode('gb18030', bytes);
  if (gb !== null) return { text: checkText(gb), encoding: 'gb18030' };
  throw new DecodeError(
    'not text: neither UTF-8 nor GB18030, and no UTF-16 byte order mark',
    lineAtChar(lossy, lossy.indexOf('\ufffd')),
  );
}

function byteOrderMark(bytes: Uint8Array): { encoding: Encoding; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { encoding: 'utf-8-bom', length: 3 };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

function tryDecode(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Normalises line ends and refuses text that is really binary data. */
function checkText(decoded: string): string {
  const text = normalizeLineEnds(decoded);
  if (text.length === 0) throw new DecodeError('empty file (byte order mark only)');
  const nul = text.indexOf('\0');
  if (nul !== -1)
    throw new DecodeError('contains NUL characters: a binary file', lineAtChar(text, nul));
  const controls = count(text, isControl);
  if (controls > text.length * MAX_CONTROL_SHARE) {
    let first = 0;
    while (!isControl(text.charCodeAt(first))) first++;
    throw new DecodeError(
      `${controls} control characters in ${text.length}: a binary file`,
      lineAtChar(text, first),
    );
  }
  return text;
}

/** C0 controls other than tab, line feed, vertical tab, form feed and carriage return; DEL. */
function isControl(code: number): boolean {
  return (code < 0x20 && (code < 0x09 || code > 0x0d)) || code === 0x7f;
}

function count(text: string, test: (code: number) => boolean): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (test(text.charCodeAt(i))) n++;
  return n;
}

function firstBadLine(bytes: Uint8Array, label: string): number | undefined {
  const lossy = new TextDecoder(label, { ignoreBOM: true }).decode(bytes);
  return lineAtChar(lossy, lossy.indexOf('\ufffd'));
}

function lineAtChar(text: string, index: number): number | undefined {
  if (index < 0) return undefined;
  return normalizeLineEnds(text.slice(0, index)).split('\n').length;
}

function lineAtByte(bytes: Uint8Array, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) {
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) line++;
  }
  return line;
}
