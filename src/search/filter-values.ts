/**
 * The values each search filter can take, worked out at build time from the items themselves —
 * the same values `articleIndexAttributes` gives the index — so the search page lists them without
 * asking Pagefind (whose filter lists cost a download that grows with the archive).
 */
import type { ItemData } from '../archive/schema.ts';
import { FILTERS, decadeOf } from './attributes.ts';
import type { FilterName } from './client/request.ts';

export function filterValues(
  items: Iterable<ItemData>,
  locale: string,
): Record<FilterName, string[]> {
  const sets = {
    [FILTERS.year]: new Set<string>(),
    [FILTERS.decade]: new Set<string>(),
    [FILTERS.pageName]: new Set<string>(),
    [FILTERS.reporter]: new Set<string>(),
    [FILTERS.kind]: new Set<string>(),
  };
  for (const item of items) {
    if (item.date !== null) {
      sets.year.add(item.date.slice(0, 4));
      sets.decade.add(decadeOf(item.date));
    }
    if (item.pageName !== null) sets.page.add(item.pageName);
    for (const author of item.authors) sets.reporter.add(author);
    sets.kind.add(item.kind);
  }
  const collator = new Intl.Collator(locale);
  const newestFirst = (set: Set<string>): string[] => [...set].sort().reverse();
  const collated = (set: Set<string>): string[] => [...set].sort(collator.compare);
  return {
    year: newestFirst(sets.year),
    decade: newestFirst(sets.decade),
    page: collated(sets.page),
    reporter: collated(sets.reporter),
    kind: [...sets.kind].sort(),
  };
}
