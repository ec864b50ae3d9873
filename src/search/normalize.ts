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
 */
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';
import HKVariantsRev from 'opencc-js/dict/HKVariantsRev';

/** Parses an OpenCC dictionary string (`"from to|from to"`) into single-character pairs. */
function charTable(dict: string): Map<string, string> {
  const table = new Map<string, string>();
  for (const entry of dict.split('|')) {
    const [from, to] = entry.split(' ');
    if (from !== undefined && to !== undefined && isOneChar(from) && isOneChar(to)) {
      table.set(from, to);
    }
  }
  return table;
}

function isOneChar(text: string): boolean {
  return Array.from(text).length === 1;
}

let variants: Map<string, string> | undefined;
let simplified: Map<string, string> | undefined;

/** The normalised form of one character (a string of one code point). */
export function normalizeChar(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x80) return char.toLowerCase();
  // Full-width ASCII letters and digits.
  if (code >= 0xff10 && code <= 0xff5a) {
    const ascii = String.fromCharCode(code - 0xfee0);
    return /[0-9A-Za-z]/.test(ascii) ? ascii.toLowerCase() : char;
  }
  if (/\s/u.test(char)) return ' ';
  variants ??= new Map([...charTable(HKVariantsRev), ...charTable(TWVariantsRev)]);
  simplified ??= charTable(TSCharacters);
  const standard = variants.get(char) ?? char;
  const result = simplified.get(standard) ?? simplified.get(char) ?? standard;
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
