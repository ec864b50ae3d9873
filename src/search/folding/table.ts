/**
 * The character folding table: each Traditional Chinese character, and each Taiwan or Hong Kong
 * variant form, mapped to its Simplified character (OpenCC's character tables). Only single
 * characters are kept, so folding never changes a text's length.
 *
 * Loaded by the browser only when a text holds a character that folds (see `keys.ts`).
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

/** Every character that folds, with the character it folds to (variant first, then script). */
export function foldingTable(): Map<string, string> {
  const variants = new Map([...charTable(HKVariantsRev), ...charTable(TWVariantsRev)]);
  const simplified = charTable(TSCharacters);
  const table = new Map<string, string>();
  for (const char of new Set([...variants.keys(), ...simplified.keys()])) {
    const standard = variants.get(char) ?? char;
    const folded = simplified.get(standard) ?? simplified.get(char) ?? standard;
    if (folded !== char) table.set(char, folded);
  }
  return table;
}
