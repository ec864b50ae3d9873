/** An excerpt of a text around the first match of a query, its matches marked. */

export interface Segment {
  text: string;
  mark: boolean;
}

/** Every [start, end) range where one of `terms` occurs in `text`, merged and in order. */
export function matchRanges(text: string, terms: string[]): [number, number][] {
  const ranges: [number, number][] = [];
  for (const term of terms) {
    if (term === '') continue;
    for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + 1)) {
      ranges.push([at, at + term.length]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last !== undefined && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

/**
 * About `length` characters of `text` (line breaks shown as spaces) starting a little before the
 * first match, cut into plain and marked segments; `…` where the text was cut.
 */
export function excerpt(text: string, terms: string[], length = 80): Segment[] {
  const flat = text.replace(/\s+/gu, ' ');
  const ranges = matchRanges(flat, terms);
  const first = ranges[0]?.[0] ?? 0;
  const start = Math.max(0, Math.min(first - Math.floor(length / 5), flat.length - length));
  const end = Math.min(flat.length, start + length);
  const segments: Segment[] = [];
  let at = start;
  for (const [from, to] of ranges) {
    if (to <= start || from >= end) continue;
    const markFrom = Math.max(from, start);
    if (markFrom > at) segments.push({ text: flat.slice(at, markFrom), mark: false });
    segments.push({ text: flat.slice(markFrom, Math.min(to, end)), mark: true });
    at = Math.min(to, end);
  }
  if (at < end) segments.push({ text: flat.slice(at, end), mark: false });
  if (start > 0) segments.unshift({ text: '…', mark: false });
  if (end < flat.length) segments.push({ text: '…', mark: false });
  return segments;
}
