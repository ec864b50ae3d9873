/**
 * What the search index learns from an article page: the attributes to spread on the element
 * that holds an article, so Pagefind indexes the article alone, with its metadata and filters.
 */
import type { ItemData } from '../archive/schema.ts';

export function articleIndexAttributes(item: ItemData): Record<string, string> {
  const attributes: Record<string, string> = { 'data-pagefind-body': '' };
  if (item.date !== null) {
    attributes['data-pagefind-sort'] = `date:${item.date}`;
  }
  return attributes;
}
