/**
 * Datelines open an article's first paragraph: `本报讯 20日，…`, `本报讯（记者 X）…`,
 * `生活日报7月10日讯（见习记者 Y）…`, `新华社北京3月1日电（记者 Z）…`, or with the byline run
 * in without brackets, set off by spaces: `本报讯 记者 张三 通讯员 李四 今天，…`. A byline
 * printed in the dateline stays in the paragraph; the item's byline repeats it.
 */
import { readCredit, type Credit } from './names.ts';

/**
 * A paragraph that opens with a dateline: 本报讯, or 讯/电 after a date (`7月10日讯`) or a news
 * agency (`新华社电`, `中新网…电`, `本报北京电`) — not any word ending in 讯 or 电 (`供电`).
 */
const DATELINE =
  /^(?:本报讯|(?:本报|新华社|中新社|中新网)[^\s，。！？；：、“”（）]{0,16}?[讯电]|[^\s，。！？；：、“”（）]{0,16}?(?:[0-9０-９]日|社|网)[讯电])(?=[\s（(]|$)/u;

/** A line that opens with a dateline: the start of an article's first paragraph. */
export function opensWithDateline(text: string): boolean {
  return DATELINE.test(text.trimStart());
}

export interface InlineByline {
  /** The dateline and its bracketed byline as printed: `本报讯 （记者 徐芳）`. */
  text: string;
  credit: Credit;
}

/** Most words (roles and names) of a byline run into a dateline. */
const MAX_RUN_IN = 8;

/** The byline in a paragraph's opening dateline (in brackets or run in), or null. */
export function datelineByline(paragraph: string): InlineByline | null {
  const dateline = DATELINE.exec(paragraph);
  if (!dateline) return null;
  const rest = paragraph.slice(dateline[0].length);
  const bracket = /^\s*[（(]([^（）()]{1,60})[）)]/u.exec(rest);
  if (!bracket) return runInByline(dateline[0], rest);
  const credit = readCredit(bracket[1] ?? '');
  if (credit === null) return null;
  return { text: dateline[0] + bracket[0], credit };
}

/**
 * A byline run into the dateline: the longest run of space-separated words after it that reads
 * as a credit with a role (`记者 张三 通讯员 李四`) and is followed by a space and more text.
 */
function runInByline(dateline: string, rest: string): InlineByline | null {
  const words = /^(\s+)((?:\S+\s+){1,8})/u.exec(rest);
  if (!words) return null;
  const lead = words[1] ?? '';
  const tokens = (words[2] ?? '').match(/\S+\s+/gu) ?? [];
  let best: InlineByline | null = null;
  let printed = '';
  for (const token of tokens.slice(0, MAX_RUN_IN)) {
    printed += token;
    const credit = readCredit(printed);
    if (credit?.hasRole === true) best = { text: dateline + lead + printed.trimEnd(), credit };
  }
  return best;
}
