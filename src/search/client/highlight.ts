/**
 * On an article page opened from a search result (`?hl=<query>`): marks every occurrence of the
 * query's terms in the article text, matching the way the search does (normalised: Traditional
 * and Simplified, full-width and ASCII alike), and scrolls to the first one.
 */
import { normalizeChar, prepareFolding, queryTerms } from '../normalize.ts';
import { matchRanges } from './excerpt.ts';

/** Normalises a text and maps each UTF-16 offset of the result back to the original. */
function normalizeWithOffsets(text: string): { normal: string; offsets: number[] } {
  let normal = '';
  const offsets: number[] = [];
  let at = 0;
  for (const char of text) {
    const mapped = normalizeChar(char);
    for (let i = 0; i < mapped.length; i++) offsets.push(at);
    normal += mapped;
    at += char.length;
  }
  offsets.push(at);
  return { normal, offsets };
}

export async function highlightArticle(article: Element, query: string): Promise<HTMLElement[]> {
  await prepareFolding(query, article.textContent);
  const terms = queryTerms(query);
  if (terms.length === 0) return [];
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    if (node instanceof Text && node.parentElement?.closest('script, style, mark') == null)
      nodes.push(node);
  }
  const marks: HTMLElement[] = [];
  for (const node of nodes) {
    const { normal, offsets } = normalizeWithOffsets(node.data);
    const ranges = matchRanges(normal, terms);
    // Wrap from the end so earlier offsets stay valid.
    for (const [from, to] of ranges.reverse()) {
      const start = offsets[from] ?? 0;
      const end = offsets[to] ?? node.data.length;
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, end);
      const mark = document.createElement('mark');
      mark.dataset['searchHighlight'] = '';
      range.surroundContents(mark);
      marks.unshift(mark);
    }
  }
  return marks;
}
