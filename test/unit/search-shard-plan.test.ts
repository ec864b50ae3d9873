import { expect, test } from 'vitest';
import {
  mayTake,
  reachOf,
  searchOrder,
  shardCost,
  shardsWithin,
  spanOf,
} from '../../src/search/client/shard-plan.ts';
import type { Shard } from '../../src/search/client/pagefind.ts';

function shard(key: string, articles: number, from: string | null, to: string | null): Shard {
  return { key, year: from?.slice(0, 4) ?? null, articles, from, to };
}

// As `pagefind/shards.json` lists them: newest first, a year's later part first, undated last.
// 2024's two parts share a day (a part ends where its article count does).
const Y2025 = shard('2025', 900, '2025-01-02', '2025-02-08');
const Y2024 = shard('2024', 5_000, '2024-01-02', '2024-07-01');
const UNDATED = shard('undated', 10, null, null);
const SHARDS = [
  Y2025,
  shard('2024-2', 4_000, '2024-07-01', '2024-12-31'),
  Y2024,
  shard('2023', 3_000, '2023-03-01', '2023-12-30'),
  UNDATED,
];
const keys = (shards: readonly Shard[]): string[] => shards.map((s) => s.key);

test('should go newest first in relevance order, undated last', () => {
  expect(keys(searchOrder(SHARDS, 'relevance', null))).toEqual([
    '2025',
    '2024-2',
    '2024',
    '2023',
    'undated',
  ]);
});

test('should leave undated shards out of date order, and go oldest first when asked', () => {
  expect(keys(searchOrder(SHARDS, 'newest', null))).toEqual(['2025', '2024-2', '2024', '2023']);
  expect(keys(searchOrder(SHARDS, 'oldest', null))).toEqual(['2023', '2024', '2024-2', '2025']);
});

test('should go through the shards of the years filtered to only', () => {
  expect(keys(searchOrder(SHARDS, 'relevance', ['2024']))).toEqual(['2024-2', '2024']);
  expect(keys(searchOrder(SHARDS, 'oldest', ['2023', '2025']))).toEqual(['2023', '2025']);
  expect(keys(searchOrder(SHARDS, 'newest', ['2019']))).toEqual([]);
});

test('should go through the shards whose dates meet a date range only', () => {
  const range = (from: string | null, to: string | null): string[] =>
    keys(searchOrder(SHARDS, 'relevance', null, { from, to }));
  expect(range('2024-02-01', '2024-03-01')).toEqual(['2024']);
  // 2024-07-01 ends the first part of 2024 and begins the second.
  expect(range('2024-07-01', '2024-07-01')).toEqual(['2024-2', '2024']);
  expect(range('2024-12-31', null)).toEqual(['2025', '2024-2']);
  expect(range(null, '2023-12-31')).toEqual(['2023']);
  expect(range('2025-03-01', null)).toEqual([]);
});

test('should cost a shard its page list and a chunk per word, or its whole index when smaller', () => {
  // 900 × 11.1 + 2 × 10,000; 10 × 11.1 + its whole index 10 × 1,200 (less than two chunks);
  // no words: the page list alone.
  expect(shardCost(Y2025, 2)).toBe(29_990);
  expect(shardCost(UNDATED, 2)).toBe(12_111);
  expect(shardCost(UNDATED, 1)).toBe(10_111);
  expect(shardCost(Y2024, 0)).toBe(55_500);
});

test('should take one shard a step, and more while the step stays within its budget', () => {
  const order = searchOrder(SHARDS, 'relevance', null);
  // Always the first shard of a step, whatever the budget.
  expect(mayTake(order, 0, 0, 2, 0)).toBe(true);
  expect(mayTake(order, 3, 3, 2, 0)).toBe(true);
  // 2025 + 2024-2 with two words: 29,990 + 64,400 = 94,390 bytes.
  expect(mayTake(order, 0, 1, 2, 94_390)).toBe(true);
  expect(mayTake(order, 0, 1, 2, 94_389)).toBe(false);
  // A filter alone costs page lists: 2025 + 2024-2 + 2024 = 9,990 + 44,400 + 55,500 bytes.
  expect(mayTake(order, 0, 2, 0, 109_890)).toBe(true);
  expect(mayTake(order, 0, 2, 0, 109_889)).toBe(false);
  // Past the last shard there is nothing to take.
  expect(mayTake(order, 5, 5, 2, 1_000_000)).toBe(false);
});

test('should span the first to the last date of the shards searched, and say when undated ones are in', () => {
  expect(spanOf([])).toEqual({ from: null, to: null, undated: false });
  expect(spanOf(SHARDS.slice(0, 2))).toEqual({
    from: '2024-07-01',
    to: '2025-02-08',
    undated: false,
  });
  expect(spanOf(SHARDS)).toEqual({ from: '2023-03-01', to: '2025-02-08', undated: true });
});

test('should keep how far a search reached as the far date of its last shard', () => {
  const newest = searchOrder(SHARDS, 'relevance', null);
  const oldest = searchOrder(SHARDS, 'oldest', null);
  expect(reachOf(newest, 0, 'relevance')).toBe(null);
  expect(reachOf(newest, 1, 'relevance')).toBe(null);
  expect(reachOf(newest, 3, 'relevance')).toBe('2024-01-02');
  expect(reachOf(newest, 5, 'relevance')).toBe('undated');
  expect(reachOf(oldest, 2, 'oldest')).toBe('2024-07-01');
});

test('should search at once the shards a reach from the URL covers', () => {
  const newest = searchOrder(SHARDS, 'relevance', null);
  const oldest = searchOrder(SHARDS, 'oldest', null);
  expect(shardsWithin(newest, null, 'relevance')).toBe(1);
  // 2024's first part begins on 2024-01-02; its second part ends on 2024-07-01, the day the
  // reach of the second part names: only the shards that begin on or after it are within.
  expect(shardsWithin(newest, '2024-07-01', 'relevance')).toBe(2);
  expect(shardsWithin(newest, '2024-01-02', 'relevance')).toBe(3);
  expect(shardsWithin(newest, '2023-03-01', 'relevance')).toBe(4);
  expect(shardsWithin(newest, 'undated', 'relevance')).toBe(5);
  expect(shardsWithin(oldest, '2024-07-01', 'oldest')).toBe(2);
  // A reach past the first shard's far end still searches the first shard.
  expect(shardsWithin(newest, '2030-01-01', 'relevance')).toBe(1);
  expect(shardsWithin([], null, 'relevance')).toBe(0);
});
