/**
 * Character classes the recognition rules share: Han characters, the characters that count
 * for conservation (Han, letters, digits), and the punctuation that ends a sentence.
 */

/** One Han (CJK ideograph) character. */
export const HAN = /\p{Script=Han}/u;

/** Han characters, letters and digits: what must never be lost in conversion. */
export const COUNTED = /[\p{Script=Han}\p{L}\p{N}]/gu;

/** The characters of `text` that conservation counts, in order. */
export function countedChars(text: string): string[] {
  return text.match(COUNTED) ?? [];
}

/** True when every character of `text` is a Han character. */
export function isAllHan(text: string): boolean {
  return text.length > 0 && /^\p{Script=Han}+$/u.test(text);
}

/** True when `char` is a Latin letter (ASCII or accented). */
export function isLatinLetter(char: string): boolean {
  return /^\p{Script=Latin}$/u.test(char);
}

/** True when `char` is an ASCII digit. */
export function isDigit(char: string): boolean {
  return char >= '0' && char <= '9';
}
