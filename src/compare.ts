/**
 * Orders strings by their UTF-16 code units, as `Array.prototype.sort` does without a
 * comparator: the same order on every machine and in every locale, unlike `localeCompare`.
 * Paths, ids and dates of the archive are sorted this way wherever their order is written down
 * (indexes, shard lists, cache keys, the search index's order of pages).
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
