/**
 * Which shards a search goes through, in which order, and how many it adds at a time.
 *
 * A search starts at one end of the archive — the newest shard, or the oldest for oldest-first —
 * and adds the next shards only while its first page of results is not full, a step at a time:
 * each shard added costs its page list and the index chunks of the query's words, so a step
 * stops at a budget of bytes, and the reader asks for earlier articles (or pages on) to go further.
 */
import type { Shard } from './pagefind.ts';
import type { Sort } from './request.ts';

/** Whether a shard holds dates of the inclusive range (any shard, when there is no range). */
function overlaps(shard: Shard, range: { from: string | null; to: string | null }): boolean {
  if (range.from === null && range.to === null) return true;
  if (shard.from === null || shard.to === null) return false;
  return (
    (range.from === null || shard.to >= range.from) && (range.to === null || shard.from <= range.to)
  );
}

/**
 * What a shard costs a search on the wire, as measured on Folio's bundles (bench/README.md):
 * its page list (`pf_meta`, ~11.1 bytes an article, loaded once) and, for each index word of
 * the query, one index chunk (index-chunks.ts) — 6–9 kB on average, up to ~20 kB where a
 * frequent word fills it — or the shard's whole index when that is smaller (~1.2 kB an article:
 * the words of a small shard share its few chunks).
 */
export const SHARD_COST = { metaPerArticle: 11.1, chunk: 10_000, indexPerArticle: 1_200 };

/** The bytes a search of `words` index words is expected to fetch to search `shard`. */
export function shardCost(shard: Shard, words: number): number {
  const chunks = Math.min(words * SHARD_COST.chunk, shard.articles * SHARD_COST.indexPerArticle);
  return Math.round(shard.articles * SHARD_COST.metaPerArticle + chunks);
}

/**
 * The shards a search goes through, in order. `shards` is the manifest's list (newest first,
 * undated last); `years` restricts it to the shards of those years (null: every shard), and a
 * date range to the shards whose dates meet it. Relevance goes newest first and ends with undated articles; date order leaves undated articles
 * out (they have no date) and goes newest or oldest first.
 */
export function searchOrder(
  shards: readonly Shard[],
  sort: Sort,
  years: readonly string[] | null,
  range: { from: string | null; to: string | null } = { from: null, to: null },
): Shard[] {
  const wanted = shards.filter(
    (shard) =>
      (years === null || (shard.year !== null && years.includes(shard.year))) &&
      overlaps(shard, range),
  );
  if (sort === 'relevance') return wanted;
  const dated = wanted.filter((shard) => shard.year !== null);
  return sort === 'oldest' ? dated.reverse() : dated;
}

/**
 * Whether a step that has taken `order[start..next)` may also take `order[next]`, for a query of
 * `words` index words: a step always takes one shard, and more while their expected cost stays
 * within `budget` bytes.
 */
export function mayTake(
  order: readonly Shard[],
  start: number,
  next: number,
  words: number,
  budget: number,
): boolean {
  if (order[next] === undefined) return false;
  if (next === start) return true;
  const taken = order.slice(start, next + 1);
  return taken.reduce((sum, shard) => sum + shardCost(shard, words), 0) <= budget;
}

/** The dates the searched shards cover: first and last date, and whether undated ones are in. */
export interface Span {
  from: string | null;
  to: string | null;
  undated: boolean;
}

export function spanOf(searched: readonly Shard[]): Span {
  const dates = searched.flatMap((shard) => [shard.from, shard.to]).filter((d) => d !== null);
  dates.sort();
  return {
    from: dates[0] ?? null,
    to: dates.at(-1) ?? null,
    undated: searched.some((shard) => shard.year === null),
  };
}

/**
 * How far a search has reached, as the URL keeps it: the date at the far end of the last shard
 * searched (its first date going newest first, its last going oldest first), or `undated` once
 * the undated shard is searched. Null while only the first shard is searched.
 */
export function reachOf(order: readonly Shard[], searched: number, sort: Sort): string | null {
  if (searched <= 1) return null;
  const last = order[searched - 1];
  if (last === undefined) return null;
  if (last.year === null) return 'undated';
  return sort === 'oldest' ? last.to : last.from;
}

/** How many shards of `order` a search that had reached `reach` goes through at once. */
export function shardsWithin(order: readonly Shard[], reach: string | null, sort: Sort): number {
  if (reach === null) return Math.min(1, order.length);
  if (reach === 'undated') return order.length;
  let count = 0;
  for (const shard of order) {
    if (shard.year === null) break;
    // The shard's own far end: its first date newest first, its last oldest first (a day may
    // straddle two parts, so the near end could equal the reach of the next shard).
    const end = sort === 'oldest' ? shard.to : shard.from;
    if (end === null || (sort === 'oldest' ? end > reach : end < reach)) break;
    count++;
  }
  return Math.max(count, Math.min(1, order.length));
}
