import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { join } from 'node:path';
import { buildFixture, launchBrowser, openPage, projectRoot, serve, type Site } from './harness.ts';

let site: Site;
let browser: Browser;

beforeAll(async () => {
  site = await serve(await buildFixture(join(projectRoot, 'test/fixtures/site')));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
  await site.close();
});

test('should render the home page in zh-CN with the latest issue and no console errors', async () => {
  const problems: string[] = [];
  const page = await openPage(browser, problems);
  const response = await page.goto(site.url);
  expect(response?.status()).toBe(200);
  expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
  expect(await page.textContent('main h1')).toBe('最新一期 2024年5月2日星期四');
  expect(await page.locator('main .item-list .item-title a').allTextContents()).toEqual([
    '老旧小区改造全面启动',
    '夜市经济添活力',
    '假日里的图书馆',
  ]);
  expect(problems).toEqual([]);
});
