/**
 * The search index in shards, end to end: the fixture archive spans 2023 and 2024 (and an undated
 * page), so the build writes one Pagefind bundle per year plus one for undated articles, listed
 * newest first in `pagefind/shards.json`, and the engine bundle; the search page loads the
 * engine bundle and merges the shards as a search reaches them (newest first, oldest first for
 * oldest-first, only the years filtered to), and finds, filters and orders articles of both
 * years; the page offers "search earlier articles" when a step stops before its page is full.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  FIXTURE_ARTICLES_NEWEST,
  buildFixture,
  launchBrowser,
  openPage,
  projectRoot,
  searchToEnd,
  serve,
  type SearchRequest,
  type Site,
} from './harness.ts';

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
async function search(page: Page, request: SearchRequest): Promise<Found> {
  const fetched: string[] = [];
  page.on('request', (req) => {
    const path = new URL(req.url()).pathname;
    if (path.startsWith(`${BASE}pagefind/`)) fetched.push(path.slice(BASE.length));
  });
  const hits = (await searchToEnd(page, site.url, request)).map(({ title, date }) => ({
    title,
    date,
  }));
  const bundles = [...new Set(fetched.map((path) => path.split('/')[1] ?? ''))];
  return { hits, bundles };
}

interface Stepped {
  /** Per call of `more(count)`: the titles it added and the bundles fetched so far. */
  steps: { hits: string[]; bundles: string[]; done: boolean; searched: number }[];
}

/** Runs one search through `window.folioSearch` and calls `more(count)` once per count. */
async function stepped(
  page: Page,
  request: { query: string; filters?: Record<string, string>; sort?: string },
  counts: number[],
): Promise<Stepped> {
  const fetched: string[] = [];
  page.on('request', (req) => {
    const path = new URL(req.url()).pathname;
    if (path.startsWith(`${BASE}pagefind/`)) fetched.push(path.slice(BASE.length));
  });
  await page.goto(`${site.url}search/`);
  await page.waitForFunction(() => 'folioSearch' in window);
  const bundles = (): string[] => [...new Set(fetched.map((path) => path.split('/')[1] ?? ''))];
  await page.evaluate((r) => {
    interface Run {
      done: boolean;
      searched: number;
      more(n: number): Promise<{ title: string }[]>;
    }
    const w = window as unknown as {
      folioSearch: { search(r: unknown): Promise<Run> };
      run: Promise<Run>;
    };
    w.run = w.folioSearch.search({ filters: {}, sort: 'relevance', from: null, to: null, ...r });
  }, request);
  const steps: Stepped['steps'] = [];
  for (const count of counts) {
    const step = await page.evaluate(async (n) => {
      interface Run {
        done: boolean;
        searched: number;
        more(n: number): Promise<{ title: string }[]>;
      }
      const run = await (window as unknown as { run: Promise<Run> }).run;
      const hits = (await run.more(n)).map((h) => h.title);
      return { hits, done: run.done, searched: run.searched };
    }, count);
    steps.push({ ...step, bundles: bundles() });
  }
  return { steps };
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
  expect(found.bundles).toEqual(['shards.json', 'engine', '2024', '2023', 'undated']);
  expect(problems).toEqual([]);
});

test('should order by date across shards, newest and oldest first', async () => {
  const page = await browser.newPage();
  // A filter alone lists every article it holds, newest first unless told otherwise.
  const newest = await search(page, { query: '', filters: { kind: 'article' }, sort: 'newest' });
  expect(newest.hits.map((h) => `${h.date ?? ''} ${h.title}`)).toEqual(FIXTURE_ARTICLES_NEWEST);
  const oldest = await search(page, { query: '', filters: { kind: 'article' }, sort: 'oldest' });
  expect(oldest.hits).toEqual([...newest.hits].reverse());
});

test('should search the newest shard first and reach older ones only when the page is not full', async () => {
  const page = await browser.newPage();
  // A page of one: the newest shard fills it, and no file of an older bundle is fetched.
  const found = await stepped(page, { query: '图书' }, [1, 1, 1]);
  expect(found.steps).toEqual([
    {
      hits: ['假日里的图书馆'],
      bundles: ['shards.json', 'engine', '2024'],
      done: false,
      searched: 1,
    },
    // Paging past what is loaded goes on to 2023, then to the undated shard, which has none.
    {
      hits: ['社区图书室上新书'],
      bundles: ['shards.json', 'engine', '2024', '2023'],
      done: false,
      searched: 2,
    },
    {
      hits: [],
      bundles: ['shards.json', 'engine', '2024', '2023', 'undated'],
      done: true,
      searched: 3,
    },
  ]);
});

test('should go on to the older shard when the newest holds too few matches', async () => {
  const page = await browser.newPage();
  // A page of two: 2024 holds one 社区, so the search goes on to 2023 and stops there.
  const found = await stepped(page, { query: '社区' }, [2]);
  expect(found.steps).toEqual([
    {
      hits: ['城南社区植树忙', '社区图书室上新书'],
      bundles: ['shards.json', 'engine', '2024', '2023'],
      done: false,
      searched: 2,
    },
  ]);
});

test('should start from the oldest shard in oldest-first order', async () => {
  const page = await browser.newPage();
  const request = { query: '', filters: { kind: 'article' }, sort: 'oldest' };
  const found = await stepped(page, request, [2]);
  // The engine bundle, then 2023 only: not the newest bundle, and never the undated shard (no
  // date to order by).
  expect(found.steps).toEqual([
    {
      hits: ['城区景点迎来客流高峰', '新建公交线路今日开通'],
      bundles: ['shards.json', 'engine', '2023'],
      done: false,
      searched: 1,
    },
  ]);
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
  // The engine bundle and 2023 only: neither the newest bundle nor the undated shard.
  expect(found.bundles).toEqual(['shards.json', 'engine', '2023']);
  const newest = await search(page, { query: '', filters: { year: '2024' }, sort: 'newest' });
  expect(newest.hits.map((h) => h.date)).toEqual([
    '2024-05-02',
    '2024-05-02',
    '2024-05-02',
    '2024-05-02',
    '2024-05-02',
    '2024-05-01',
    '2024-05-01',
    '2024-02-29',
  ]);
  expect(newest.bundles).toEqual(['shards.json', 'engine', '2024']);
});

/** Records the bundles (directories under `pagefind/`) the page fetches from, first fetch first. */
function watchBundles(page: Page): { bundles: () => string[]; clear: () => void } {
  const fetched: string[] = [];
  page.on('request', (req) => {
    const path = new URL(req.url()).pathname;
    if (path.startsWith(`${BASE}pagefind/`))
      fetched.push(path.slice(BASE.length).split('/')[1] ?? '');
  });
  return { bundles: () => [...new Set(fetched)], clear: () => (fetched.length = 0) };
}

/** The search page once it has settled: status, span searched, more button, hit titles. */
async function searchView(page: Page): Promise<string[]> {
  await page.waitForFunction(() => {
    const status = document.querySelector('[data-status]')?.textContent ?? '';
    const button = document.querySelector<HTMLButtonElement>('[data-more]');
    return status !== '' && !status.includes('正在搜索') && button?.disabled !== true;
  });
  const more = page.locator('[data-more]');
  return [
    (await page.locator('[data-status]').textContent()) ?? '',
    (await page.locator('[data-span]').textContent()) ?? '',
    (await more.isVisible()) ? ((await more.textContent()) ?? '') : '(no button)',
    ...(await page.locator('.search-hit-title').allTextContents()),
  ];
}

test('should offer to search earlier articles when a step stops short, and keep how far in the URL', async () => {
  const problems: string[] = [];
  const page = await openPage(browser, problems);
  const { bundles, clear } = watchBundles(page);
  const view = (): Promise<string[]> => searchView(page);
  await page.goto(`${site.url}search/`);
  await page.waitForFunction(() => 'folioSearch' in window);
  // Every step adds one shard (on this small archive the default budget holds all three).
  await page.evaluate(() => {
    (window as unknown as { folioSearch: { stepBytes: number } }).folioSearch.stepBytes = 0;
  });
  await page.locator('#search-q').fill('图书');
  await page.locator('#search-q').press('Enter');
  expect(await view()).toEqual([
    '已显示 1 篇文章',
    '已搜索2024年2月29日至2024年5月2日的文章；相关度排序只在已搜索的日期内',
    '搜索更早的文章',
    '假日里的图书馆',
  ]);
  expect(bundles()).toEqual(['shards.json', 'engine', '2024']);
  expect(new URL(page.url()).search).toBe('?q=%E5%9B%BE%E4%B9%A6');
  await page.locator('[data-more]').click();
  expect(await view()).toEqual([
    '已显示 2 篇文章',
    '已搜索2023年5月1日至2024年5月2日的文章；相关度排序只在已搜索的日期内',
    '搜索更早的文章',
    '假日里的图书馆',
    '社区图书室上新书',
  ]);
  expect(bundles()).toEqual(['shards.json', 'engine', '2024', '2023']);
  expect(new URL(page.url()).search).toBe('?q=%E5%9B%BE%E4%B9%A6&reach=2023-05-01');
  await page.locator('[data-more]').click();
  expect(await view()).toEqual([
    '共找到 2 篇文章',
    '已搜索2023年5月1日至2024年5月2日的文章及无日期的文章',
    '(no button)',
    '假日里的图书馆',
    '社区图书室上新书',
  ]);
  expect(bundles()).toEqual(['shards.json', 'engine', '2024', '2023', 'undated']);
  expect(new URL(page.url()).search).toBe('?q=%E5%9B%BE%E4%B9%A6&reach=undated');
  // A reload searches as far as the URL says at once.
  clear();
  await page.reload();
  await page.waitForFunction(() => 'folioSearch' in window);
  expect(await view()).toEqual([
    '共找到 2 篇文章',
    '已搜索2023年5月1日至2024年5月2日的文章及无日期的文章',
    '(no button)',
    '假日里的图书馆',
    '社区图书室上新书',
  ]);
  expect(bundles()).toEqual(['shards.json', 'engine', '2024', '2023', 'undated']);
  expect(problems).toEqual([]);
});

test('should spend less on shards in the first step of the search that loads the engine', async () => {
  const problems: string[] = [];
  const page = await openPage(browser, problems);
  const { bundles } = watchBundles(page);
  const searchFor = async (query: string): Promise<string[]> => {
    await page.locator('[data-status]').evaluate((status) => {
      status.textContent = '';
    });
    await page.locator('#search-q').fill(query);
    await page.locator('#search-q').press('Enter');
    return searchView(page);
  };
  await page.goto(`${site.url}search/`);
  await page.waitForFunction(() => 'folioSearch' in window);
  // The first step of the first search takes one shard; every other step, all of them.
  await page.evaluate(() => {
    const engine = (window as unknown as { folioSearch: { stepBytes: number } }).folioSearch;
    Object.assign(engine, { stepBytes: 1e9, firstStepBytes: 0 });
  });
  const everything = '已搜索2023年5月1日至2024年5月2日的文章及无日期的文章';
  expect(await searchFor('图书')).toEqual([
    '已显示 1 篇文章',
    '已搜索2024年2月29日至2024年5月2日的文章；相关度排序只在已搜索的日期内',
    '搜索更早的文章',
    '假日里的图书馆',
  ]);
  expect(bundles()).toEqual(['shards.json', 'engine', '2024']);
  await page.locator('[data-more]').click();
  expect(await searchView(page)).toEqual([
    '共找到 2 篇文章',
    everything,
    '(no button)',
    '假日里的图书馆',
    '社区图书室上新书',
  ]);
  expect(bundles()).toEqual(['shards.json', 'engine', '2024', '2023', 'undated']);
  // The engine is loaded: a new search goes through every shard in its first step.
  expect(await searchFor('图书室')).toEqual([
    '共找到 1 篇文章',
    everything,
    '(no button)',
    '社区图书室上新书',
  ]);
  expect(problems).toEqual([]);
});
