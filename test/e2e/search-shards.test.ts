/**
 * The search index in shards, end to end: the fixture archive spans 2023 and 2024 (and an undated
 * page), so the build writes one Pagefind bundle per year plus one for undated articles, listed
 * newest first in `pagefind/shards.json`; the search page's own engine loads the newest bundle,
 * merges the others, and finds, filters and orders articles of both years.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildFixture, launchBrowser, openPage, projectRoot, serve, type Site } from './harness.ts';

const BASE = '/archive/';
let site: Site;
let browser: Browser;

beforeAll(async () => {
  const outDir = await buildFixture(join(projectRoot, 'test/fixtures/site'), { FOLIO_BASE: BASE });
  site = await serve(outDir, BASE);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
  await site.close();
});

interface Found {
  hits: { title: string; date: string | null }[];
  /** Paths under the base of the Pagefind files the page fetched, in order. */
  bundles: string[];
}

/** Opens the search page and runs one search through `window.folioSearch`, to the last hit. */
async function search(
  page: Page,
  request: { query: string; filters?: Record<string, string>; sort?: string },
): Promise<Found> {
  const fetched: string[] = [];
  page.on('request', (req) => {
    const path = new URL(req.url()).pathname;
    if (path.startsWith(`${BASE}pagefind/`)) fetched.push(path.slice(BASE.length));
  });
  await page.goto(`${site.url}search/`);
  await page.waitForFunction(() => 'folioSearch' in window);
  const hits = await page.evaluate(async (r) => {
    interface Run {
      done: boolean;
      more(n: number): Promise<{ title: string; date: string | null }[]>;
    }
    const engine = (window as unknown as { folioSearch: { search(r: unknown): Promise<Run> } })
      .folioSearch;
    const run = await engine.search({ filters: {}, sort: 'relevance', from: null, to: null, ...r });
    const all = [];
    while (!run.done) all.push(...(await run.more(50)));
    return all.map((h) => ({ title: h.title, date: h.date }));
  }, request);
  const bundles = [...new Set(fetched.map((path) => path.split('/')[1] ?? ''))];
  return { hits, bundles };
}

test('should write one bundle per year and one for undated articles, newest first', async () => {
  const manifest = JSON.parse(
    await readFile(join(site.outDir, 'pagefind/shards.json'), 'utf8'),
  ) as unknown;
  expect(manifest).toEqual({
    shards: [
      { key: '2024', year: '2024', articles: 8, from: '2024-02-29', to: '2024-05-02' },
      { key: '2023', year: '2023', articles: 5, from: '2023-05-01', to: '2023-11-21' },
      { key: 'undated', year: null, articles: 1, from: null, to: null },
    ],
  });
  for (const key of ['2024', '2023', 'undated']) {
    expect(existsSync(join(site.outDir, 'pagefind', key, 'pagefind.js'))).toBe(true);
  }
  expect(existsSync(join(site.outDir, 'pagefind/pagefind.js'))).toBe(false);
});

test('should find articles of both years in one search, across the merged bundles', async () => {
  const problems: string[] = [];
  const page = await openPage(browser, problems);
  const found = await search(page, { query: '图书' });
  expect(found.hits).toEqual([
    { title: '假日里的图书馆', date: '2024-05-02' },
    { title: '社区图书室上新书', date: '2023-05-01' },
  ]);
  expect(found.bundles).toEqual(['shards.json', '2024', '2023', 'undated']);
  expect(problems).toEqual([]);
});

test('should order by date across shards, newest and oldest first', async () => {
  const page = await browser.newPage();
  // A filter alone lists every article it holds, newest first unless told otherwise.
  const newest = await search(page, { query: '', filters: { kind: 'article' }, sort: 'newest' });
  expect(newest.hits.map((h) => `${h.date ?? ''} ${h.title}`)).toEqual([
    '2024-05-02 农产品直播带货走红',
    '2024-05-02 小微企业贷款增长两成',
    '2024-05-02 夜市经济添活力',
    '2024-05-02 老旧小区改造全面启动',
    '2024-05-01 城南社区植树忙',
    '2024-02-29 四年一遇的生日',
    '2023-11-21 全市供暖设施完成检修',
    '2023-05-01 社区图书室上新书',
    '2023-05-01 新建公交线路今日开通',
    '2023-05-01 城区景点迎来客流高峰',
  ]);
  const oldest = await search(page, { query: '', filters: { kind: 'article' }, sort: 'oldest' });
  expect(oldest.hits).toEqual([...newest.hits].reverse());
});

test('should merge only the shards of the year filtered to', async () => {
  const page = await browser.newPage();
  const found = await search(page, { query: '', filters: { year: '2023' }, sort: 'newest' });
  expect(found.hits.map((h) => `${h.date ?? ''} ${h.title}`)).toEqual([
    '2023-11-21 全市供暖设施完成检修',
    '2023-05-01 社区图书室上新书',
    '2023-05-01 劳动者之歌',
    '2023-05-01 新建公交线路今日开通',
    '2023-05-01 城区景点迎来客流高峰',
  ]);
  // The newest bundle carries the engine; the undated shard is never fetched.
  expect(found.bundles).toEqual(['shards.json', '2024', '2023']);
});
