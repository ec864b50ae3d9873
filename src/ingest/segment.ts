/**
 * Placeholder recogniser, replaced by the real one (layout/ and rules/): the whole page becomes
 * one article whose title is the first non-empty line and whose paragraphs are the other
 * non-empty lines. It keeps the pipeline runnable end to end; nothing should rely on how it
 * splits a page.
 */
import type { PageModel } from './model.ts';

export function segmentPage(text: string): PageModel {
  const lines = text.split('\n');
  const filled = lines
    .map((line, index) => ({ text: line.trim(), line: index + 1 }))
    .filter((l) => l.text !== '');
  const [first, ...rest] = filled;
  const last = filled.at(-1);
  if (first === undefined || last === undefined) {
    return { items: [], furniture: [], pageName: null, warnings: [] };
  }
  return {
    items: [
      {
        kind: 'article',
        kicker: null,
        title: first.text,
        subtitle: null,
        byline: null,
        authors: [],
        paragraphs: rest.map((l) => l.text),
        lines: { first: first.line, last: last.line },
      },
    ],
    furniture: [],
    pageName: null,
    warnings: [],
  };
}
