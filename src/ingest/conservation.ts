/**
 * Nothing lost: every Han character, letter and digit of a raw page ends up in exactly one
 * place of its PageModel — an item's kicker, title, subtitle, byline (when printed apart from
 * the body) or paragraphs, or a furniture record's text. The one declared exception is the
 * doubled-glyph repair of banners: a banner's raw text counts as its repaired text.
 */
import { countedChars } from './layout/chars.ts';
import type { PageModel } from './model.ts';

/** Counted characters of the raw page, with each banner's raw text taken as repaired. */
export function expectedChars(text: string, page: PageModel): Map<string, number> {
  const counts = tally(countedChars(text));
  for (const furniture of page.furniture) {
    if (furniture.raw === undefined) continue;
    for (const char of countedChars(furniture.raw)) add(counts, char, -1);
    for (const char of countedChars(furniture.text)) add(counts, char, 1);
  }
  return counts;
}

/** Counted characters in the places of a PageModel. */
export function placedChars(page: PageModel): Map<string, number> {
  const texts: string[] = [];
  for (const item of page.items) {
    texts.push(item.kicker ?? '', item.title, item.subtitle ?? '', ...item.paragraphs);
    if (!item.bylineInline) texts.push(item.byline ?? '');
  }
  for (const furniture of page.furniture) texts.push(furniture.text);
  return tally(texts.flatMap((text) => countedChars(text)));
}

export interface Balance {
  /** Characters of the raw page found nowhere in the model. */
  lost: number;
  /** Characters placed more often than the raw page has them. */
  extra: number;
  /** Up to ten characters lost or placed too often, for a message. */
  sample: string[];
}

/** Compares what the raw page holds with what its model places. */
export function balance(text: string, page: PageModel): Balance {
  const expected = expectedChars(text, page);
  const placed = placedChars(page);
  let lost = 0;
  let extra = 0;
  const sample: string[] = [];
  for (const char of new Set([...expected.keys(), ...placed.keys()])) {
    const difference = (expected.get(char) ?? 0) - (placed.get(char) ?? 0);
    if (difference > 0) lost += difference;
    if (difference < 0) extra -= difference;
    if (difference !== 0 && sample.length < 10) sample.push(char);
  }
  return { lost, extra, sample: sample.sort() };
}

function tally(chars: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const char of chars) add(counts, char, 1);
  return counts;
}

function add(counts: Map<string, number>, char: string, by: number): void {
  counts.set(char, (counts.get(char) ?? 0) + by);
}
