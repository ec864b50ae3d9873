/**
 * Folio's search in the browser, on Pagefind's JS API:
 * 1. the query is cut into terms (spaces and punctuation separate them; all must match) and each
 *    term into the index words that any text holding it must contain (tokens.ts);
 * 2. Pagefind returns the pages that hold all those words, ranked (or sorted by date);
 * 3. each candidate's text is loaded lazily, in rank order, and kept only if it really contains
 *    every term (and lies in the date range) — so what is shown is exact, and only as many
 *    fragments are fetched as it takes to fill a page of results.
 *
 * The index is in shards (a year, or part of one; `pagefind/shards.json`). The engine (Pagefind's
 * JS and WASM) comes from the engine bundle (`pagefind/engine/`, src/search/engine-bundle.ts),
 * and the shards are merged into its instance with Pagefind's `mergeIndex` as a search reaches
 * them (shard-plan.ts): a search starts at the newest shard (the oldest for oldest-first; only
 * the shards of the years a year filter or date range names) and adds the next shards while its
 * first page is not full, a step at a time within a budget; the reader pages on or asks for
 * earlier articles to go further. Each shard is searched with its `shard` filter (given as it is
 * merged): date order joins the shards' lists in shard order (Pagefind's sort ranks within one
 * bundle; shards are disjoint stretches of dates), relevance merges them by score, so it is
 * relevance within the shards searched. A Pagefind instance searches every bundle merged into
 * it, so a new search gets a fresh instance unless the last one holds no shard but its first
 * (the files come from the browser's cache).
 */
import { normalizeText, prepareFolding, queryTerms } from '../normalize.ts';
import { decodeText, indexTermsFor } from '../tokens.ts';
import { excerpt, type Segment } from './excerpt.ts';
import {
  createPagefind,
  loadPagefindModule,
  mergeShard,
  loadShards,
  type PagefindInstance,
  type PagefindModule,
  type PagefindOptions,
  type PagefindResult,
  type Shard,
} from './pagefind.ts';
import type { SearchRequest } from './request.ts';
import { mayTake, reachOf, searchOrder, shardsWithin, spanOf, type Span } from './shard-plan.ts';
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
  /** Pages Pagefind returned before verification, in the shards searched so far. */
  candidates: number;
  /** Verified hits so far. */
  hits: Hit[];
  /** True once every candidate of every shard the search goes through was checked. */
  done: boolean;
  /** The dates of the shards searched so far. */
  span: Span;
  /** Shards searched so far, and of how many the search goes through. */
  searched: number;
  shards: number;
  /** True when every candidate of the shards searched so far was checked (more means further). */
  spanDone: boolean;
  /** How far the search has reached, for the URL (shard-plan.ts `reachOf`). */
  reach: string | null;
  /**
   * Checks candidates until `count` more hits are found, adding the next shards when the ones
   * searched have none left — one step's worth (`StepBudget`) per call; returns the new hits.
   */
  more(count: number): Promise<Hit[]>;
}

export interface SearchEngine {
  /** The bytes one step of a search may fetch for the shards it adds (`STEP_BYTES`). */
  stepBytes: number;
  /** The budget of the first step of the search that loads the engine (`FIRST_STEP_BYTES`). */
  firstStepBytes: number;
  search(request: SearchRequest): Promise<SearchRun>;
}

function yearsBetween(from: string | null, to: string | null, known: readonly string[]): string[] {
  const low = from?.slice(0, 4) ?? '0000';
  const high = to?.slice(0, 4) ?? '9999';
  return known.filter((year) => year >= low && year <= high);
}

/** The heading lines of an article (kicker, title, subtitle, byline) its metadata holds. */
function headingsOf(meta: Record<string, string | undefined>): string[] {
  return ['kicker', 'title', 'subtitle', 'byline'].flatMap((key) => meta[key] ?? []);
}

/**
 * The article's body: its text less the heading lines (kicker, title, subtitle, byline) the
 * result shows apart.
 */
function bodyOf(text: string, meta: Record<string, string | undefined>): string {
  const headings = new Set(
    headingsOf(meta).map((value) => normalizeText(value).replace(/\s+/gu, ' ').trim()),
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
 * The bytes one step of a search may fetch for the shards it adds (shard-plan.ts `shardCost`):
 * with the engine loaded, a query stays within ~150 kB with its fragments.
 */
export const STEP_BYTES = 120_000;

/**
 * The budget of the first step of the search that loads the engine (the first of a visit):
 * that search also fetches Pagefind's engine (~69 kB), the search page's own files (~17 kB)
 * and a page of fragments (~17 kB), so ~45 kB of shards keep it within ~150 kB. It takes the
 * first shard whatever that costs, and a second only when both are small; when they cannot fill
 * the page, the reader's next step (更多结果 / 搜索更早的文章) has the full budget.
 */
export const FIRST_STEP_BYTES = 45_000;

const NOTHING: Span = { from: null, to: null, undated: false };

function emptyRun(terms: string[]): SearchRun {
  return {
    terms,
    candidates: 0,
    hits: [],
    done: true,
    span: NOTHING,
    searched: 0,
    shards: 0,
    spanDone: true,
    reach: null,
    more: () => Promise.resolve([]),
  };
}

/** One Pagefind instance and the bundles merged into it so far. */
interface Session {
  pagefind: PagefindInstance;
  merged: Map<string, Promise<void>>;
}

/**
 * The search of the site under `base`; `years` are the archive's years (a date range becomes a
 * filter on the years it touches, and each hit's date is then checked).
 */
export function createSearchEngine(
  base: string,
  years: readonly string[],
  stepBytes: number = STEP_BYTES,
  firstStepBytes: number = FIRST_STEP_BYTES,
): SearchEngine {
  interface Loaded {
    shards: Shard[];
    module: PagefindModule | null;
  }
  let loading: Promise<Loaded> | undefined;
  const load = (): Promise<Loaded> =>
    (loading ??= loadShards(base).then(async (shards) => ({
      shards,
      module: shards.length === 0 ? null : await loadPagefindModule(base),
    })));
  let current: Session | null = null;
  /**
   * The instance for a new search that starts at shard `first`: the last one, unless it holds
   * a shard other than `first` (an instance searches every bundle merged into it, and loads
   * their index chunks for every query).
   */
  const session = async (module: PagefindModule, first: Shard): Promise<Session> => {
    const fits =
      current !== null &&
      (current.merged.size === 0 || (current.merged.size === 1 && current.merged.has(first.key)));
    if (current === null || !fits) {
      current = { pagefind: await createPagefind(module, base), merged: new Map() };
    }
    return current;
  };
  /** Adds a shard's bundle to the session. */
  const merge = (s: Session, shard: Shard): Promise<void> => {
    let merging = s.merged.get(shard.key);
    if (merging === undefined) {
      merging = mergeShard(s.pagefind, base, shard.key);
      s.merged.set(shard.key, merging);
    }
    return merging;
  };

  const engine: SearchEngine = {
    stepBytes,
    firstStepBytes,
    async search(request) {
      // The search that loads the engine spends less on shards in its first step.
      let firstStep = loading === undefined;
      const [loaded] = await Promise.all([load(), prepareFolding(request.query)]);
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
        if (inRange.length === 0) return emptyRun(terms);
        options.filters = { ...options.filters, year: { any: inRange } };
      }
      const hasFilters = Object.keys(options.filters ?? {}).length > 0;
      if (words.length === 0 && !hasFilters) return emptyRun(terms);
      if (words.length === 0 && options.sort === undefined) {
        options.sort = { [SORT_KEY]: 'desc' };
      }
      if (loaded.module === null) return emptyRun(terms);
      // The shards this search goes through: those of the years it is filtered to and of its
      // date range, else all. A shard holds one year, so Pagefind need not filter by year (and
      // fetch the year filter's file for it): the shard filter says as much.
      const { year: yearFilter, ...pagefindFilters } = options.filters ?? {};
      options.filters = pagefindFilters;
      const wanted =
        yearFilter === undefined
          ? null
          : typeof yearFilter === 'string'
            ? [yearFilter]
            : Array.isArray(yearFilter)
              ? yearFilter
              : yearFilter.any;
      // Filter-only searches list by date (newest first unless told otherwise).
      const sort =
        options.sort === undefined ? 'relevance' : request.sort === 'oldest' ? 'oldest' : 'newest';
      const order = searchOrder(loaded.shards, sort, wanted, request);
      const [first] = order;
      if (first === undefined) return emptyRun(terms);
      const s = await session(loaded.module, first);
      const query = words.length > 0 ? words.join(' ') : null;
      const inRange = (date: string | null): boolean =>
        (request.from === null || (date !== null && date >= request.from)) &&
        (request.to === null || (date !== null && date <= request.to));

      let searched = 0;
      let pending: PagefindResult[] = [];
      // The shards the URL says this search had reached are searched at once.
      let minimum = shardsWithin(order, request.reach ?? null, sort);

      /** Searches the next shard of the order and adds its candidates to the pending ones. */
      const searchNext = async (): Promise<void> => {
        const shard = order[searched];
        if (shard === undefined) return;
        await merge(s, shard);
        const found = await s.pagefind.search(query, {
          ...options,
          filters: { ...options.filters, [SHARD_FILTER]: shard.key },
        });
        const results = found?.results ?? [];
        searched++;
        run.candidates += results.length;
        // Date order: the shards are in date order. Relevance: by score across the shards,
        // as Pagefind orders a merged search (hits already shown keep their place).
        pending =
          sort === 'relevance'
            ? [...pending, ...results].sort((a, b) => b.score - a.score)
            : [...pending, ...results];
      };

      const update = (): void => {
        const done = order.slice(0, searched);
        run.span = spanOf(done);
        run.searched = searched;
        run.spanDone = pending.length === 0;
        run.done = pending.length === 0 && searched >= order.length;
        run.reach = reachOf(order, searched, sort);
      };

      const run: SearchRun = {
        terms,
        candidates: 0,
        hits: [],
        done: false,
        span: NOTHING,
        searched: 0,
        shards: order.length,
        spanDone: false,
        reach: null,
        async more(count) {
          const added: Hit[] = [];
          const stepStart = searched;
          const budget = firstStep
            ? Math.min(engine.stepBytes, engine.firstStepBytes)
            : engine.stepBytes;
          firstStep = false;
          while (added.length < count) {
            // Enough candidates to fill the page, or as many shards as this step may add.
            while (
              pending.length < count - added.length &&
              (searched < minimum || mayTake(order, stepStart, searched, words.length, budget))
            ) {
              await searchNext();
            }
            if (pending.length === 0) break;
            const batch = pending.slice(0, count - added.length);
            pending = pending.slice(batch.length);
            const fragments = await Promise.all(batch.map((r) => r.data()));
            await prepareFolding(...fragments.flatMap((fragment) => headingsOf(fragment.meta)));
            for (const fragment of fragments) {
              const text = decodeText(fragment.content);
              if (!terms.every((term) => text.includes(term))) continue;
              const hit = hitOf(fragment.url, fragment.meta, text, terms);
              if (!inRange(hit.date)) continue;
              added.push(hit);
            }
          }
          minimum = 0;
          run.hits.push(...added);
          update();
          return added;
        },
      };
      return run;
    },
  };
  return engine;
}
