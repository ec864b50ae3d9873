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

/** Most running lines a column is estimated from. */
const SAMPLE = 200;

/** How far from the column a line may stop and still reach it (Latin text, digits). */
const REACH = 0.5;

/** 1 when a line stops at the column, ½ when within half an em of it, else 0. */
function reach(width: number, column: number): number {
  const distance = Math.abs(width - column);
  if (distance < 0.01) return 1;
  return distance <= REACH ? 0.5 : 0;
}

/**
 * The full line width of a block of body lines: the width most of its running lines (those
 * that do not end a sentence) reach — counting a mark at the end either inside the column or
 * hanging past it; the wider one when two widths are reached as often. The widest line when
 * no line runs on.
 */
export function columnWidth(
  lines: readonly { width: number; core: number; ends: boolean }[],
): number {
  const running = lines.filter((line) => !line.ends).slice(0, SAMPLE);
  if (running.length === 0) return lines.reduce((widest, line) => Math.max(widest, line.core), 0);
  const candidates = [...new Set(running.flatMap((line) => [line.width, line.core]))];
  let best = 0;
  let bestScore = -1;
  for (const candidate of candidates.sort((a, b) => b - a)) {
    let score = 0;
    for (const line of running)
      score += Math.max(reach(line.width, candidate), reach(line.core, candidate));
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
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
