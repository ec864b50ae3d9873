/**
 * Folio's search in the browser, on Pagefind's JS API:
 * 1. the query is cut into terms (spaces and punctuation separate them; all must match) and each
 *    term into the index words that any text holding it must contain (tokens.ts);
 * 2. Pagefind returns the pages that hold all those words, ranked (or sorted by date);
 * 3. each candidate's text is loaded lazily, in rank order, and kept only if it really contains
 *    every term (and lies in the date range) — so what is shown is exact, and only as many
 *    fragments are fetched as it takes to fill a page of results.
 *
 * The index is in shards (a year, or part of one; `pagefind/shards.json`). The newest shard's
 * bundle is loaded first and the others are added with Pagefind's `mergeIndex`, each when a
 * search first needs it: a search filtered to some years (a year filter or a date range) merges
 * only those years' shards; any other merges them all. Relevance order is Pagefind's merged
 * order; date order is per shard (Pagefind's sort ranks within one bundle), so the shards are
 * searched one by one, each with the `shard` filter, and their lists joined in date order.
 */
import { normalizeText, queryTerms } from '../normalize.ts';
import { decodeText, indexTermsFor } from '../tokens.ts';
import { excerpt, type Segment } from './excerpt.ts';
import {
  bundleOptions,
  bundlePath,
  loadPagefind,
  loadShards,
  type Pagefind,
  type PagefindOptions,
  type PagefindResult,
  type Shard,
} from './pagefind.ts';
import type { SearchRequest } from './request.ts';
import { SHARD_FILTER, SORT_KEY } from '../attributes.ts';

export interface Hit {
  url: string;
  title: string;
  kicker: string | null;
  subtitle: string | null;
  date: string | null;
  page: number;
  pageName: string | null;
  authors: string[];
  kind: string;
  excerpt: Segment[];
}

export interface SearchRun {
  /** Normalised query terms (what the excerpt and the article page highlight). */
  terms: string[];
  /** Pages Pagefind returned before verification. */
  candidates: number;
  /** Verified hits so far. */
  hits: Hit[];
  /** True once every candidate was checked. */
  done: boolean;
  /** Checks candidates until `count` more hits are found or none are left; returns the new hits. */
  more(count: number): Promise<Hit[]>;
}

export interface SearchEngine {
  search(request: SearchRequest): Promise<SearchRun>;
}

function yearsBetween(from: string | null, to: string | null, known: readonly string[]): string[] {
  const low = from?.slice(0, 4) ?? '0000';
  const high = to?.slice(0, 4) ?? '9999';
  return known.filter((year) => year >= low && year <= high);
}

/**
 * The article's body: its text less the heading lines (kicker, title, subtitle, byline) the
 * result shows apart.
 */
function bodyOf(text: string, meta: Record<string, string | undefined>): string {
  const headings = new Set(
    ['kicker', 'title', 'subtitle', 'byline'].flatMap((key) => {
      const value = meta[key];
      return value === undefined ? [] : [normalizeText(value).replace(/\s+/gu, ' ').trim()];
    }),
  );
  const lines = text.split('\n');
  let start = 0;
  while (start < lines.length - 1 && headings.has((lines[start] ?? '').trim())) start++;
  return lines.slice(start).join('\n');
}

function hitOf(
  url: string,
  meta: Record<string, string | undefined>,
  text: string,
  terms: string[],
): Hit {
  return {
    url,
    title: meta['title'] ?? '',
    kicker: meta['kicker'] ?? null,
    subtitle: meta['subtitle'] ?? null,
    date: meta['date'] ?? null,
    page: Number(meta['page'] ?? 0),
    pageName: meta['page_name'] ?? null,
    authors: meta['authors']?.split('、').filter((a) => a !== '') ?? [],
    kind: meta['kind'] ?? 'article',
    excerpt: excerpt(bodyOf(text, meta), terms),
  };
}

/**
 * The search of the site under `base`; `years` are the archive's years (a date range becomes a
 * filter on the years it touches, and each hit's date is then checked).
 */
export function createSearchEngine(base: string, years: readonly string[]): SearchEngine {
  interface Loaded {
    shards: Shard[];
    pagefind: Pagefind | null;
  }
  let loading: Promise<Loaded> | undefined;
  const load = (): Promise<Loaded> =>
    (loading ??= loadShards(base).then(async (shards) => {
      const newest = shards[0];
      return {
        shards,
        pagefind: newest === undefined ? null : await loadPagefind(base, newest.key),
      };
    }));
  const merged = new Map<string, Promise<void>>();
  /** Merges the bundles of `shards` not yet merged (the first shard is the engine itself). */
  const mergeShards = async (loaded: Loaded, shards: Shard[]): Promise<void> => {
    const pf = loaded.pagefind;
    if (pf === null) return;
    await Promise.all(
      shards
        .filter((shard) => shard !== loaded.shards[0])
        .map((shard) => {
          let merging = merged.get(shard.key);
          if (merging === undefined) {
            merging = pf.mergeIndex(bundlePath(base, shard.key), bundleOptions(base));
            merged.set(shard.key, merging);
          }
          return merging;
        }),
    );
  };

  return {
    async search(request) {
      const loaded = await load();
      const pf = loaded.pagefind;
      const terms = queryTerms(request.query);
      const words = terms.flatMap(indexTermsFor);
      const options: PagefindOptions = { filters: { ...request.filters } };
      if (request.sort === 'newest') options.sort = { [SORT_KEY]: 'desc' };
      if (request.sort === 'oldest') options.sort = { [SORT_KEY]: 'asc' };
      if (request.from !== null || request.to !== null) {
        const chosen = request.filters.year;
        const inRange = yearsBetween(request.from, request.to, years).filter(
          (y) => chosen === undefined || y === chosen,
        );
        if (inRange.length === 0) {
          return { terms, candidates: 0, hits: [], done: true, more: () => Promise.resolve([]) };
        }
        options.filters = { ...options.filters, year: { any: inRange } };
      }
      const hasFilters = Object.keys(options.filters ?? {}).length > 0;
      if (words.length === 0 && !hasFilters) {
        return { terms, candidates: 0, hits: [], done: true, more: () => Promise.resolve([]) };
      }
      if (words.length === 0 && options.sort === undefined) {
        options.sort = { [SORT_KEY]: 'desc' };
      }
      if (pf === null) {
        return { terms, candidates: 0, hits: [], done: true, more: () => Promise.resolve([]) };
      }
      // The shards a search needs: those of the years it is filtered to, else all of them.
      const yearFilter = options.filters?.['year'];
      const wanted =
        yearFilter === undefined
          ? null
          : typeof yearFilter === 'string'
            ? [yearFilter]
            : Array.isArray(yearFilter)
              ? yearFilter
              : yearFilter.any;
      const shards = loaded.shards.filter(
        (shard) => wanted === null || (shard.year !== null && wanted.includes(shard.year)),
      );
      await mergeShards(loaded, shards);
      const query = words.length > 0 ? words.join(' ') : null;
      let results: PagefindResult[];
      if (options.sort === undefined) {
        results = (await pf.search(query, options))?.results ?? [];
      } else {
        // Shards are newest first; each is one stretch of dates, sorted within by Pagefind.
        // Undated articles have no sort key: date order leaves them out, as Pagefind does.
        const dated = shards.filter((shard) => shard.year !== null);
        const ordered = request.sort === 'oldest' ? [...dated].reverse() : dated;
        const lists = await Promise.all(
          ordered.map((shard) =>
            pf.search(query, {
              ...options,
              filters: { ...options.filters, [SHARD_FILTER]: shard.key },
            }),
          ),
        );
        results = lists.flatMap((list) => list?.results ?? []);
      }
      let next = 0;
      const inRange = (date: string | null): boolean =>
        (request.from === null || (date !== null && date >= request.from)) &&
        (request.to === null || (date !== null && date <= request.to));

      const run: SearchRun = {
        terms,
        candidates: results.length,
        hits: [],
        done: results.length === 0,
        async more(count) {
          const added: Hit[] = [];
          while (added.length < count && next < results.length) {
            const batch = results.slice(next, next + (count - added.length));
            next += batch.length;
            const fragments = await Promise.all(batch.map((r) => r.data()));
            for (const fragment of fragments) {
              const text = decodeText(fragment.content);
              if (!terms.every((term) => text.includes(term))) continue;
              const hit = hitOf(fragment.url, fragment.meta, text, terms);
              if (!inRange(hit.date)) continue;
              added.push(hit);
            }
          }
          run.hits.push(...added);
          run.done = next >= results.length;
          return added;
        },
      };
      return run;
    },
  };
}
