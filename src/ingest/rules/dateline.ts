/**
 * Datelines open an article's first paragraph: `本报讯 20日，…`, `本报讯（记者 X）…`,
 * `生活日报7月10日讯（见习记者 Y）…`, `新华社北京3月1日电（记者 Z）…`. A byline printed in
 * the dateline's brackets stays in the paragraph; the item's byline repeats it.
 */
import { readCredit, type Credit } from './names.ts';

/** A paragraph that opens with a dateline. */
const DATELINE = /^(?:本报讯|[^\s，。！？；：、“”（）]{0,20}?(?:讯|电))(?=[\s（(]|$)/u;

/** A line that opens with a dateline: the start of an article's first paragraph. */
export function opensWithDateline(text: string): boolean {
  return DATELINE.test(text.trimStart());
}

export interface InlineByline {
  /** The dateline and its bracketed byline as printed: `本报讯 （记者 徐芳）`. */
  text: string;
  credit: Credit;
}

/** The byline in a paragraph's opening dateline brackets, or null. */
export function datelineByline(paragraph: string): InlineByline | null {
  const dateline = DATELINE.exec(paragraph);
  if (!dateline) return null;
  const rest = paragraph.slice(dateline[0].length);
  const bracket = /^\s*[（(]([^（）()]{1,60})[）)]/u.exec(rest);
  if (!bracket) return null;
  const credit = readCredit(bracket[1] ?? '');
  if (credit === null) return null;
  return { text: dateline[0] + bracket[0], credit };
}
