/**
 * The archive built in shards, end to end: the fixture archive (2023, 2024 and an undated page)
 * is built as the parts `folio parts` lists — three shard builds and one global build, each a
 * separate run of the CLI as separate machines would run them — then assembled. The assembled
 * site is the whole build file for file (but for its sitemaps, which are split per part); in
 * Chromium, one search finds articles of both years' shards, the links across the year boundary
 * lead to the other shard's pages, the home page shows the latest issue and a reporter's page
 * lists items of both years.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  buildFixture,
  follow,
  launchBrowser,
  openPage,
  projectRoot,
  runFolio,
  searchToEnd,
  serve,
  type Site,
} from './harness.ts';
import { checkLinks } from './link-check.ts';
import { siteFiles } from '../../src/site/files.ts';

const BASE = '/archive/';
const ORIGIN = 'https://example.org';
const fixture = join(projectRoot, 'test/fixtures/site');
const env = { FOLIO_BASE: BASE };

let parts: Record<'2023' | '2024' | 'undated' | 'global', string>;
let whole: string;
let site: Site;
let browser: Browser;

beforeAll(async () => {
  // The parts and their build options as `folio parts` gives them to a CI workflow; then one
  // build after the other, each its own process, as that workflow's jobs would run them.
  const planned = JSON.parse(
    (await runFolio(['parts', '--content', fixture, '--json'])).stdout,
  ) as {
    part: keyof typeof parts;
    args: string[];
  }[];
  expect(planned.map(({ part }) => part)).toEqual(['global', 'undated', '2024', '2023']);
  const built: Partial<typeof parts> = {};
  for (const { part, args } of planned) built[part] = await buildFixture(fixture, env, args);
  parts = built as typeof parts;
  const out = join(await mkdtemp(join(tmpdir(), 'folio-site-')), 'site');
  const assembled = await runFolio([
    'assemble',
    '--out',
    out,
    parts.global,
    parts['2024'],
    parts['2023'],
    parts.undated,
  ]);
  expect(assembled.stdout).toBe(
    `Assembled 156 files of the global build and shards 2023, 2024, undated into ${out} ` +
      '(153 copied, 0 kept from the previous site)\n',
  );
  // Assembled again from the same builds, the site keeps every file; the tests below read it.
  const again = await runFolio(['assemble', '--out', out, ...Object.values(parts)]);
  expect(again.stdout).toBe(
    `Assembled 156 files of the global build and shards 2023, 2024, undated into ${out} ` +
      '(0 copied, 153 kept from the previous site)\n',
  );
  whole = await buildFixture(fixture, env);
  site = await serve(out, BASE);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
  await site.close();
});

/** A part's files, less Astro's assets and the search bundles' insides. */
async function ownFiles(dir: string): Promise<string[]> {
  return (await siteFiles(dir)).filter(
    (path) => !path.startsWith('_astro/') && !/^pagefind\/[^/]+\//.test(path),
  );
}

test('should keep in each part build only the files it owns', async () => {
  expect(await ownFiles(parts['2023'])).toEqual([
    '2023-05-01/01/01/index.html',
    '2023-05-01/01/02/index.html',
    '2023-05-01/01/03/index.html',
    '2023-05-01/01/index.html',
    '2023-05-01/02/01/index.html',
    '2023-05-01/02/index.html',
    '2023-05-01/index.html',
    '2023-11-21/01/01/index.html',
    '2023-11-21/01/index.html',
    '2023-11-21/index.html',
    'calendar/2023/05/index.html',
    'calendar/2023/11/index.html',
    'data/2023-05-01.json',
    'data/2023-11-21.json',
    'data/items.jsonl',
    'data/items/2023.jsonl',
    'favicon.svg',
    'folio-part.json',
    'pagefind/shards.json',
    'sitemap-2023-0.xml',
    'sitemap-2023-index.xml',
  ]);
  expect(await ownFiles(parts.undated)).toEqual([
    'data/items.jsonl',
    'data/items/undated.jsonl',
    'data/undated/scan-a.json',
    'favicon.svg',
    'folio-part.json',
    'pagefind/shards.json',
    'sitemap-undated-0.xml',
    'sitemap-undated-index.xml',
    'undated/scan-a/01/index.html',
    'undated/scan-a/index.html',
  ]);
  expect(await ownFiles(parts.global)).toEqual([
    '404.html',
    'calendar/index.html',
    'data/index.html',
    'data/issues.json',
    'favicon.svg',
    'folio-part.json',
    'index.html',
    'on-this-day/02-29/index.html',
    'on-this-day/05-01/index.html',
    'on-this-day/05-02/index.html',
    'on-this-day/11-21/index.html',
    'on-this-day/index.html',
    'opensearch.xml',
    'reporters/index.html',
    'reporters/李华/index.html',
    'reporters/王小明/index.html',
    'reporters/赵一鸣/index.html',
    'reporters/陈静/index.html',
    'rss.xml',
    'search/index.html',
    'sitemap-0.xml',
    'sitemap-index.xml',
  ]);
  expect(JSON.parse(await readFile(join(parts['2024'], 'folio-part.json'), 'utf8'))).toEqual({
    part: 'shard',
    shard: '2024',
  });
  expect(await siteFiles(join(parts['2024'], 'pagefind'))).toContain('2024/pagefind.js');
});

test('should assemble the whole build, file for file, but for the sitemaps', async () => {
  const wholeFiles = await siteFiles(whole);
  const assembledFiles = await siteFiles(site.outDir);
  const sitemap = (path: string) => /^sitemap-.*\.xml$/.test(path);
  expect(assembledFiles.filter((p) => !sitemap(p))).toEqual(wholeFiles.filter((p) => !sitemap(p)));
  const differing: string[] = [];
  for (const path of wholeFiles.filter((p) => !sitemap(p))) {
    const [a, b] = await Promise.all([
      readFile(join(whole, path)),
      readFile(join(site.outDir, path)),
    ]);
    if (!a.equals(b)) differing.push(path);
  }
  expect(differing).toEqual([]);
  expect(assembledFiles.filter(sitemap)).toEqual([
    'sitemap-0.xml',
    'sitemap-2023-0.xml',
    'sitemap-2023-index.xml',
    'sitemap-2024-0.xml',
    'sitemap-2024-index.xml',
    'sitemap-index.xml',
    'sitemap-undated-0.xml',
    'sitemap-undated-index.xml',
  ]);
});

/** The `<loc>`s of a sitemap file. */
async function locs(file: string): Promise<string[]> {
  const xml = await readFile(file, 'utf8');
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1] ?? '');
}

test('should list every part sitemap in the index, and together the pages of the whole build', async () => {
  expect(await locs(join(site.outDir, 'sitemap-index.xml'))).toEqual([
    `${ORIGIN}${BASE}sitemap-0.xml`,
    `${ORIGIN}${BASE}sitemap-2023-0.xml`,
    `${ORIGIN}${BASE}sitemap-2024-0.xml`,
    `${ORIGIN}${BASE}sitemap-undated-0.xml`,
  ]);
  const pages = (
    await Promise.all(
      ['0', '2023-0', '2024-0', 'undated-0'].map((n) =>
        locs(join(site.outDir, `sitemap-${n}.xml`)),
      ),
    )
  ).flat();
  expect(pages.sort()).toEqual((await locs(join(whole, 'sitemap-0.xml'))).sort());
  expect(pages).toHaveLength(45);
});

test('should leave no broken link in the assembled site', async () => {
  const report = await checkLinks(site.outDir, BASE, ORIGIN);
  expect(report.broken).toEqual([]);
  expect(report.pages).toBe(47);
});

/** Runs one search through the search page's own engine; returns its hits and bundles fetched. */
async function search(page: Page, query: string): Promise<{ hits: string[]; bundles: string[] }> {
  const fetched: string[] = [];
  page.on('request', (req) => {
    const path = new URL(req.url()).pathname;
    if (path.startsWith(`${BASE}pagefind/`)) fetched.push(path.slice(BASE.length));
  });
  const hits = (await searchToEnd(page, site.url, { query })).map(
    (h) => `${h.date ?? ''} ${h.title} ${h.url}`,
  );
  return { hits, bundles: [...new Set(fetched.map((path) => path.split('/')[1] ?? ''))] };
}

test('should find articles of both shards in one search', async () => {
  const problems: string[] = [];
  const page = await openPage(browser, problems);
  const found = await search(page, '图书');
  expect(found.hits).toEqual([
    `2024-05-02 假日里的图书馆 ${BASE}2024-05-02/01/03/`,
    `2023-05-01 社区图书室上新书 ${BASE}2023-05-01/02/01/`,
  ]);
  expect(found.bundles).toEqual(['shards.json', 'engine', '2024', '2023', 'undated']);
  // The results lead to the pages the other shard built.
  await page.fill('#search-q', '图书');
  await page.press('#search-q', 'Enter');
  await page.waitForSelector('.search-hit');
  await Promise.all([
    page.waitForURL((url) => url.pathname === `${BASE}2023-05-01/02/01/`),
    page.click(`.search-hit-title a[href^="${BASE}2023-05-01/02/01/?"]`),
  ]);
  expect(await page.textContent('main h1')).toBe('社区图书室上新书');
  expect(problems).toEqual([]);
});

test('should link across the year boundary to the other shard', async () => {
  const problems: string[] = [];
  const page = await openPage(browser, problems);
  await page.goto(`${site.url}2023-11-21/`);
  await follow(page, '.prev-next a[rel="next"]', `${site.url}2024-02-29/`);
  expect(await page.textContent('main h1')).toBe('2024年2月29日星期四');
  await follow(page, '.prev-next a[rel="prev"]', `${site.url}2023-11-21/`);
  expect(await page.textContent('main h1')).toBe('2023年11月21日星期二');
  // The last dated issue leads on to the undated shard, as in the whole build.
  await page.goto(`${site.url}2024-05-02/`);
  await follow(page, '.prev-next a[rel="next"]', `${site.url}undated/scan-a/`);
  await page.goto(`${site.url}calendar/2023/11/`);
  await follow(page, '.prev-next a[rel="next"]', `${site.url}calendar/2024/02/`);
  await follow(page, '.prev-next a[rel="prev"]', `${site.url}calendar/2023/11/`);
  expect(problems).toEqual([]);
});

test('should show the latest issue at home and a reporter with items of both years', async () => {
  const problems: string[] = [];
  const page = await openPage(browser, problems);
  await page.goto(site.url);
  expect(await page.textContent('main h1')).toBe('最新一期 2024年5月2日星期四');
  await follow(page, 'main h1 a', `${site.url}2024-05-02/`);
  await page.goto(`${site.url}reporters/王小明/`);
  const items = page.locator('main .item-list .item-title a');
  expect(await items.allTextContents()).toEqual([
    '夜市经济添活力',
    '城南社区植树忙',
    '全市供暖设施完成检修',
    '城区景点迎来客流高峰',
  ]);
  expect(await items.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([
    `${BASE}2024-05-02/01/02/`,
    `${BASE}2024-05-01/01/01/`,
    `${BASE}2023-11-21/01/01/`,
    `${BASE}2023-05-01/01/01/`,
  ]);
  await follow(page, `main a[href="${BASE}2023-11-21/01/01/"]`, `${site.url}2023-11-21/01/01/`);
  expect(await page.textContent('main h1')).toBe('全市供暖设施完成检修');
  expect(problems).toEqual([]);
});
