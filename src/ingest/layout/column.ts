/**
 * The column an article is set in, estimated from its own lines: most lines of a paragraph
 * are full (the column width, or half an em either way for Latin text and one em more for
 * hanging punctuation); the first line is indented about two em; the last is short.
 */

/** Median of a list of numbers (the lower middle one for even lengths); 0 for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = Array.from(values).sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
}

/**
 * The full line width of a block of body lines: the median width (hanging punctuation left
 * out) of the lines that do not end a sentence, which are full or indented; the widest line
 * when there are not two of those.
 */
export function columnWidth(lines: readonly { core: number; ends: boolean }[]): number {
  const running = lines.filter((line) => !line.ends).map((line) => line.core);
  if (running.length >= 2) return median(running);
  return Math.max(0, ...lines.map((line) => line.core));
}

/** Tolerances, in em, of the layout evidence. */
export const TOLERANCE = {
  /** A full line is within this of the column width (Latin text, hanging punctuation). */
  full: 1.1,
  /** An indented first line is this much shorter than the column at least … */
  indentMin: 1.25,
  /** … and at most this much. */
  indentMax: 3.5,
  /** A last line shorter than the column by this much is short. */
  short: 1.5,
} as const;

/** True when a line of `width` is a full line of a column `column` wide. */
export function isFull(width: number, column: number): boolean {
  return width >= column - TOLERANCE.full;
}

/** True when a line of `width` looks like the indented first line of a paragraph. */
export function isIndented(width: number, column: number): boolean {
  return width <= column - TOLERANCE.indentMin && width >= column - TOLERANCE.indentMax;
}

/** True when a line of `width` is clearly short of the column (a paragraph's last line). */
export function isShort(width: number, column: number): boolean {
  return width <= column - TOLERANCE.short;
}
