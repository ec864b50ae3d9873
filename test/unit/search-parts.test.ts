import { expect, test } from 'vitest';
import { partFor, type ShardEntry } from '../../src/search/shard-writer.ts';

/** Cuts records of these dates into parts the way both indexers do; returns the parts' keys and sizes. */
function cut(dates: (string | null)[], maxArticles: number): [string, number, string | null][] {
  const entries: ShardEntry[] = [];
  let current: ShardEntry | null = null;
  dates.forEach((date, i) => {
    const year = date?.slice(0, 4) ?? null;
    current = partFor(entries, current, year, date, maxArticles, `page-${String(i)}.html`);
    current.articles++;
    current.to = date;
  });
  return entries.map((e) => [e.key, e.articles, e.from]);
}

test('a year is one part until it holds maxArticles, then 2024-2, 2024-3 …', () => {
  const dates = ['2023-12-30', '2023-12-31', '2024-01-01', '2024-01-02', '2024-01-03', null];
  expect(cut(dates, 2)).toEqual([
    ['2023', 2, '2023-12-30'],
    ['2024', 2, '2024-01-01'],
    ['2024-2', 1, '2024-01-03'],
    ['undated', 1, null],
  ]);
  expect(cut(dates, 5000)).toEqual([
    ['2023', 2, '2023-12-30'],
    ['2024', 3, '2024-01-01'],
    ['undated', 1, null],
  ]);
});

test('a year that comes back after another fails, naming the page', () => {
  expect(() => cut(['2023-01-01', '2024-01-01', '2023-02-01'], 10)).toThrow(
    'search index: page-2.html: 2023 comes after other years',
  );
});
