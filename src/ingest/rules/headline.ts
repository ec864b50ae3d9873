/**
 * Headlines: short unpunctuated lines grouped together, before or after the body they head. A
 * group reads as kicker (引题), title (主题) and subtitle (副题, may open with ——); a headline
 * too long for one line wraps onto a second, short one and is one headline.
 */
import type { Line } from '../layout/lines.ts';
import { joinLines } from './join-lines.ts';

export interface Headline {
  kicker: string | null;
  title: string;
  subtitle: string | null;
}

/** A wrapped headline's first line reaches the widest headline on the page, less this. */
const WRAP_SLACK = 1.5;
/** … and its continuation is at most this share of it. */
const WRAP_RATIO = 0.62;
/** Headlines narrower than this never wrap. */
const WRAP_MIN = 14;
/**
 * A headline line at least this wide (em) is at the width headlines wrap at, on any page: a
 * shorter line after it is its continuation. Kicker lines are narrower.
 */
const WRAP_WIDE = 18;

const SUBTITLE_DASH = /^[—－―─-]{1,2}/u;

/**
 * Reads a group of headline lines. `widest` is the widest headline line on the page: a line
 * about that wide followed by a much shorter one is one headline wrapped.
 */
export function readHeadline(lines: readonly Line[], widest: number): Headline {
  const heads: Line[][] = [];
  let subtitle: Line[] | null = null;
  for (const line of lines) {
    if (subtitle !== null) {
      // A subtitle ends the group: a shorter line after it is its wrapped end.
      const last = subtitle.at(-1);
      if (last !== undefined && line.width < last.width) subtitle.push(line);
      else heads.push([line]);
      continue;
    }
    if (SUBTITLE_DASH.test(line.trimmed) && heads.length > 0) {
      subtitle = [line];
      continue;
    }
    const last = heads.at(-1);
    if (last !== undefined && continues(last.at(-1), line, widest)) last.push(line);
    else heads.push([line]);
  }
  const texts = heads.map((head) => joinLines(head.map((line) => line.trimmed)));
  const sub = subtitle === null ? null : joinLines(subtitle.map((line) => line.trimmed));
  if (texts.length >= 3 && sub === null) {
    return {
      kicker: texts[0] ?? null,
      title: texts[1] ?? '',
      subtitle: texts.slice(2).join(' '),
    };
  }
  if (texts.length >= 2) {
    return {
      kicker: texts.slice(0, -1).join(' '),
      title: texts.at(-1) ?? '',
      subtitle: sub,
    };
  }
  return { kicker: null, title: texts[0] ?? '', subtitle: sub };
}

function continues(previous: Line | undefined, line: Line, widest: number): boolean {
  if (previous === undefined || line.width >= previous.width) return false;
  // A line as wide as headlines wrap at, followed by a shorter one: wrapped, whatever the page.
  if (previous.width >= WRAP_WIDE) return true;
  if (previous.width < Math.max(WRAP_MIN, widest - WRAP_SLACK)) return false;
  return line.width <= previous.width * WRAP_RATIO;
}
