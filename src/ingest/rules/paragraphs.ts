/**
 * Paragraph breaks from the page's own evidence: a paragraph ends on a line that ends a
 * sentence and is either short of the article's column or followed by an indented line (a
 * first line about two em short of the column); a dateline always opens a paragraph.
 */
import { columnWidth, isIndented, isShort } from '../layout/column.ts';
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
    if (endsParagraph(line, next, column)) {
      paragraphs.push(current);
      current = [];
    }
  }
  if (current.length > 0) paragraphs.push(current);
  return paragraphs;
}

function endsParagraph(line: Line, next: Line, column: number): boolean {
  if (!line.ends) return false;
  if (isShort(line.width, column)) return true;
  return isIndented(next.core, column) && !next.ends;
}
