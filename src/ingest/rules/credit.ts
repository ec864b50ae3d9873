/**
 * Credits printed at the end of an article's or a photo caption's last paragraph:
 * `…违章建筑。（通讯员 钟园园）`, `…覆盖。  （倪寿华 兰晓飞）`, `…良好效果。 李忠义`,
 * `…框架。 记者 郭炳中 摄`. The credit stays in the paragraph; the item's byline repeats it.
 */
import { endsSentence } from '../layout/punctuation.ts';
import { readCredit, type Credit } from './names.ts';

/** What may end the sentence before a trailing credit. */
const SENTENCE_END = new Set([
  '。',
  '！',
  '？',
  '!',
  '?',
  '…',
  '；',
  '”',
  '’',
  '）',
  ')',
  '」',
  '』',
]);

/** Longest trailing credit looked for, in characters. */
const MAX_LENGTH = 48;

export interface TrailingCredit {
  /** The credit as printed: `（通讯员 钟园园）`, `李忠义`. */
  text: string;
  credit: Credit;
  /** Offset in the paragraph where the credit starts. */
  start: number;
}

/** The credit that ends `paragraph`, or null. */
export function trailingCredit(paragraph: string): TrailingCredit | null {
  const text = paragraph.trimEnd();
  // Only the end of the paragraph matters: a credit and the sentence end before it.
  const chars = Array.from(text.slice(-2 * MAX_LENGTH));
  const limit = Math.max(0, chars.length - MAX_LENGTH);
  for (let index = chars.length - 2; index >= limit; index--) {
    if (!SENTENCE_END.has(chars[index] ?? '')) continue;
    const rest = chars.slice(index + 1).join('');
    const credit = creditOf(rest, endsSentence(chars.slice(limit, index + 1).join('')));
    if (credit) {
      const printed = rest.trim();
      return { text: printed, credit, start: text.length - rest.trimStart().length };
    }
  }
  return null;
}

function creditOf(rest: string, afterSentence: boolean): Credit | null {
  const printed = rest.trim();
  if (printed === '') return null;
  if (count(printed, /[（(]/gu) !== count(printed, /[）)]/gu)) return null;
  const bracketed = /^[（(][^（）()]*(?:[（(][^（）()]*[）)][^（）()]*)*[）)]$/u.test(printed);
  const spaced = /^\s/u.test(rest);
  // Without brackets a credit follows a finished sentence and a space: `…效果。 李忠义`.
  if (!bracketed && !(spaced && afterSentence)) return null;
  if (/[，。！？；：、“”]/u.test(printed)) return null;
  const credit = readCredit(printed);
  if (credit === null) return null;
  return credit;
}

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}
