/**
 * An item's body as Markdown: one paragraph node per paragraph, written by remark-stringify, so
 * text that looks like Markdown or HTML (`#`, `*`, `1.`, `<script>`) is escaped and reads back
 * as the literal text it was.
 */
import type { Paragraph, Root } from 'mdast';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';

const processor = unified().use(remarkStringify);

/** Blank paragraphs are left out (they hold no character); the result ends in one `\n`. */
export function bodyMarkdown(paragraphs: readonly string[]): string {
  const children: Paragraph[] = paragraphs
    .filter((p) => p.trim() !== '')
    .map((value) => ({ type: 'paragraph', children: [{ type: 'text', value }] }));
  if (children.length === 0) return '';
  const root: Root = { type: 'root', children };
  return processor.stringify(root);
}
