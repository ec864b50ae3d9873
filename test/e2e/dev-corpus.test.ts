/**
 * The reader site over a real archive: `../shared/corpus/dev` converted at test time with
 * `folio ingest`, built under /archive/, and walked as a reader would. What each page must show
 * is read from the converted content itself, so the walk holds whatever the recogniser makes
 * of the pages. The corpus texts stay outside the repository.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { existsSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { promisify, stripVTControlCharacters } from 'node:util';
import { parse as parseYaml } from 'yaml';
import type { Browser, Page } from 'playwright-core';
import {
  buildEnvironment,
  buildFixture,
  convertFixture,
  follow,
  launchBrowser,
  openPage,
  projectRoot,
  serve,
  type Site,
} from './harness.ts';
import { axeViolations } from './axe.ts';
import { checkLinks } from './link-check.ts';

const run = promisify(execFile);
const BASE = '/archive/';
const corpus = join(projectRoot, '../shared/corpus/dev/raw');

interface Front {
  date: string | null;
  page: number;
  pageName: string | null;
  kind: string;
  order: number;
  kicker: string | null;
  title: string;
  subtitle: string | null;
  byline: string | null;
  authors: string[];
}
interface Entry {
  id: string;
  front: Front;
  body: string;
}

let site: Site;
let browser: Browser;
let contentDir: string;
let entries: Entry[];

async function readContent(dir: string): Promise<Entry[]> {
  const files = (await readdir(dir, { recursive: true })).filter((f) => /\d+\.md$/.test(f));
  const read = await Promise.all(
    files.map(async (file) => {
      const text = await readFile(join(dir, file), 'utf8');
      const [, yaml = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text) ?? [];
      return {
        id: file.split(sep).join('/').replace(/\.md$/, ''),
        front: parseYaml(yaml) as Front,
        body: body.trim(),
      };
    }),
  );
  return read.sort((a, b) => (a.id < b.id ? -1 : 1));
}

beforeAll(async () => {
  if (!existsSync(corpus)) throw new Error(`${corpus}: the dev corpus is needed beside the repo`);
  contentDir = await convertFixture(corpus);
  entries = await readContent(contentDir);
  site = await serve(await buildFixture(contentDir, { FOLIO_BASE: BASE }), BASE);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
  await site.close();
});

const texts = (page: Page, selector: string) => page.locator(selector).allTextContents();
const fullDate = new Intl.DateTimeFormat('zh-CN', {
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  weekday: 'long',
  timeZone: 'UTC',
});
const formatDate = (date: string) => fullDate.format(new Date(`${date}T00:00:00Z`));
const pageLabel = (n: number, name: string | null) =>
  `第${String(n).padStart(2, '0')}版${name === null ? '' : ` ${name}`}`;
/** Body paragraphs as the page shows them: Markdown paragraphs, escapes undone. */
const paragraphs = (body: string) =>
  body
    .split(/\n{2,}/)
    .map((p) => p.replace(/\\(.)/g, '$1').replace(/\n/g, ''))
    .filter((p) => p !== '');

test('should walk the converted dev corpus: home → calendar → issue → page → article → next → reporter', async () => {
  const problems: string[] = [];
  const page = await openPage(browser, problems);
  const dated = entries.filter((e) => e.front.date !== null);
  const dates = [...new Set(dated.map((e) => e.front.date ?? ''))].sort();
  const latest = dates.at(-1) ?? '';
  const inIssue = (date: string) =>
    dated
      .filter((e) => e.front.date === date)
      .sort((a, b) => a.front.page - b.front.page || a.front.order - b.front.order);
  const issueItems = inIssue(latest);
  const firstPage = issueItems[0]?.front.page;
  const frontPage = issueItems.filter((e) => e.front.page === firstPage);

  await page.goto(site.url);
  expect(await texts(page, 'main h1')).toEqual([`最新一期 ${formatDate(latest)}`]);
  expect(await texts(page, 'main .item-title a')).toEqual(frontPage.map((e) => e.front.title));

  await follow(page, '.site-nav >> text=往期回顾', `${site.url}calendar/`);
  const [year, month] = latest.split('-');
  const monthPath = `calendar/${year ?? ''}/${month ?? ''}/`;
  await follow(page, `a[href="${BASE}${monthPath}"]`, site.url + monthPath);
  const inMonth = dates.filter((d) => d.startsWith(`${year ?? ''}-${month ?? ''}`));
  expect(await page.locator('.month-grid a').count()).toBe(inMonth.length);

  await follow(page, `.month-grid a[href="${BASE}${latest}/"]`, `${site.url}${latest}/`);
  expect(await texts(page, 'main h1')).toEqual([formatDate(latest)]);
  const pages = [...new Map(issueItems.map((e) => [e.front.page, e.front])).values()];
  const records = await Promise.all(
    pages.map(async (p) => {
      const file = join(contentDir, latest, String(p.page).padStart(2, '0'), 'page.json');
      return JSON.parse(await readFile(file, 'utf8')) as { pageName: string | null; text: string };
    }),
  );
  expect(await texts(page, '.issue-page h2')).toEqual(
    pages.map((p, i) => pageLabel(p.page, records[i]?.pageName ?? null)),
  );

  const nn = String(firstPage).padStart(2, '0');
  await follow(page, '.issue-page h2 a >> nth=0', `${site.url}${latest}/${nn}/`);
  expect(await texts(page, '.item-title a')).toEqual(frontPage.map((e) => e.front.title));
  expect(await page.textContent('#raw pre')).toBe(records[0]?.text);

  const first = frontPage[0];
  if (first === undefined) throw new Error(`${latest}: no items on the front page`);
  await follow(page, '.item-title a >> nth=0', `${site.url}${first.id}/`);
  expect(await texts(page, 'article h1')).toEqual([first.front.title]);
  expect(await texts(page, 'article .kicker')).toEqual(
    first.front.kicker === null ? [] : [first.front.kicker],
  );
  expect(await texts(page, 'article .subtitle')).toEqual(
    first.front.subtitle === null ? [] : [first.front.subtitle],
  );
  expect(await texts(page, 'article .byline')).toEqual(
    first.front.byline === null ? [] : [first.front.byline],
  );
  expect(await texts(page, 'article .article-body p')).toEqual(paragraphs(first.body));
  expect(await page.locator('[data-pagefind-body]').count()).toBe(1);

  // Next in the issue, across pages when the front page has one item.
  const next = issueItems[1];
  if (next === undefined) {
    expect(await page.locator('.prev-next a.next').count()).toBe(0);
  } else {
    await follow(page, '.prev-next a.next', `${site.url}${next.id}/`);
    expect(await texts(page, 'article h1')).toEqual([next.front.title]);
  }

  const reporters = [...new Set(entries.flatMap((e) => e.front.authors))];
  const bylined = entries.find((e) => e.front.authors.length > 0);
  if (bylined === undefined) {
    await follow(page, '.site-nav >> text=记者', `${site.url}reporters/`);
    expect(await texts(page, 'main p >> nth=0')).toEqual([
      `共 ${reporters.length} 位记者、通讯员和作者。`,
    ]);
  } else {
    const name = bylined.front.authors[0] ?? '';
    await page.goto(`${site.url}${bylined.id}/`);
    await follow(page, `article .byline a >> text=${name}`, `${site.url}reporters/${name}/`);
    expect(await texts(page, 'main h1')).toEqual([`${name}的稿件`]);
    const theirs = entries.filter((e) => e.front.authors.includes(name));
    expect(await page.locator('.item-title a').count()).toBe(theirs.length);
  }
  expect(problems).toEqual([]);
});

test('should pass axe and the link check on the dev corpus site, and report its pages by type', async () => {
  const report = await checkLinks(site.outDir, BASE, 'https://example.org');
  expect(report.broken).toEqual([]);

  const html = (await readdir(site.outDir, { recursive: true }))
    .filter((f) => f.endsWith('.html'))
    .map((f) => f.split(sep).join('/'));
  const types: Record<string, RegExp> = {
    home: /^index\.html$/,
    issue: /^\d{4}-\d{2}-\d{2}\/index\.html$/,
    page: /^(\d{4}-\d{2}-\d{2}\/\d{2,3}|undated\/[^/]+)\/index\.html$/,
    article: /^(\d{4}-\d{2}-\d{2}\/\d{2,3}|undated\/[^/]+)\/\d{2,3}\/index\.html$/,
    calendar: /^calendar\//,
    reporters: /^reporters\//,
    'on-this-day': /^on-this-day\//,
    other: /^(404\.html|search\/index\.html|data\/index\.html)$/,
  };
  const counts = Object.fromEntries(
    Object.entries(types).map(([type, pattern]) => [
      type,
      html.filter((f) => pattern.test(f)).length,
    ]),
  );
  console.log(
    `dev corpus site: ${html.length} HTML pages ${JSON.stringify(counts)}; ` +
      `link check: ${report.checked} references, ${report.broken.length} broken`,
  );
  expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(html.length);
  expect(counts['article']).toBe(entries.length);

  const found: string[] = [];
  const page = await browser.newPage();
  const sample = entries[0]?.id ?? '';
  const samplePage = sample.split('/').slice(0, -1).join('/');
  const date = sample.split('/')[0] ?? '';
  for (const path of [
    '',
    'calendar/',
    `calendar/${date.slice(0, 4)}/${date.slice(5, 7)}/`,
    `${date}/`,
    `${samplePage}/`,
    `${sample}/`,
    'reporters/',
    'on-this-day/',
    `on-this-day/${date.slice(5)}/`,
  ]) {
    await page.goto(site.url + path);
    expect(await page.title()).not.toBe('');
    for (const v of await axeViolations(page)) found.push(`${path}: ${v}`);
  }
  await page.close();
  expect(found).toEqual([]);
});

test('should take screenshots of the dev corpus site at 360 px and 1280 px', async () => {
  const dir = join(projectRoot, '.tmp/screenshots');
  await mkdir(dir, { recursive: true });
  const article =
    entries.find((e) => e.front.kicker !== null && e.front.subtitle !== null) ?? entries[0];
  const photo = entries.find((e) => e.front.kind === 'photo');
  const issue = article?.id.split('/')[0] ?? '';
  const paths: Record<string, string> = {
    home: '',
    issue: `${issue}/`,
    page: `${article?.id.split('/').slice(0, 2).join('/') ?? ''}/`,
    article: `${article?.id ?? ''}/`,
    ...(photo === undefined ? {} : { photo: `${photo.id}/` }),
    reporters: 'reporters/',
  };
  for (const width of [360, 1280]) {
    const page = await browser.newPage({ viewport: { width, height: 800 } });
    for (const [name, path] of Object.entries(paths)) {
      await page.goto(site.url + path);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(`${name} ${width}: ${overflow}`).toBe(`${name} ${width}: 0`);
      await page.screenshot({ path: join(dir, `dev-${name}-${width}.png`), fullPage: true });
    }
    await page.close();
  }
});

test('should index the articles from their content entries before the pages, each page reading as its entry did', async () => {
  // Astro's own command, whose log says how the index was made (`folio build` logs warnings only).
  const outDir = await mkdtemp(join(tmpdir(), 'folio-e2e-'));
  const cache = await mkdtemp(join(tmpdir(), 'folio-e2e-cache-'));
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      [join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build'],
      {
        cwd: projectRoot,
        env: {
          ...buildEnvironment(),
          FOLIO_CONTENT: contentDir,
          FOLIO_OUT: outDir,
          FOLIO_CACHE: cache,
          FOLIO_BASE: BASE,
        },
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    const log = stripVTControlCharacters(`${stdout}${stderr}`);
    expect(log).not.toContain('indexing from disk');
    const n = entries.length;
    expect(log).toMatch(
      new RegExp(
        `indexed ${n} articles of \\d+ pages in \\d+ shards \\(\\d+ indexed, 0 reused; ` +
          `${n} articles from their content entries\\)`,
      ),
    );
  } finally {
    await rm(outDir, { recursive: true, force: true });
    await rm(cache, { recursive: true, force: true });
  }
});
