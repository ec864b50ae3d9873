/**
 * Bylines printed on a line of their own: `□首席记者 张赤奎`, ` ■记者 A 通讯员 B`, `■杜丽霞`,
 * and photo credits `记者 林群心 摄`, `（徐文杰 石奇峰 摄） 摄`. The byline keeps the roles as
 * printed; the □/■ marker and the spaces around the line are dropped.
 */
import { hasSentencePunctuation } from '../layout/punctuation.ts';
import { emWidth } from '../layout/width.ts';
import { opensWithDateline } from './dateline.ts';
import { readCredit, type Credit } from './names.ts';

const MARKER = /^[□■◆◇●○▲△★☆]+/u;

/** Widest a byline line is taken to be, in em. */
const MAX_WIDTH = 36;

export interface BylineLine {
  /** The byline as printed, marker and outer spaces removed. */
  text: string;
  credit: Credit;
  /** The line opened with a □/■ marker (a byline that opens an article). */
  marked: boolean;
}

/** The byline a line holds, or null when it is not a byline line. */
export function bylineLine(trimmed: string): BylineLine | null {
  const marker = MARKER.exec(trimmed)?.[0] ?? '';
  const text = trimmed.slice(marker.length).trim();
  if (text === '' || emWidth(text) > MAX_WIDTH || opensWithDateline(text)) return null;
  if (hasSentencePunctuation(text.replace(/[（(][^（）()]*[）)]/gu, ''))) return null;
  if (count(text, /[（(]/gu) !== count(text, /[）)]/gu)) return null;
  const credit = readCredit(text);
  if (credit === null) return null;
  const marked = marker !== '';
  const bracketed = /^[（(].*[）)]/u.test(text);
  if (!marked && !credit.hasRole && !credit.photo && !bracketed) return null;
  return { text, credit, marked };
}

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}
