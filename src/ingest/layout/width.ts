/**
 * Line geometry in em: how wide a piece of text prints. A CJK character (and CJK punctuation,
 * full-width forms, Chinese quotes and dashes) takes one em; ASCII and other narrow characters
 * about half an em; combining marks and control characters nothing.
 */

/** Code point ranges printed one em wide in Chinese typesetting. */
const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f], // Hangul Jamo
  [0x2010, 0x2027], // dashes, quotes ‘’“”, ellipsis (full width in Chinese text)
  [0x2030, 0x203b], // per mille, primes, reference mark
  [0x2100, 0x214f], // letterlike symbols (℃, №)
  [0x2160, 0x218f], // Roman numerals
  [0x2190, 0x21ff], // arrows
  [0x2460, 0x24ff], // enclosed alphanumerics ①
  [0x2500, 0x257f], // box drawing ─
  [0x25a0, 0x25ff], // geometric shapes □■▲●
  [0x2600, 0x27bf], // symbols, dingbats ★
  [0x2e80, 0x303f], // CJK radicals, CJK symbols and punctuation 。、「」
  [0x3040, 0x33ff], // kana, bopomofo, CJK compatibility
  [0x3400, 0x4dbf], // CJK extension A
  [0x4e00, 0x9fff], // CJK unified ideographs
  [0xa960, 0xa97f], // Hangul Jamo extended
  [0xac00, 0xd7a3], // Hangul syllables
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xfe10, 0xfe1f], // vertical forms
  [0xfe30, 0xfe6f], // CJK compatibility forms, small forms
  [0xff00, 0xff60], // full-width forms ，！（）
  [0xffe0, 0xffe6], // full-width signs ￥
  [0x1f300, 0x1faff], // emoji
  [0x20000, 0x3fffd], // CJK extensions B–
];

/** Width in em of one character (a code point). */
export function charWidth(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x20 || code === 0x7f) return code === 0x09 ? 1 : 0;
  if (code < 0x7f) return 0.5;
  if (code >= 0x4e00 && code <= 0x9fff) return 1; // the common case first
  if (code >= 0x300 && code < 0x370) return 0; // combining marks
  if (code === 0x200b || code === 0x200c || code === 0x200d || code === 0xfeff) return 0;
  for (const [low, high] of WIDE) {
    if (code < low) break;
    if (code <= high) return 1;
  }
  return 0.5;
}

/** CJK punctuation that typesetters may set in half an em (标点挤压). */
const COMPRESSIBLE = new Set(Array.from('，。、；：？！“”‘’（）《》【】「」『』〈〉—…'));

/** True when `char` is CJK punctuation that may be set in half an em. */
export function isCompressible(char: string): boolean {
  return COMPRESSIBLE.has(char);
}

/**
 * Width in em of a string; `punctuation` is the width of CJK punctuation on this page (1 when
 * set full width, 0.5 when the page compresses it).
 */
export function emWidth(text: string, punctuation = 1): number {
  let width = 0;
  for (const char of text) width += COMPRESSIBLE.has(char) ? punctuation : charWidth(char);
  return width;
}
