/**
 * The content collection's file forms for synthetic items: Markdown with YAML front matter (body
 * built as an mdast tree and written by remark-stringify) and the page record as JSON.
 */
import type { Root } from 'mdast';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { Document, isScalar } from 'yaml';
import type { ItemData, PageData } from '../../src/archive/schema.ts';

const processor = unified().use(remarkStringify);

/** `---\n<front matter>---\n\n<paragraphs>` with the date written as a quoted string. */
export function itemMarkdown(data: ItemData, paragraphs: readonly string[]): string {
  const front = new Document(data);
  const date = front.get('date', true);
  if (isScalar(date)) date.type = 'QUOTE_DOUBLE';
  const tree: Root = {
    type: 'root',
    children: paragraphs.map((value) => ({
      type: 'paragraph',
      children: [{ type: 'text', value }],
    })),
  };
  return `---\n${front.toString()}---\n\n${processor.stringify(tree)}`;
}

export function pageJson(data: PageData): string {
  return JSON.stringify(data, null, 2) + '\n';
}
