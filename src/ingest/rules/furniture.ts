/**
 * Page furniture that is not an article: running heads (the page number and name, the date,
 * the editor) and slogan banners. Furniture becomes the page record, not items.
 */
import type { Furniture } from '../../archive/schema.ts';
import { hasSentencePunctuation } from '../layout/punctuation.ts';
import { undouble } from './doubled-glyphs.ts';

/** Longest line read as a banner, in UTF-16 units. */
const MAX_BANNER = 240;

/** Fewest characters (undoubled) of a banner printed without markers. */
const UNMARKED_MIN = 6;

/** Typographic markers that open a banner (`■■`). */
const MARKERS = /^[□■◆◇●○▲△★☆\s]+/u;

/** `第1版 要闻`, `第 3 版`, `01 要闻`, `A2 要闻`, `要闻 第1版` (not `12岁少年获救`). */
const PAGE_HEAD = [
  /^第\s*[A-Za-z]?[0-9０-９一二三四五六七八九十百]{1,4}\s*版(?:\s*[:：·|]?\s*(?<name>\p{Script=Han}{2,8}))?$/u,
  // A bare page number is set off from the name: `254名志愿者出发` is a headline.
  /^[A-Za-z]?[0-9０-９]{1,2}(?:\s+|\s*[:：·|]\s*)(?<name>\p{Script=Han}{2,8})$/u,
  /^(?<name>\p{Script=Han}{2,8})\s*[:：·|]?\s*第\s*[0-9０-９一二三四五六七八九十百]{1,4}\s*版$/u,
];

/** `2021年3月1日 星期一`, `2021-03-01 周一`, optionally with the lunar date. */
const DATE_HEAD =
  /^(?:(?:星期|周|礼拜)[一二三四五六日天]\s*)?(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}[-./]\d{1,2}[-./]\d{1,2})(?:\s*(?:星期|周|礼拜)[一二三四五六日天])?(?:\s*农历[\p{Script=Han}\s]{2,16})?$/u;

/** `责任编辑 陈蓉`, `责编：李四`, `美编 王五 校对 赵六`. */
const EDITOR_HEAD =
  /^(?:本版)?(?:责任编辑|责编|编辑|美术编辑|美编|校对|版式设计|版式|版面设计|组版|审读|值班编辑|摄影编辑)\s*[:：]?\s*[\p{Script=Han}\s、，,·:：]{1,30}$/u;

/** A recognised furniture line, with the page name when the line gives one. */
export interface FurnitureLine {
  furniture: Furniture;
  pageName: string | null;
}

/** The furniture record of a line, or null when the line is not furniture. */
export function furnitureOf(trimmed: string): FurnitureLine | null {
  for (const pattern of PAGE_HEAD) {
    const match = pattern.exec(trimmed);
    if (match) {
      return {
        furniture: { kind: 'header', text: trimmed },
        pageName: match.groups?.['name'] ?? null,
      };
    }
  }
  if (DATE_HEAD.test(trimmed) || EDITOR_HEAD.test(trimmed)) {
    return { furniture: { kind: 'header', text: trimmed }, pageName: null };
  }
  return bannerOf(trimmed);
}

/**
 * A slogan banner: doubled phrases, opened by markers (`■■`) or long enough (two phrases at
 * least) not to be a line of prose by chance.
 */
function bannerOf(trimmed: string): FurnitureLine | null {
  if (trimmed.length > MAX_BANNER) return null;
  const marker = MARKERS.exec(trimmed)?.[0] ?? '';
  const body = trimmed.slice(marker.length);
  if (hasSentencePunctuation(body)) return null;
  const chunks = body.split(/\s+/u).filter((chunk) => chunk !== '');
  const phrases: string[] = [];
  for (const chunk of chunks) {
    const undoubled = undouble(chunk);
    if (undoubled === null) return null;
    phrases.push(...undoubled);
  }
  const hasMarker = /[□■◆◇●○▲△★☆]/u.test(marker);
  if (phrases.length === 0 || (!hasMarker && phrases.length < 2)) return null;
  if (!hasMarker && phrases.join('').length < UNMARKED_MIN) return null;
  return {
    furniture: { kind: 'banner', text: phrases.join(' '), raw: trimmed },
    pageName: null,
  };
}
