/**
 * The reader site on the fixture archive, built under the base path /archive/: a reader's walk
 * from the home page to a reporter, accessibility of every page type, the link check, reading
 * without script, keyboard use, and screenshots at phone and desktop widths.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  buildFixture,
  follow,
  launchBrowser,
  openPage,
  projectRoot,
  serve,
  type Site,
} from './harness.ts';
import { axeViolations } from './axe.ts';
import { checkLinks } from './link-check.ts';

const BASE = '/archive/';
const fixture = join(projectRoot, 'test/fixtures/site');
const screenshots = join(projectRoot, '.tmp/screenshots');

let site: Site;
let browser: Browser;

beforeAll(async () => {
  site = await serve(await buildFixture(fixture, { FOLIO_BASE: BASE }), BASE);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
  await site.close();
});

const texts = (page: Page, selector: string) => page.locator(selector).allTextContents();

/** One page of each type, by its path under the base. */
const pageTypes: Record<string, string> = {
  home: '',
  calendar: 'calendar/',
  month: 'calendar/2024/05/',
  issue: '2024-05-02/',
  page: '2024-05-02/01/',
  'empty-page': '2024-05-02/03/',
  article: '2024-05-02/01/01/',
  photo: '2024-05-02/01/03/',
  'undated-page': 'undated/scan-a/',
  undated: 'undated/scan-a/01/',
  reporters: 'reporters/',
  reporter: `reporters/${encodeURIComponent('王小明')}/`,
  'on-this-day': 'on-this-day/',
  day: 'on-this-day/05-01/',
  search: 'search/',
  data: 'data/',
  'not-found': '404.html',
};

describe('a reader walks the archive', () => {
  test('should go home → calendar → month → issue → page → article → next → reporter', async () => {
    const problems: string[] = [];
    const page = await openPage(browser, problems);

    await page.goto(site.url);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.title()).toBe('首页 · 永康日报');
    expect(await texts(page, 'main h1')).toEqual(['最新一期 2024年5月2日星期四']);
    expect(await texts(page, 'main .item-title')).toEqual([
      '老旧小区改造全面启动',
      '夜市经济添活力',
      '图片新闻假日里的图书馆',
    ]);
    expect(await texts(page, '.ways-in li > a')).toEqual([
      '往期回顾',
      '记者',
      '历史上的今天',
      '搜索',
    ]);
    expect(await page.getAttribute('.search-box', 'action')).toBe('/archive/search/');

    await follow(page, '.site-nav >> text=往期回顾', `${site.url}calendar/`);
    expect(await texts(page, 'main h2')).toEqual([
      '2023年 2 期，5 篇',
      '2024年 3 期，8 篇',
      '日期不详的版面',
    ]);
    expect(await texts(page, '.month-list a')).toEqual([
      '5月1 期，4 篇',
      '11月1 期，1 篇',
      '2月1 期，1 篇',
      '5月2 期，7 篇',
    ]);

    await follow(page, 'a[href="/archive/calendar/2024/05/"]', `${site.url}calendar/2024/05/`);
    expect(await texts(page, 'main h1')).toEqual(['2024年5月 往期回顾']);
    expect(await texts(page, '.month-grid th')).toEqual(['一', '二', '三', '四', '五', '六', '日']);
    expect(await texts(page, '.month-grid tbody tr:first-child td')).toEqual([
      '',
      '',
      '12 篇',
      '25 篇',
      '3',
      '4',
      '5',
    ]);
    expect(await page.getAttribute('.month-grid a >> nth=1', 'aria-label')).toBe(
      '2024年5月2日，5 篇',
    );

    await follow(page, '.month-grid a >> nth=1', `${site.url}2024-05-02/`);
    expect(await texts(page, 'main h1')).toEqual(['2024年5月2日星期四']);
    expect(await texts(page, '.issue-page h2')).toEqual([
      '第01版 要闻',
      '第02版 经济',
      '第03版 副刊',
    ]);
    expect(await texts(page, '#p02 .item-title')).toEqual([
      '小微企业贷款增长两成',
      '农产品直播带货走红',
    ]);
    expect(await texts(page, '.prev-next a')).toEqual([
      '上一期2024年5月1日',
      '下一期日期不详（scan-a）',
    ]);

    await follow(page, '.issue-page h2 >> text=第01版 要闻', `${site.url}2024-05-02/01/`);
    expect(await texts(page, 'main h1')).toEqual(['第01版 要闻2024年5月2日星期四']);
    expect(await texts(page, '.item-list .kicker')).toEqual(['聚焦民生实事']);
    expect(await texts(page, '.item-list .subtitle')).toEqual(['——今年计划完成十二个小区']);
    expect(await texts(page, '.prev-next a')).toEqual(['下一版第02版 经济']);
    const record = JSON.parse(await readFile(join(fixture, '2024-05-02/01/page.json'), 'utf8')) as {
      text: string;
    };
    expect(await page.textContent('#raw pre')).toBe(record.text);

    await follow(page, '.item-list >> text=老旧小区改造全面启动', `${site.url}2024-05-02/01/01/`);
    expect(await texts(page, '.breadcrumbs li')).toEqual([
      '首页',
      '2024年5月2日',
      '第01版 要闻',
      '老旧小区改造全面启动',
    ]);
    expect(await texts(page, '.article-meta span')).toEqual(['2024年5月2日星期四', '第01版 要闻']);
    expect(await texts(page, 'article .kicker')).toEqual(['聚焦民生实事']);
    expect(await texts(page, 'article h1')).toEqual(['老旧小区改造全面启动']);
    expect(await texts(page, 'article .subtitle')).toEqual(['——今年计划完成十二个小区']);
    expect(await texts(page, 'article .byline')).toEqual(['记者 陈静 李华']);
    expect(await texts(page, 'article .article-body p')).toEqual([
      '本报讯 1日，全市老旧小区改造工程全面启动。',
      '改造内容包括屋面防水、管网更新和加装电梯。',
      '工程预计年底前完工。',
    ]);
    expect(await texts(page, '.citation-text')).toEqual([
      '陈静, 李华. 老旧小区改造全面启动[N]. 示例日报, 2024-05-02(01).',
    ]);
    expect(await page.getAttribute('.article-links a >> text=查看本版原始文字', 'href')).toBe(
      '/archive/2024-05-02/01/#raw',
    );
    // Only the article is indexed for search: the element holding kicker to body, nothing else.
    expect(await page.locator('[data-pagefind-body]').count()).toBe(1);
    expect(await page.getAttribute('[data-pagefind-body]', 'class')).toBe('article');
    expect(await page.getAttribute('link[rel=canonical]', 'href')).toBe(
      'https://example.org/archive/2024-05-02/01/01/',
    );
    const ld = JSON.parse(
      (await page.textContent('script[type="application/ld+json"]')) ?? '',
    ) as Record<string, unknown>;
    expect([ld['@type'], ld['headline'], ld['datePublished'], ld['printSection']]).toEqual([
      'NewsArticle',
      '老旧小区改造全面启动',
      '2024-05-02',
      '要闻',
    ]);

    await follow(page, '.prev-next a.next', `${site.url}2024-05-02/01/02/`);
    expect(await texts(page, 'article h1')).toEqual(['夜市经济添活力']);
    expect(await texts(page, '.prev-next a')).toEqual([
      '上一篇老旧小区改造全面启动',
      '下一篇假日里的图书馆',
    ]);

    await follow(page, 'article .byline a >> text=王小明', `${site.url}reporters/王小明/`);
    expect(await texts(page, 'main h1')).toEqual(['王小明的稿件']);
    expect(await texts(page, 'main h2')).toEqual(['2024年', '2023年']);
    expect(await texts(page, 'nav[aria-label="按年份"] a')).toEqual(['2024年 2 篇', '2023年 2 篇']);
    expect(await page.getAttribute('nav[aria-label="按年份"] a >> nth=1', 'href')).toBe('#y-2023');
    expect(await texts(page, '.item-title a')).toEqual([
      '夜市经济添活力',
      '城南社区植树忙',
      '全市供暖设施完成检修',
      '城区景点迎来客流高峰',
    ]);
    expect(await texts(page, '.item-meta >> nth=0')).toEqual(['2024年5月2日第01版 要闻']);
    expect(problems).toEqual([]);
  });

  test('should show article text as printed, without smart punctuation', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}2024-05-01/01/01/`);
    expect(await texts(page, '.article-body p')).toEqual([
      '本报讯 30日，城南社区举办春季植树活动。',
      '居民们分组栽下香樟、桂花等树苗一百余株。',
      '志愿者说："种树--要趁早..."',
    ]);
    await page.close();
  });

  test('should show a photo as photo news and an undated item under its undated issue', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}2024-05-02/01/03/`);
    expect(await page.getAttribute('article', 'class')).toBe('article photo-news');
    expect(await texts(page, '.article-meta .badge')).toEqual(['图片新闻']);
    expect(await texts(page, 'article .byline')).toEqual(['记者 赵一鸣 摄']);
    await page.goto(`${site.url}undated/scan-a/01/`);
    expect(await texts(page, '.article-meta span')).toEqual(['日期不详（scan-a）', '第01版']);
    expect(await page.locator('[data-pagefind-body]').count()).toBe(1);
    await page.close();
  });

  test('should list the items of a month and day across years, newest first', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}on-this-day/05-01/`);
    expect(await texts(page, 'main h1')).toEqual(['历史上的今天：5月1日']);
    expect(await texts(page, 'main h2')).toEqual(['2024年5月1日星期三', '2023年5月1日星期一']);
    expect(await texts(page, '.item-title a')).toEqual([
      '城南社区植树忙',
      '田间麦浪',
      '城区景点迎来客流高峰',
      '新建公交线路今日开通',
      '劳动者之歌',
      '社区图书室上新书',
    ]);
    await page.close();
  });
});

describe('for machines', () => {
  const get = async (path: string) => {
    const response = await fetch(site.url + path);
    expect(response.status, path).toBe(200);
    return response.text();
  };

  test('should publish a feed of recent issues with absolute links under the base', async () => {
    const xml = await get('rss.xml');
    expect(
      [...xml.matchAll(/<item><title>([^<]+)<\/title><link>([^<]+)</g)].map((m) => [m[1], m[2]]),
    ).toEqual([
      ['2024年5月2日星期四，共 3 版 5 篇', 'https://example.org/archive/2024-05-02/'],
      ['2024年5月1日星期三，共 1 版 2 篇', 'https://example.org/archive/2024-05-01/'],
      ['2024年2月29日星期四，共 1 版 1 篇', 'https://example.org/archive/2024-02-29/'],
      ['2023年11月21日星期二，共 1 版 1 篇', 'https://example.org/archive/2023-11-21/'],
      ['2023年5月1日星期一，共 2 版 4 篇', 'https://example.org/archive/2023-05-01/'],
    ]);
    expect(xml).toContain('<link>https://example.org/archive/</link>');
  });

  test('should export each issue as JSON and every item as JSON Lines', async () => {
    const issues = JSON.parse(await get('data/issues.json')) as {
      issues: Record<string, unknown>[];
    };
    expect(issues.issues.map((i) => [i['key'], i['items'], i['json']])).toEqual([
      ['2023-05-01', 4, 'https://example.org/archive/data/2023-05-01.json'],
      ['2023-11-21', 1, 'https://example.org/archive/data/2023-11-21.json'],
      ['2024-02-29', 1, 'https://example.org/archive/data/2024-02-29.json'],
      ['2024-05-01', 2, 'https://example.org/archive/data/2024-05-01.json'],
      ['2024-05-02', 5, 'https://example.org/archive/data/2024-05-02.json'],
      ['undated/scan-a', 1, 'https://example.org/archive/data/undated/scan-a.json'],
    ]);
    const issue = JSON.parse(await get('data/2024-05-02.json')) as {
      pages: {
        page: number;
        pageName: string;
        items: { id: string; title: string; body: string }[];
      }[];
    };
    expect(issue.pages.map((p) => [p.page, p.pageName, p.items.map((i) => i.id)])).toEqual([
      [1, '要闻', ['2024-05-02/01/01', '2024-05-02/01/02', '2024-05-02/01/03']],
      [2, '经济', ['2024-05-02/02/01', '2024-05-02/02/02']],
      [3, '副刊', []],
    ]);
    expect(issue.pages[1]?.items[0]?.body).toBe(
      '本报讯 记者从人民银行获悉，一季度全市小微企业贷款余额同比增长两成。',
    );
    const lines = (await get('data/items.jsonl')).trimEnd().split('\n');
    expect(lines.length).toBe(14);
    const last = JSON.parse(lines.at(-1) ?? '') as Record<string, unknown>;
    expect([last['id'], last['url'], last['date'], last['title']]).toEqual([
      'undated/scan-a/01',
      'https://example.org/archive/undated/scan-a/01/',
      null,
      '旧报残页上的通知',
    ]);
  });

  test("should list the exports on the footer's data page, each year's items a file of its own", async () => {
    const problems: string[] = [];
    const page = await openPage(browser, problems);
    await page.goto(site.url);
    await follow(page, 'footer a:text-is("数据下载")', `${site.url}data/`);
    expect(await page.title()).toBe('数据下载 · 永康日报');
    const entries = await page
      .locator('main section li')
      .evaluateAll((items) =>
        items.map((li) => [
          li.querySelector('a')?.getAttribute('href'),
          li.textContent.replace(/\s+/g, ' ').trim(),
        ]),
      );
    expect(entries).toEqual([
      ['/archive/data/items/2023.jsonl', '2023年稿件 2 期，5 篇'],
      ['/archive/data/items/2024.jsonl', '2024年稿件 3 期，8 篇'],
      ['/archive/data/items/undated.jsonl', '日期不详的稿件 1 期，1 篇'],
      [
        '/archive/data/items.jsonl',
        '全部稿件（JSON Lines）档案的全部 14 篇稿件合为一个文件（以上各年的文件依次相连）。',
      ],
      [
        '/archive/data/issues.json',
        '各期清单（JSON）全部 6 期的日期、版数和稿件数，以及每期 JSON 文件的地址（该期各版及其稿件）。',
      ],
    ]);
    await page.close();
    expect(problems).toEqual([]);

    const years = ['2023', '2024', 'undated'];
    const files = await Promise.all(years.map((year) => get(`data/items/${year}.jsonl`)));
    const ids = files.map((file) =>
      file
        .trimEnd()
        .split('\n')
        .map((line) => (JSON.parse(line) as { id: string }).id),
    );
    expect(ids.map((list, i) => list.every((id) => id.startsWith(`${years[i]}`)))).toEqual([
      true,
      true,
      true,
    ]);
    expect(ids.map((list) => list.length)).toEqual([5, 8, 1]);
    expect(files.join('')).toBe(await get('data/items.jsonl'));
  });

  test('should describe the search for browsers and list every page in the sitemap', async () => {
    expect(await get('opensearch.xml')).toContain(
      'template="https://example.org/archive/search/?q={searchTerms}"',
    );
    const sitemap = await get('sitemap-0.xml');
    const urls = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(urls).toContain('https://example.org/archive/2024-05-02/01/03/');
    expect(urls).toContain('https://example.org/archive/undated/scan-a/');
    expect(urls.filter((u) => u?.includes('/search/') === true || u?.includes('404'))).toEqual([]);
    // Every HTML page but the search page and the 404 page.
    expect(urls.length).toBe(45);
  });
});

describe('quality', () => {
  test('should have no axe-core violations on any page type, light and dark', async () => {
    const found: string[] = [];
    for (const scheme of ['light', 'dark'] as const) {
      const page = await browser.newPage({ colorScheme: scheme });
      for (const [type, path] of Object.entries(pageTypes)) {
        await page.goto(site.url + path);
        for (const v of await axeViolations(page)) found.push(`${scheme} ${type}: ${v}`);
      }
      await page.close();
    }
    expect(found).toEqual([]);
  });

  test('should leave no broken internal link or asset under the base path', async () => {
    const report = await checkLinks(site.outDir, BASE, 'https://example.org');
    expect(report.broken).toEqual([]);
    expect(report.pages).toBe(47);
    expect(report.checked).toBeGreaterThan(1000);
  });

  test('should report a broken link and a missing anchor', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'folio-links-'));
    await mkdir(join(dir, 'a'));
    await writeFile(
      join(dir, 'index.html'),
      '<a href="/archive/a/">ok</a><a href="/archive/b/">missing</a><a href="/c/">outside</a>' +
        '<a href="/archive/a/#x">no anchor</a><img src="logo.png"><a href="https://elsewhere.org/">x</a>',
    );
    await writeFile(join(dir, 'a/index.html'), '<p id="y">a</p>');
    const report = await checkLinks(dir, BASE, 'https://example.org');
    expect([...report.broken].sort()).toEqual([
      'index.html: /archive/a/#x → no element #x',
      'index.html: /archive/b/ → no b/index.html',
      'index.html: /c/ → outside the base path /archive/',
      'index.html: logo.png → no file logo.png',
    ]);
  });

  test('should read without script', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}2024-05-02/01/01/`);
    expect(await page.locator('article h1').isVisible()).toBe(true);
    expect(await texts(page, 'article .article-body p >> nth=0')).toEqual([
      '本报讯 1日，全市老旧小区改造工程全面启动。',
    ]);
    await page.goto(`${site.url}calendar/2024/05/`);
    expect(await page.locator('.month-grid a').count()).toBe(2);
    await context.close();
  });

  test('should reach the content by keyboard with a visible focus ring', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}2024-05-02/`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('跳到正文');
    // The skip link comes on screen when focused.
    const box = await page.locator('.skip-link').boundingBox();
    expect(box !== null && box.y >= 0).toBe(true);
    // Past the skip link, the next stop is the first link of the content: the breadcrumbs.
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('nav')?.className)).toBe(
      'breadcrumbs',
    );
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('首页');
    const outline = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement as Element);
      return `${style.outlineStyle} ${style.outlineWidth}`;
    });
    expect(outline).toBe('solid 3px');
    await page.close();
  });

  test('should take screenshots of every page type at 360 px and 1280 px', async () => {
    await mkdir(screenshots, { recursive: true });
    for (const width of [360, 1280]) {
      const page = await browser.newPage({ viewport: { width, height: 800 } });
      for (const [type, path] of Object.entries(pageTypes)) {
        await page.goto(site.url + path);
        // Nothing may scroll sideways on a phone.
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(`${type} ${width}: ${overflow}`).toBe(`${type} ${width}: 0`);
        await page.screenshot({ path: join(screenshots, `${type}-${width}.png`), fullPage: true });
      }
      await page.close();
    }
    const dark = await browser.newPage({
      viewport: { width: 1280, height: 800 },
      colorScheme: 'dark',
    });
    await dark.goto(`${site.url}2024-05-02/01/01/`);
    await dark.screenshot({ path: join(screenshots, 'article-dark-1280.png'), fullPage: true });
    await dark.emulateMedia({ media: 'print', colorScheme: 'light' });
    await dark.screenshot({ path: join(screenshots, 'article-print-1280.png'), fullPage: true });
    await dark.close();
  });
});
