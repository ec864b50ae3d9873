/**
 * Incremental builds end to end: the fixture archive is built, changed (an issue added, a title
 * corrected) and built again into the same directory with the same cache. The rebuilt site must
 * be byte for byte the site a clean build of the same content writes, and the rebuild must have
 * rendered only the pages that show what changed, and indexed only the search shards that did.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { execFile } from 'node:child_process';
import { cp, lstat, mkdir, mkdtemp, readFile, readlink, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { buildEnvironment, projectRoot } from './harness.ts';
import { differences, readSite } from './site-diff.ts';
import { PAGE_COPIES } from '../../src/site/output-dir.ts';

const run = promisify(execFile);
const ASTRO = join(projectRoot, 'node_modules/astro/bin/astro.mjs');

/** Pages of routes without `getStaticPaths()`: rendered by every build. */
const ALWAYS = [
  '/404.html',
  '/calendar/index.html',
  '/data/index.html',
  '/data/issues.json',
  '/data/items.jsonl',
  '/index.html',
  '/on-this-day/index.html',
  '/opensearch.xml',
  '/reporters/index.html',
  '/rss.xml',
  '/search/index.html',
];

/**
 * Every page and endpoint file of a built site, as Astro's log names them (`/2024-05-02/index.html`):
 * what a build with nothing to reuse renders. Not the search index, Astro's assets, the sitemap
 * or `public/` files.
 */
function pagesOf(site: Map<string, Buffer>): string[] {
  return [...site.keys()]
    .filter((path) => !/^(pagefind|_astro)\/|^sitemap-.*\.xml$|^favicon\.svg$/.test(path))
    .map((path) => `/${path}`)
    .sort();
}

interface BuildLog {
  /** Pages rendered, sorted. */
  rendered: string[];
  /** Pages copied from the last build. */
  reused: number;
  /** The search indexer's line: shards indexed and reused. */
  search: string;
  /** Articles the index took from their content entries, before the pages. */
  fromEntries: number;
  /** Files of the last build that this one no longer writes, removed. */
  removed: number;
  /** Pages no longer built, removed by Astro as its cached copies (linked to the output). */
  pruned: number;
  /** Whether the output directory was emptied first (not left by a finished build). */
  emptied: boolean;
}

let work: string;
let content: string;

/**
 * Builds `content` as `folio build --content` does, with Astro's log at info level so that it
 * names each page and whether it was rendered or reused.
 */
async function build(outDir: string, cacheDir: string, concurrency = '1'): Promise<BuildLog> {
  const { stdout } = await run(process.execPath, [ASTRO, 'build', '--outDir', outDir], {
    cwd: projectRoot,
    env: {
      ...buildEnvironment(),
      FOLIO_CONTENT: content,
      FOLIO_CACHE: cacheDir,
      // One page at a time: with several, Astro's log lines of different pages interleave and
      // a page's outcome cannot be told from the log.
      FOLIO_RENDER_CONCURRENCY: concurrency,
      NO_COLOR: '1',
    },
    maxBuffer: 64 * 1024 * 1024,
  });
  // eslint-disable-next-line no-control-regex
  const lines = stdout.replace(/\x1b\[[0-9;]*m/g, '').split('\n');
  const rendered: string[] = [];
  let reused = 0;
  for (const line of lines) {
    const page = /├─ (\S+) \((restored|cached|\+[^)]*)\)/.exec(line);
    if (page === null) continue;
    if (page[2]?.startsWith('+')) rendered.push(page[1] ?? '');
    else reused++;
  }
  const index =
    /\((\d+ indexed, \d+ reused)(?:; (\d+) articles from their content entries)?\)/.exec(stdout);
  const search = index?.[1] ?? '';
  const fromEntries = Number(index?.[2] ?? 0);
  const removed = Number(/removed (\d+) files the last build left/.exec(stdout)?.[1] ?? 0);
  const pruned = Number(/Pruned (\d+) stale file/.exec(stdout)?.[1] ?? 0);
  const emptied = stdout.includes('not written by the last build; emptied');
  return { rendered: rendered.sort(), reused, search, fromEntries, removed, pruned, emptied };
}

/** What a clean build of the current content writes: a new output and cache directory. */
async function cleanBuild(name: string): Promise<Map<string, Buffer>> {
  const outDir = join(work, `clean-${name}`);
  // As a build of its own runs: several pages at once, indexed as they are rendered.
  await build(outDir, join(work, `clean-${name}-cache`), '4');
  return readSite(outDir);
}

function item(date: string, order: number, title: string, author: string): string {
  return `---
paper: '示例日报'
date: '${date}'
page: 1
pageName: '要闻'
kind: 'article'
order: ${order}
kicker: null
title: '${title}'
subtitle: null
byline: '记者 ${author}'
authors:
  - ${author}
source: '${date}/01.txt'
---

本报讯 ${title}。
`;
}

describe('incremental build', () => {
  const outDir = () => join(work, 'dist');
  const cacheDir = () => join(work, 'cache');
  let first: Map<string, Buffer>;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'folio-incremental-'));
    content = join(work, 'content');
    await cp(join(projectRoot, 'test/fixtures/site'), content, { recursive: true });
    const log = await build(outDir(), cacheDir());
    expect(log.reused).toBe(0);
    expect(log.search).toBe('3 indexed, 0 reused');
    // A first build: its index starts from the fixture's 14 item entries, before the pages.
    expect(log.fromEntries).toBe(14);
    first = await readSite(outDir());
  });

  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  test('should reuse every page and shard when nothing changed, and write the same site', async () => {
    const log = await build(outDir(), cacheDir());
    expect(log.rendered).toEqual(ALWAYS);
    expect(log.reused).toBe(49);
    expect(log.search).toBe('0 indexed, 3 reused');
    expect(log.fromEntries).toBe(0);
    expect(differences(first, await readSite(outDir()))).toEqual([]);
  });

  test('should render only the pages that show a new issue, and equal a clean build', async () => {
    await mkdir(join(content, '2024-05-03/01'), { recursive: true });
    const page = JSON.parse(
      await readFile(join(content, '2024-05-01/01/page.json'), 'utf8'),
    ) as Record<string, unknown>;
    await writeFile(
      join(content, '2024-05-03/01/page.json'),
      JSON.stringify({ ...page, date: '2024-05-03', source: '2024-05-03/01.txt' }),
    );
    await writeFile(
      join(content, '2024-05-03/01/01.md'),
      item('2024-05-03', 1, '夏粮收购开始', '王小明'),
    );
    await writeFile(
      join(content, '2024-05-03/01/02.md'),
      item('2024-05-03', 2, '新馆开放', '孙悦'),
    );

    const log = await build(outDir(), cacheDir());
    expect(log.rendered).toEqual(
      [
        ...ALWAYS,
        // The new issue, its page, its items, its JSON, its year's items.
        '/2024-05-03/index.html',
        '/2024-05-03/01/index.html',
        '/2024-05-03/01/01/index.html',
        '/2024-05-03/01/02/index.html',
        '/data/2024-05-03.json',
        '/data/items/2024.jsonl',
        // The issue before it now links to it; its month, its reporters, its day list it.
        '/2024-05-02/index.html',
        '/calendar/2024/05/index.html',
        '/reporters/王小明/index.html',
        '/reporters/孙悦/index.html',
        '/on-this-day/05-03/index.html',
      ].sort(),
    );
    // Of the 49 pages of the last build, the four above that exist already are rendered again.
    expect(log.reused).toBe(49 - 4);
    // 2024 is indexed again; 2023 and the undated shard are copied.
    expect(log.search).toBe('1 indexed, 2 reused');
    expect(differences(await readSite(outDir()), await cleanBuild('issue'))).toEqual([]);
  });

  test('should render only the pages that show a corrected title, and equal a clean build', async () => {
    const file = join(content, '2023-05-01/01/02.md');
    const text = await readFile(file, 'utf8');
    expect(text).toContain("title: '新建公交线路今日开通'");
    await writeFile(file, text.replace('新建公交线路今日开通', '新建公交线路明日开通'));

    const log = await build(outDir(), cacheDir());
    expect(log.rendered).toEqual(
      [
        ...ALWAYS,
        // The item, and the items before and after it, which link to it by its title.
        '/2023-05-01/01/01/index.html',
        '/2023-05-01/01/02/index.html',
        '/2023-05-01/01/03/index.html',
        // Its page, its issue, the JSON, its year's items; its reporters and its day of
        // the year.
        '/2023-05-01/01/index.html',
        '/2023-05-01/index.html',
        '/data/2023-05-01.json',
        '/data/items/2023.jsonl',
        '/reporters/李华/index.html',
        '/reporters/陈静/index.html',
        '/on-this-day/05-01/index.html',
      ].sort(),
    );
    // 49 + 7 new pages, of which the ten above are rendered again.
    expect(log.reused).toBe(56 - 10);
    expect(log.search).toBe('1 indexed, 2 reused');
    expect(differences(await readSite(outDir()), await cleanBuild('title'))).toEqual([]);
  });

  test('should render only the page whose raw text was corrected, and equal a clean build', async () => {
    const file = join(content, '2023-05-01/01/page.json');
    const record = JSON.parse(await readFile(file, 'utf8')) as { text: string };
    const corrected = `${record.text}（校正）\n`;
    await writeFile(file, `${JSON.stringify({ ...record, text: corrected }, null, 2)}\n`);

    const log = await build(outDir(), cacheDir());
    // The text is shown on its page (版) only.
    expect(log.rendered).toEqual([...ALWAYS, '/2023-05-01/01/index.html'].sort());
    expect(log.reused).toBe(56 - 1);
    expect(log.search).toBe('0 indexed, 3 reused');
    const html = await readFile(join(outDir(), '2023-05-01/01/index.html'), 'utf8');
    expect(html).toContain('（校正）');
    expect(differences(await readSite(outDir()), await cleanBuild('raw text'))).toEqual([]);
  });

  test('should remove the page of a removed item, and equal a clean build', async () => {
    await rm(join(content, '2024-05-02/02/02.md'));
    const log = await build(outDir(), cacheDir());
    expect(log.rendered).toEqual(
      [
        ...ALWAYS,
        // The item before it, its page, its issue, the JSON and its year's items; its day
        // of the year and its month, which count the day's items.
        '/2024-05-02/02/01/index.html',
        '/calendar/2024/05/index.html',
        '/2024-05-02/02/index.html',
        '/2024-05-02/index.html',
        '/data/2024-05-02.json',
        '/data/items/2024.jsonl',
        '/on-this-day/05-02/index.html',
      ].sort(),
    );
    // Astro removes the copy it kept of the page, which is the page itself (output-dir.ts).
    expect([log.pruned, log.removed]).toEqual([1, 0]);
    const site = await readSite(outDir());
    expect(site.has('2024-05-02/02/02/index.html')).toBe(false);
    expect(differences(site, await cleanBuild('removed'))).toEqual([]);
  });

  test('should keep no copy of the pages in the cache, only a link to the output', async () => {
    expect(await readlink(join(cacheDir(), PAGE_COPIES))).toBe('../dist');
    expect((await lstat(join(cacheDir(), PAGE_COPIES))).isSymbolicLink()).toBe(true);
  });

  test('should empty an output directory the last build did not write, and render it anew', async () => {
    const other = join(work, 'other');
    await mkdir(other);
    await writeFile(join(other, 'left-over.html'), 'not part of the site');
    const log = await build(other, cacheDir());
    expect(log.emptied).toBe(true);
    // Astro finds no copy of a page to restore: its copies are the output's own pages.
    expect(log.reused).toBe(0);
    expect(log.rendered).toEqual(pagesOf(await readSite(outDir())));
    expect(log.rendered).toHaveLength(66);
    expect(log.search).toBe('0 indexed, 3 reused');
    expect(await readlink(join(cacheDir(), PAGE_COPIES))).toBe('../other');
    expect(differences(await readSite(other), await readSite(outDir()))).toEqual([]);
  });

  test('should empty the output directory when the build that wrote it did not finish', async () => {
    // Built into it again first: the last build wrote another directory.
    await build(outDir(), cacheDir());
    const site = await readSite(outDir());
    // As a build that failed half-way leaves it: started, not finished.
    await writeFile(
      join(cacheDir(), 'folio/output.json'),
      JSON.stringify({ outDir: outDir(), complete: false }),
    );
    await writeFile(join(outDir(), '2024-05-02/index.html'), 'half written');
    const log = await build(outDir(), cacheDir());
    expect(log.emptied).toBe(true);
    expect(log.reused).toBe(0);
    expect(log.rendered).toEqual(pagesOf(site));
    expect(differences(await readSite(outDir()), site)).toEqual([]);
  });
});
