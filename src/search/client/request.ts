/**
 * A search as the URL carries it (`/search/?q=…&year=2021&sort=newest`), so a search can be
 * shared and Back returns to the previous one.
 */
import { FILTERS } from '../attributes.ts';

export const SORTS = ['relevance', 'newest', 'oldest'] as const;
export type Sort = (typeof SORTS)[number];
export type FilterName = (typeof FILTERS)[keyof typeof FILTERS];
export const FILTER_NAMES = Object.values(FILTERS);

export interface SearchRequest {
  query: string;
  /** One chosen value per filter. */
  filters: Partial<Record<FilterName, string>>;
  sort: Sort;
  /** Inclusive date range, `YYYY-MM-DD`. */
  from: string | null;
  to: string | null;
  /**
   * How far into the archive the reader has taken the search (`search earlier articles`): the date
   * the shards searched reach back to (forward to, oldest first), or `undated`. Absent: a search
   * starts at the first shard.
   */
  reach?: string | null;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function requestFromParams(params: URLSearchParams): SearchRequest {
  const filters: SearchRequest['filters'] = {};
  for (const name of FILTER_NAMES) {
    const value = params.get(name);
    if (value !== null && value !== '') filters[name] = value;
  }
  const sort = params.get('sort');
  const date = (name: string): string | null => {
    const value = params.get(name);
    return value !== null && DATE.test(value) ? value : null;
  };
  return {
    query: params.get('q') ?? '',
    filters,
    sort: SORTS.find((s) => s === sort) ?? 'relevance',
    from: date('from'),
    to: date('to'),
    reach: params.get('reach') === 'undated' ? 'undated' : date('reach'),
  };
}

export function paramsFromRequest(request: SearchRequest): URLSearchParams {
  const params = new URLSearchParams();
  if (request.query !== '') params.set('q', request.query);
  for (const name of FILTER_NAMES) {
    const value = request.filters[name];
    if (value !== undefined) params.set(name, value);
  }
  if (request.sort !== 'relevance') params.set('sort', request.sort);
  if (request.from !== null) params.set('from', request.from);
  if (request.to !== null) params.set('to', request.to);
  if (request.reach !== undefined && request.reach !== null) params.set('reach', request.reach);
  return params;
}

/** True when the request asks for anything at all. */
export function isEmpty(request: SearchRequest): boolean {
  return (
    request.query.trim() === '' &&
    Object.keys(request.filters).length === 0 &&
    request.from === null &&
    request.to === null
  );
}
