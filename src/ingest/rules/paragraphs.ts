/**
 * Paragraph breaks from the page's own evidence: a paragraph ends on a line that ends a
 * sentence and is either short of the article's column or followed by an indented line (a
 * first line about two em short of the column) — but not on its own indented first line when a
 * full line follows; a dateline always opens a paragraph.
 */
import { columnWidth, isFull, isIndented, isShort } from '../layout/column.ts';
import type { Line } from '../layout/lines.ts';
import { opensWithDateline } from './dateline.ts';

/** Splits an article's body lines into paragraphs (groups of lines). */
export function splitParagraphs(lines: readonly Line[]): Line[][] {
  const column = columnWidth(lines);
  const paragraphs: Line[][] = [];
  let current: Line[] = [];
  for (const [index, line] of lines.entries()) {
    const next = lines[index + 1];
    if (current.length > 0 && opensWithDateline(line.trimmed)) {
      paragraphs.push(current);
      current = [];
    }
    current.push(line);
    if (next === undefined) break;
    if (endsParagraph(line, next, lines[index + 2], column, current.length === 1)) {
      paragraphs.push(current);
      current = [];
    }
  }
  if (current.length > 0) paragraphs.push(current);
  return paragraphs;
}

function endsParagraph(
  line: Line,
  next: Line,
  after: Line | undefined,
  column: number,
  opens: boolean,
): boolean {
  if (!line.ends) return false;
  // A paragraph's indented first line that happens to end a sentence, with a full line after
  // it: the paragraph goes on (a paragraph after it would open with an indented line).
  if (opens && isIndented(line.core, column) && isFull(next.width, column)) return false;
  if (isShort(line.width, column)) return true;
  if (!isIndented(next.core, column)) return false;
  // An indented line opens a paragraph, unless it is a short one-line paragraph's only line.
  return !next.ends || (after !== undefined && isFull(after.width, column));
}
