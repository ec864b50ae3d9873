/**
 * Prints a synthetic page as text extraction from an e-paper PDF gives it: hard-wrapped columns
 * of 12–22 characters with first-line indents and hanging punctuation, mostly a blank line
 * between lines, bylines before or inside the body, headlines after the body, photo credits,
 * running heads and doubled-glyph slogan banners.
 */
import type { Furniture } from '../../src/archive/schema.ts';
import type { Random } from './random.ts';
import type { SynthItem } from './text.ts';

/** Closing punctuation that hangs past the column instead of opening the next line. */
const HANGING = new Set(Array.from('，。、；：！？”’）》'));

/** Width of a character in the column: ASCII letters and digits are half as wide as CJK. */
function charWidth(char: string): number {
  return char.charCodeAt(0) < 0x80 ? 0.5 : 1;
}

/** Hard-wraps one paragraph at `width`; the first line is indented by two characters. */
export function wrap(text: string, width: number): string[] {
  const chars = Array.from(text);
  const lines: string[] = [];
  let line = '';
  let used = 0;
  let capacity = width - 2;
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i] ?? '';
    if (used + charWidth(char) > capacity && line !== '' && !HANGING.has(char)) {
      lines.push(line);
      line = '';
      used = 0;
      capacity = width;
    }
    line += char;
    used += charWidth(char);
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** `■■不忘初心不忘初心…`: an outline-printed banner comes out with each phrase doubled. */
export function doubledBanner(phrases: readonly string[]): string {
  return '■■' + phrases.map((phrase) => phrase + phrase).join('');
}

function headlineLines(r: Random, item: SynthItem): string[] {
  const lines: string[] = [];
  if (item.kicker !== null) lines.push(item.kicker);
  const title = Array.from(item.title);
  if (title.length > 13 && !item.title.includes(' ') && r.chance(0.3)) {
    const cut = Math.ceil(title.length / 2);
    lines.push(title.slice(0, cut).join(''), title.slice(cut).join(''));
  } else {
    lines.push(item.title);
  }
  if (item.subtitle !== null) lines.push(item.subtitle);
  return lines;
}

function articleBlock(r: Random, item: SynthItem): string {
  const width = r.int(12, 22);
  const gap = r.chance(0.8) ? '\n\n' : '\n';
  const body = item.paragraphs.flatMap((text) => wrap(text, width)).join(gap);
  const parts: string[] = [];
  const headline = headlineLines(r, item).join('\n\n');
  if (item.headlineFirst) parts.push(headline);
  if (item.bylineStyle === 'lead') {
    parts.push(`${r.chance(0.3) ? ' ' : ''}${r.pick(['□', '□', '■'])}${item.byline ?? ''}`);
  }
  parts.push(body);
  if (!item.headlineFirst) parts.push(headline);
  return parts.join('\n\n');
}

function photoBlock(r: Random, item: SynthItem): string {
  const caption = wrap(item.paragraphs[0] ?? '', r.int(10, 13)).join('\n\n');
  return [caption, item.byline ?? '', item.title].join('\n\n');
}

export interface PrintedPage {
  text: string;
  furniture: Furniture[];
}

/**
 * Prints the page: running heads (page number and name, date, editor) in a random order, the
 * items, and on front pages sometimes a slogan banner.
 */
export function printPage(
  r: Random,
  page: { date: string; page: number; pageName: string; editor: string; weekday: string },
  items: readonly SynthItem[],
  banner: readonly string[] | null,
): PrintedPage {
  const [year, month, day] = page.date.split('-').map(Number);
  const heads = [
    `第${page.page}版 ${page.pageName}`,
    `${year}年${month}月${day}日 星期${page.weekday}`,
    `责任编辑 ${page.editor}`,
  ];
  if (r.chance(0.5)) heads.reverse();
  const furniture: Furniture[] = heads.map((text) => ({ kind: 'header', text }));
  const blocks = [...heads];
  for (const item of items) {
    blocks.push(item.kind === 'photo' ? photoBlock(r, item) : articleBlock(r, item));
  }
  if (banner !== null) {
    const raw = doubledBanner(banner);
    blocks.push(raw);
    furniture.push({ kind: 'banner', text: banner.join(' '), raw });
  }
  return { text: blocks.join('\n\n') + '\n', furniture };
}
