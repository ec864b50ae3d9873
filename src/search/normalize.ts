/**
 * Text normalisation shared by the indexer (Node) and the search client (browser), so that a
 * query and the text it should find meet in one form:
 * - Traditional → Simplified Chinese (OpenCC's character tables, Taiwan and Hong Kong variants
 *   included), so either script finds the other;
 * - full-width digits and Latin letters → ASCII, and letters to lower case;
 * - ideographic and other Unicode spaces → a plain space.
 *
 * The mapping is one UTF-16 code unit or code point in, one out, so a match found in the normalised
 * text sits at the same offsets in the original (used to highlight on the article page).
 *
 * The folding table (folding/table.ts, ~20 kB gzip in the browser) is loaded only for a text
 * that needs it: `prepareFolding(text)` loads it when `text` holds a character that folds
 * (folding/keys.ts), and normalising such a character before it is loaded is an error.
 */
import { FOLDED } from './folding/keys.ts';

const foldedBmp = Uint8Array.from(atob(FOLDED.bmp), (char) => char.charCodeAt(0));
const foldedAstral = new Set(FOLDED.astral);

let folding: ReadonlyMap<string, string> | undefined;

/** Whether the folding table maps the character `char` (a string of one code point). */
export function folds(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  if (code > 0xffff) return foldedAstral.has(code);
  const bit = code - FOLDED.bmpFrom;
  return bit >= 0 && ((foldedBmp[bit >> 3] ?? 0) & (1 << (bit & 7))) !== 0;
}

/** Whether normalising `text` needs the folding table. */
export function needsFolding(text: string): boolean {
  for (const char of text) if (folds(char)) return true;
  return false;
}

/** Sets the folding table (the indexer does, from folding/table.ts). */
export function useFolding(table: ReadonlyMap<string, string>): void {
  folding = table;
}

/** The folding table in use, if one is. */
export function foldingInUse(): ReadonlyMap<string, string> | undefined {
  return folding;
}

/** Loads the folding table if one of `texts` needs it and it is not loaded yet. */
export async function prepareFolding(...texts: string[]): Promise<void> {
  if (folding !== undefined || !texts.some(needsFolding)) return;
  const { foldingTable } = await import('./folding/table.ts');
  folding ??= foldingTable();
}

/** Normalised forms worked out so far, of characters that do not fold (so need no table). */
const unfolded = new Map<string, string>();

/** The normalised form of one character (a string of one code point). */
export function normalizeChar(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x80) return char.toLowerCase();
  let normal = unfolded.get(char);
  if (normal === undefined) {
    normal = normalForm(char, code);
    if (!folds(char)) unfolded.set(char, normal);
  }
  return normal;
}

function normalForm(char: string, code: number): string {
  // Full-width ASCII letters and digits.
  if (code >= 0xff10 && code <= 0xff5a) {
    const ascii = String.fromCharCode(code - 0xfee0);
    return /[0-9A-Za-z]/.test(ascii) ? ascii.toLowerCase() : char;
  }
  if (/\s/u.test(char)) return ' ';
  let result = char;
  if (folds(char)) {
    if (folding === undefined) {
      throw new Error(`normalize: ${char} needs the folding table: await prepareFolding() first`);
    }
    result = folding.get(char) ?? char;
  }
  return result.toLowerCase().length === result.length ? result.toLowerCase() : result;
}

/** Normalises a text character by character (same number of code points in and out). */
export function normalizeText(text: string): string {
  let out = '';
  for (const char of text) out += normalizeChar(char);
  return out;
}

/** A Han (Chinese) character. */
export const HAN = /\p{Script=Han}/u;
/** A character that belongs to a searchable word: a letter or a digit, Han included. */
export const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Splits a query into its terms: whitespace and punctuation separate terms, and every term must
 * occur in a result (AND). Terms are normalised; duplicates and terms inside others are dropped.
 */
export function queryTerms(query: string): string[] {
  const terms: string[] = [];
  let current = '';
  for (const char of normalizeText(query)) {
    if (WORD_CHAR.test(char)) {
      current += char;
    } else if (current !== '') {
      terms.push(current);
      current = '';
    }
  }
  if (current !== '') terms.push(current);
  const unique = [...new Set(terms)];
  return unique.filter((term) => !unique.some((other) => other !== term && other.includes(term)));
}
