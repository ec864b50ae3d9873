/**
 * Where things go in the content collection, from position only (never from text), so an
 * item's id survives any correction of its title:
 * `<date>/<NN>/<kk>.md` and `<date>/<NN>/page.json`; undated pages under `undated/<stem>/`.
 */
import { posix } from 'node:path';

export const PAGE_RECORD = 'page.json';

/** Two digits, more when the number needs them: 1 → `01`, 123 → `123`. */
export function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * The page's directory, relative to the content directory. An undated page is placed by its
 * raw file's path (`raw/scans/000_1a.txt` → `undated/scans_000_1a`).
 */
export function pageDir(date: string | null, page: number, source: string): string {
  if (date !== null) return `${date}/${pad(page)}`;
  return `undated/${undatedStem(source)}`;
}

/** The raw path without extension, directories joined by `_`, unsafe characters as `_`. */
export function undatedStem(source: string): string {
  const withoutExt = source.slice(0, source.length - posix.extname(source).length);
  const stem = withoutExt.replace(/[^\p{L}\p{N}._-]+/gu, '_').replace(/^[._]+/, '');
  return stem === '' ? '_' : stem;
}

/** `<kk>.md` for the item at 1-based `order` on its page. */
export function itemFileName(order: number): string {
  return `${pad(order)}.md`;
}
