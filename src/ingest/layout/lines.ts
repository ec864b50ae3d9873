/**
 * A page as lines with their geometry: the 1-based line number, the text as printed, its
 * width in em, and whether the text extraction left a space at its end (which joins the next
 * line to it: the line went on, it was only wrapped).
 */
import { endsSentence, endsWithHanging } from './punctuation.ts';
import { punctuationWidth } from './punctuation-width.ts';
import { emWidth } from './width.ts';

export interface Line {
  /** 1-based line number in the page text. */
  no: number;
  /** The line as printed, without its line end. */
  text: string;
  /** The text without leading and trailing white space. */
  trimmed: string;
  /** Width of the trimmed text in em, punctuation as wide as the page sets it. */
  width: number;
  /** Width without a punctuation mark hanging at the end: what the column holds. */
  core: number;
  /** The core width with every CJK punctuation mark set in half an em: the least it may take. */
  narrow: number;
  /** The line ends in white space: what follows on the next line continues it. */
  openEnd: boolean;
  /** The trimmed text ends a sentence (and the line does not run on). */
  ends: boolean;
  /**
   * The width the line would take with the Latin word that opens the next line: a word too
   * long for what was left of the column moves down whole, leaving the line short.
   */
  reach: number;
}

/** A Latin word opening a line (letters, and digits or marks inside it). */
const LEADING_WORD = /^[A-Za-z][A-Za-z0-9.%'-]*/u;

/** The non-blank lines of a page. */
export function pageLines(text: string): Line[] {
  const raws = text.split(/\r\n?|\n/u);
  const punctuation = punctuationWidth(raws.map((raw) => raw.trim()).filter((raw) => raw !== ''));
  const lines: Line[] = [];
  raws.forEach((raw, index) => {
    const trimmed = raw.trim();
    if (trimmed === '') return;
    const openEnd = /\s$/u.test(raw);
    const width = emWidth(trimmed, punctuation);
    const hanging = endsWithHanging(trimmed)
      ? emWidth(Array.from(trimmed.slice(-2)).at(-1) ?? '', punctuation)
      : 0;
    lines.push({
      no: index + 1,
      text: raw,
      trimmed,
      width,
      core: width - hanging,
      narrow: Math.min(width - hanging, emWidth(trimmed, 0.5) - hanging / 2),
      openEnd,
      ends: !openEnd && endsSentence(trimmed),
      reach: width,
    });
  });
  for (const [index, line] of lines.entries()) {
    const word = LEADING_WORD.exec(lines[index + 1]?.trimmed ?? '')?.[0];
    if (word === undefined || line.openEnd || line.ends) continue;
    // Between two Latin words the break took a space.
    const space = /[A-Za-z0-9]$/u.test(line.trimmed) ? 0.5 : 0;
    line.reach = line.width + space + emWidth(word, punctuation);
  }
  return lines;
}
