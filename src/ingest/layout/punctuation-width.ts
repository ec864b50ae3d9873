/**
 * Whether a page sets its CJK punctuation full width or compressed to half an em. Full lines of a
 * column print equally wide; if a line with more punctuation holds correspondingly fewer other
 * characters, the punctuation is as wide as they are. Comparing neighbouring running lines gives
 * the width a punctuation mark takes on this page.
 */
import { isCompressible, emWidth } from './width.ts';
import { endsSentence } from './punctuation.ts';

/** Pairs of neighbouring lines needed before the page's own evidence is trusted. */
const MIN_EVIDENCE = 100;
/** Estimated widths below this read as compressed punctuation. */
const COMPRESSED_BELOW = 0.55;
/** Least votes for compressed punctuation on a page with too little evidence for the estimate. */
const MIN_VOTES = 3;
/** Widths closer than this are equal. */
const EQUAL = 0.01;
/** Neighbouring lines further apart than this (em) are not both full lines. */
const NEIGHBOUR_SPREAD = 3;

/** The width of CJK punctuation on the page whose non-blank lines are `lines`: 1 or 0.5. */
export function punctuationWidth(lines: readonly string[]): 1 | 0.5 {
  let numerator = 0;
  let denominator = 0;
  // Votes of neighbouring lines equally wide under one setting only.
  let full = 0;
  let half = 0;
  for (let index = 1; index + 1 < lines.length; index++) {
    const triple = [lines[index - 1] ?? '', lines[index] ?? '', lines[index + 1] ?? ''];
    if (triple.some((line) => endsSentence(line))) continue;
    const [, first = '', second = ''] = triple;
    if (isCompressible(lastChar(first)) || isCompressible(lastChar(second))) continue;
    const sameFull = Math.abs(emWidth(first, 1) - emWidth(second, 1)) < EQUAL;
    const sameHalf = Math.abs(emWidth(first, 0.5) - emWidth(second, 0.5)) < EQUAL;
    if (sameFull && !sameHalf) full++;
    if (sameHalf && !sameFull) half++;
    const a = split(first);
    const b = split(second);
    if (Math.abs(a.other + a.marks - (b.other + b.marks)) > NEIGHBOUR_SPREAD) continue;
    const marks = b.marks - a.marks;
    numerator -= (b.other - a.other) * marks;
    denominator += marks * marks;
  }
  // Too little for the estimate: full lines that print equally wide only with compressed
  // punctuation, clearly more often than with full-width punctuation, show it compressed.
  if (denominator < MIN_EVIDENCE) return half >= MIN_VOTES && half >= 2 * full ? 0.5 : 1;
  return numerator / denominator < COMPRESSED_BELOW ? 0.5 : 1;
}

function lastChar(text: string): string {
  return Array.from(text).at(-1) ?? '';
}

/** Width of a line's characters other than punctuation, and its count of punctuation marks. */
function split(text: string): { other: number; marks: number } {
  let marks = 0;
  for (const char of text) if (isCompressible(char)) marks++;
  return { other: emWidth(text, 0), marks };
}
