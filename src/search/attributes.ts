/**
 * What the search index learns from an article page: the attributes to spread on the element
 * that holds an article, so that the article alone is indexed, with its metadata, filters and
 * sort key. They use Pagefind's own syntax (`key[attribute]` captures the value of another
 * attribute of the same element), so the page reads the same to Pagefind and to Folio's indexer
 * (`src/search/extract.ts`).
 *
 * One Folio convention on top: a value that holds several entries (the reporters) joins them with
 * `、` (`VALUE_SEPARATOR`), and every filter value is split on it.
 */
import type { ItemData } from '../archive/schema.ts';

export const VALUE_SEPARATOR = '、';

/** Filter names, as the search page shows and the URL carries them. */
export const FILTERS = {
  year: 'year',
  decade: 'decade',
  pageName: 'page',
  reporter: 'reporter',
  kind: 'kind',
} as const;

/**
 * The one sort key, `date`: the date, then page and position, so that oldest-first lists a day's
 * items in page order (newest-first reverses them). One key, because Pagefind ships every sort
 * order to the browser in its metadata: a second key would cost as much again.
 */
export const SORT_KEY = 'date';

/**
 * The filter that names a record's shard (`2024`, `2024-2`, `undated`). It is not in the index:
 * the browser gives each shard it merges this filter as Pagefind's synthetic `mergeFilter` (no
 * filter file to fetch), and searches shard by shard with it, since Pagefind's sort ranks
 * results within one bundle only and a merged instance searches every bundle it holds.
 */
export const SHARD_FILTER = 'shard';

/** The engine bundle's directory under `pagefind/` (engine-bundle.ts): the browser's Pagefind. */
export const ENGINE_BUNDLE = 'engine';

function sortKey(date: string, page: number, order: number): string {
  return `${date}/${String(page).padStart(3, '0')}/${String(order).padStart(3, '0')}`;
}

/** The decade of a `YYYY-MM-DD` date, as a filter value: `2020`. */
export function decadeOf(date: string): string {
  return `${date.slice(0, 3)}0`;
}

export function articleIndexAttributes(item: ItemData): Record<string, string> {
  const data: Record<string, string> = {
    'data-title': item.title,
    'data-page': String(item.page),
    'data-kind': item.kind,
  };
  const meta = ['title[data-title]', 'page[data-page]', 'kind[data-kind]'];
  const filters = [`${FILTERS.kind}[data-kind]`];
  const optional: [string, string | null][] = [
    ['kicker', item.kicker],
    ['subtitle', item.subtitle],
    ['byline', item.byline],
    ['page-name', item.pageName],
    ['authors', item.authors.length > 0 ? item.authors.join(VALUE_SEPARATOR) : null],
    ['date', item.date],
  ];
  for (const [name, value] of optional) {
    if (value === null) continue;
    data[`data-${name}`] = value;
    meta.push(`${name.replace('-', '_')}[data-${name}]`);
  }
  if (item.pageName !== null) filters.push(`${FILTERS.pageName}[data-page-name]`);
  if (item.authors.length > 0) filters.push(`${FILTERS.reporter}[data-authors]`);
  const attributes: Record<string, string> = { 'data-pagefind-body': '', ...data };
  if (item.date !== null) {
    data['data-year'] = item.date.slice(0, 4);
    data['data-decade'] = decadeOf(item.date);
    Object.assign(attributes, {
      'data-year': data['data-year'],
      'data-decade': data['data-decade'],
      'data-sort': sortKey(item.date, item.page, item.order),
      'data-pagefind-sort': `${SORT_KEY}[data-sort]`,
    });
    filters.push(`${FILTERS.year}[data-year]`, `${FILTERS.decade}[data-decade]`);
  }
  attributes['data-pagefind-meta'] = meta.join(', ');
  attributes['data-pagefind-filter'] = filters.join(', ');
  return attributes;
}
