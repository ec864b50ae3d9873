/**
 * A citation of one item in the form Chinese libraries use for newspaper articles
 * (GB/T 7714-2015, [N]): `作者. 题名[N]. 报纸名, 出版日期(版次).`
 */
import type { ItemData } from './schema.ts';
import { pad } from './urls.ts';

export function citation(item: ItemData): string {
  const authors = item.authors.length > 0 ? `${item.authors.join(', ')}. ` : '';
  const date = item.date ?? 'n.d.';
  return `${authors}${item.title}[N]. ${item.paper}, ${date}(${pad(item.page)}).`;
}
