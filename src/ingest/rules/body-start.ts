/**
 * Where a body starts after the headline lines printed before it. Within a run of text that ends
 * a sentence, the body's lines are full lines of its column — the first may be indented about
 * two em, the last ends the sentence — and whatever comes before them is headline: a headline
 * line is shorter or wider than the column, or followed by an indented first line.
 */
import { columnWidth, isFull, isIndented } from '../layout/column.ts';
import type { Line } from '../layout/lines.ts';
import { hasSentencePunctuation } from '../layout/punctuation.ts';
import { opensWithDateline } from './dateline.ts';

/** Most headline lines looked for before a body (kicker, a wrapped title, subtitle). */
const MAX_HEAD = 5;
/** A full line's text (hanging punctuation aside) may run past the column by this much. */
const OVERHANG = 1.1;
/** Headline lines read as such on the strength of their wording alone (kicker and title). */
const EXTEND_UP_TO = 2;
/** Most lines of a body looked at for its column. */
const EVIDENCE_LINES = 40;
/** Lines a body needs to give its column width by itself. */
const OWN_EVIDENCE = 2;

export interface BodyContext {
  /** Body lines before the piece in the same run (the column of a continued paragraph). */
  before: readonly Line[];
  /** The lines of the next piece in the same run. */
  after: readonly Line[];
  /** The piece opens an item: at least one headline line must come first. */
  headFirst: boolean;
}

/**
 * How many of the first lines of `segment` (lines up to and including one that ends a
 * sentence) are headline. Returns the count and whether the evidence was clear.
 */
export function headLinesBefore(
  segment: readonly Line[],
  context: BodyContext,
): { count: number; clear: boolean } {
  const dateline = segment.findIndex((line) => opensWithDateline(line.trimmed));
  if (dateline >= 0 && dateline <= MAX_HEAD) return { count: dateline, clear: true };
  const last = Math.min(MAX_HEAD, segment.length - 1);
  for (let count = context.headFirst ? 1 : 0; count <= last; count++) {
    if (!bodyFrom(segment, count, context)) continue;
    // A headline line more, when it reads as one (no sentence punctuation), the body after it
    // still holds together, and either the line does not look like an indented first line or
    // the line after it reads as prose: `近千大学生带…` / `2000余名志愿者…` / `知了声声，…`.
    let extended = count;
    while (
      extended > 0 &&
      extended < Math.min(last, EXTEND_UP_TO) &&
      !hasSentencePunctuation(segment[extended]?.trimmed ?? '') &&
      (!indentedFirst(segment, extended, context) ||
        hasSentencePunctuation(segment[extended + 1]?.trimmed ?? '')) &&
      bodyFrom(segment, extended + 1, context)
    ) {
      extended++;
    }
    return { count: extended, clear: true };
  }
  return { count: context.headFirst && segment.length > 1 ? 1 : 0, clear: false };
}

/** The body read from line `start` opens with an indented first line. */
function indentedFirst(segment: readonly Line[], start: number, context: BodyContext): boolean {
  const body = segment.slice(start);
  const first = body[0];
  const column = columnWidth(evidence(body, context, false));
  return first !== undefined && isIndented(first.core, column);
}

function bodyFrom(segment: readonly Line[], start: number, context: BodyContext): boolean {
  const body = segment.slice(start);
  const shown = evidence(body, context, start === 0 && !context.headFirst);
  // Without other evidence a body's lines are at least as wide as its last one.
  const column = columnWidth(shown.length > 0 ? shown : body);
  if (column === 0) return true;
  for (const [index, line] of body.entries()) {
    // Too wide for the column even with its punctuation set tight.
    if (line.narrow > column + OVERHANG) return false;
    // The last line, and a line that runs on into a credit, end where the text ends.
    if (index === body.length - 1 || line.openEnd) continue;
    // Full: as wide as the column (a mark at the end may sit inside it or hang past it), or
    // too full for the Latin word that opens the next line.
    if (isFull(line.width, column) || line.reach > column) continue;
    if (index === 0 && isIndented(line.core, column)) continue;
    return false;
  }
  return true;
}

/**
 * Lines that show the body's column: its own; else, for a body that may continue the one
 * before it, that body's; else what follows in the run.
 */
function evidence(body: readonly Line[], context: BodyContext, continuing: boolean): Line[] {
  const running = (lines: readonly Line[]): Line[] => lines.filter((line) => !line.ends);
  const own = running(body.slice(1, 1 + EVIDENCE_LINES));
  if (own.length >= OWN_EVIDENCE) return own;
  const before = continuing ? running(context.before).slice(-6) : [];
  if (own.length + before.length >= OWN_EVIDENCE) return [...own, ...before];
  return [...own, ...before, ...running(context.after.slice(0, EVIDENCE_LINES))];
}
