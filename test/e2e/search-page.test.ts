/**
 * The search page and the header box on the fixture archive, under the base path /archive/:
 * results with their metadata and marked excerpt, Traditional / full-width / punctuated queries,
 * filters, order and date range in the URL, Back, and highlighting on the article opened.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildFixture, launchBrowser, openPage, projectRoot, serve, type Site } from './harness.ts';
import { axeViolations } from './axe.ts';

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

/** Opens the search page with `search` as its query string and waits for the results. */
async function search(page: Page, query: string): Promise<string[]> {
  await page.goto(`${site.url}search/${query}`);
  return titles(page);
}

async function titles(page: Page): Promise<string[]> {
  await page.waitForFunction(() => {
    const status = document.querySelector('[data-status]')?.textContent ?? '';
    return status !== '' && !status.includes('正在搜索');
  });
  return page.locator('.search-hit-title').allTextContents();
}

test('should show each hit with kicker, title, date, 版次, reporters and a marked excerpt', async () => {
  const problems: string[] = [];
  const page = await openPage(browser, problems);
  // Each year is its own index shard, ranked with its own statistics: on this small fixture the
  // 2024 article (one 图书 in a short shard) outranks the 2023 one.
  expect(await search(page, '?q=图书')).toEqual(['假日里的图书馆', '社区图书室上新书']);
  const hit = page.locator('.search-hit').nth(1);
  expect(await hit.locator('.search-hit-meta').textContent()).toBe(
    '2023年5月1日 · 第02版 社会 · 记者 陈静',
  );
  expect(await hit.locator('.search-hit-excerpt').textContent()).toBe(
    '本报讯 近日，城北社区图书室新添图书八百余册，涵盖科普、文学和少儿读物。',
  );
  expect(await hit.locator('mark').allTextContents()).toEqual(['图书', '图书']);
  expect(await page.locator('[data-status]').textContent()).toBe('共找到 2 篇文章');
  expect(await axeViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await axeViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'light' });
  const photo = await search(page, '?q=麦田');
  expect(photo).toEqual(['田间麦浪']);
  expect(await page.locator('.search-hit-meta').textContent()).toContain('图片新闻');
  const kicker = await search(page, '?q=聚焦民生');
  expect(kicker).toEqual(['老旧小区改造全面启动']);
  expect(await page.locator('.search-hit-kicker').textContent()).toBe('聚焦民生实事');
  expect(problems).toEqual([]);
});

test('should match Traditional characters, full-width digits and punctuated queries', async () => {
  const page = await browser.newPage();
  expect(await search(page, `?q=${encodeURIComponent('圖書')}`)).toEqual([
    '假日里的图书馆',
    '社区图书室上新书',
  ]);
  expect(await search(page, `?q=${encodeURIComponent('４月３０日')}`)).toEqual(['劳动者之歌']);
  // Punctuation separates terms, and every term must be found.
  expect(await search(page, `?q=${encodeURIComponent('“城南”，植树！')}`)).toEqual([
    '城南社区植树忙',
  ]);
  expect(await search(page, `?q=${encodeURIComponent('城南 图书')}`)).toEqual([]);
  expect(await page.locator('[data-status]').textContent()).toBe('没有找到相关文章。');
});

/** Opens a new page (its own cache) on `query` and lists the scripts it fetched, under BASE. */
async function scriptsFor(query: string): Promise<{ titles: string[]; scripts: string[] }> {
  const page = await browser.newPage();
  const scripts: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.endsWith('.js')) scripts.push(path.slice(BASE.length));
  });
  const found = await search(page, `?q=${encodeURIComponent(query)}`);
  await page.close();
  return { titles: found, scripts: scripts.sort() };
}

test('should fetch the folding table only for a query that needs it, and no search worker', async () => {
  const simplified = await scriptsFor('图书');
  const traditional = await scriptsFor('圖書');
  expect(traditional.titles).toEqual(simplified.titles);
  const added = traditional.scripts.filter((path) => !simplified.scripts.includes(path));
  expect(added).toHaveLength(1);
  expect(added[0]).toMatch(/^_astro\/table\.[\w-]+\.js$/);
  expect(simplified.scripts.filter((path) => path.startsWith('pagefind/'))).toEqual([
    'pagefind/engine/pagefind.js',
  ]);
});

test('should filter, order and limit by date from the URL, and list the filter values', async () => {
  const page = await browser.newPage();
  expect(await search(page, '?q=社区&year=2023')).toEqual(['社区图书室上新书']);
  expect(await search(page, '?q=本报讯&sort=oldest&reporter=李华')).toEqual([
    '新建公交线路今日开通',
    '四年一遇的生日',
    '老旧小区改造全面启动',
    '小微企业贷款增长两成',
  ]);
  expect(await search(page, '?kind=photo&sort=newest')).toEqual([
    '假日里的图书馆',
    '田间麦浪',
    '劳动者之歌',
  ]);
  // Newest first, so a day's items come in reverse page order.
  expect(await search(page, '?from=2024-05-01&to=2024-05-01')).toEqual([
    '田间麦浪',
    '城南社区植树忙',
  ]);
  expect(await search(page, '?from=2024-05-01&to=2024-05-01&sort=oldest')).toEqual([
    '城南社区植树忙',
    '田间麦浪',
  ]);
  expect(await page.locator('#search-from').inputValue()).toBe('2024-05-01');
  expect(await page.locator('#search-year option').allTextContents()).toEqual([
    '全部',
    '2024年',
    '2023年',
  ]);
  // One decade only: no decade filter to offer.
  expect(await page.locator('#search-decade').count()).toBe(0);
  expect(await page.locator('#search-kind option').allTextContents()).toEqual([
    '全部',
    '文章',
    '图片新闻',
  ]);
});

test('should keep searches in the history, so Back returns to the previous one', async () => {
  const page = await browser.newPage();
  await page.goto(site.url);
  await page.locator('.search-box input[name="q"]').fill('夜市');
  await page.locator('.search-box button').click();
  expect(await titles(page)).toEqual(['夜市经济添活力']);
  expect(new URL(page.url()).search).toBe('?q=%E5%A4%9C%E5%B8%82');
  await page.locator('#search-q').fill('供暖');
  await page.locator('#search-q').press('Enter');
  expect(await titles(page)).toEqual(['全市供暖设施完成检修']);
  await page.goBack();
  expect(await titles(page)).toEqual(['夜市经济添活力']);
  expect(await page.locator('#search-q').inputValue()).toBe('夜市');
});

test('should highlight the searched words on the article opened from a result', async () => {
  const page = await browser.newPage();
  await search(page, `?q=${encodeURIComponent('圖書 新添')}`);
  await page.locator('.search-hit-title a').first().click();
  await page.waitForSelector('mark[data-search-highlight]');
  expect(new URL(page.url()).pathname).toBe(`${BASE}2023-05-01/02/01/`);
  expect(await page.locator('mark[data-search-highlight]').allTextContents()).toEqual([
    '图书',
    '图书',
    '新添图书',
  ]);
});
