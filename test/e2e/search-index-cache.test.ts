/**
 * The search index's reuse layer (index-cache.ts) on hand-written article pages (no Astro): after
 * a change, a rebuild with the cache indexes only the shards whose pages changed, copies the
 * others (or leaves them in place), and writes exactly the bundles a build without the cache
 * writes.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { indexArticles, type IndexReport } from '../../src/search/index-articles.ts';
import { IndexCache, indexerFingerprint } from '../../src/search/index-cache.ts';
import { articleIndexAttributes } from '../../src/search/attributes.ts';
import type { ItemData } from '../../src/archive/schema.ts';
import { projectRoot } from './harness.ts';

let work: string;
let fingerprint: string;

function html(date: string, order: number, title: string): string {
  const data: ItemData = {
    paper: '示例日报',
    date,
    page: 1,
    pageName: '要闻',
    kind: 'article',
    order,
    kicker: null,
    title,
    subtitle: null,
    byline: '记者 王小明',
    authors: ['王小明'],
    source: `${date}/01.txt`,
  };
  const attributes = Object.entries(articleIndexAttributes(data))
    .map(([k, v]) => `${k}="${v}"`)
    .join(' ');
  return `<!doctype html><html lang="zh-CN"><body><article ${attributes}><h1>${title}</h1><p>${date} 社区志愿者开展第${order}次垃圾分类宣传</p></article></body></html>`;
}

async function writeArticle(site: string, date: string, order: number, title: string) {
  const dir = join(site, date, '01', String(order).padStart(2, '0'));
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'index.html'), html(date, order, title));
}

/** Articles of each day; with parts of 3: 2022 → 2022 (3), 2022-2 (1); 2023 → 2023 (3), 2023-2 (2). */
const DAYS: [string, number][] = [
  ['2022-12-29', 2],
  ['2022-12-30', 2],
  ['2023-01-02', 2],
  ['2023-01-03', 2],
  ['2023-01-04', 1],
];

async function files(dir: string): Promise<Map<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const all = new Map<string, string>();
  for (const e of entries.filter((entry) => entry.isFile())) {
    const file = join(e.parentPath, e.name);
    all.set(relative(dir, file), (await readFile(file)).toString('base64'));
  }
  return all;
}

/** Indexes `site` as a build does: the previous bundles removed, the cache of the last build. */
async function rebuild(site: string, cacheDir: string): Promise<IndexReport> {
  await rm(join(site, 'pagefind'), { recursive: true, force: true });
  const cache = await IndexCache.open(cacheDir, fingerprint);
  return indexArticles({ siteDir: site, maxArticles: 3, cache });
}

/** The bundles a build without any cache writes for the same pages. */
async function clean(site: string): Promise<Map<string, string>> {
  const copy = await mkdtemp(join(work, 'clean-'));
  await cp(site, copy, { recursive: true });
  await rm(join(copy, 'pagefind'), { recursive: true, force: true });
  await indexArticles({ siteDir: copy, maxArticles: 3 });
  return files(join(copy, 'pagefind'));
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'folio-index-cache-'));
  fingerprint = await indexerFingerprint(projectRoot);
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('search index reuse', () => {
  let site: string;
  let cacheDir: string;

  beforeAll(async () => {
    site = join(work, 'site');
    cacheDir = join(work, 'cache');
    for (const [date, count] of DAYS) {
      for (let order = 1; order <= count; order++) {
        await writeArticle(site, date, order, `${date} 第${order}条`);
      }
    }
  });

  test('should index every shard at first, then copy them all when nothing changed', async () => {
    const first = await rebuild(site, cacheDir);
    expect(first).toMatchObject({ articles: 9, shards: 4, indexed: 4, reused: 0 });
    const bundles = await files(join(site, 'pagefind'));
    expect(await rebuild(site, cacheDir)).toMatchObject({ shards: 4, indexed: 0, reused: 4 });
    expect(await files(join(site, 'pagefind'))).toEqual(bundles);
    expect(bundles).toEqual(await clean(site));
  });

  test('should index only the newest shards when a day is added', async () => {
    await writeArticle(site, '2023-01-05', 1, '新的一天 第1条');
    await writeArticle(site, '2023-01-05', 2, '新的一天 第2条');
    // 2023-2 gains an article and 2023-3 begins: 2022, 2022-2 and 2023 are copied.
    expect(await rebuild(site, cacheDir)).toMatchObject({
      articles: 11,
      shards: 5,
      indexed: 2,
      reused: 3,
    });
    expect(await files(join(site, 'pagefind'))).toEqual(await clean(site));
  });

  test('should index only the shard of a corrected article', async () => {
    await writeArticle(site, '2022-12-30', 1, '更正后的标题');
    expect(await rebuild(site, cacheDir)).toMatchObject({ shards: 5, indexed: 1, reused: 4 });
    expect(await files(join(site, 'pagefind'))).toEqual(await clean(site));
  });

  test('should index the shards whose pages move when an article is removed', async () => {
    await rm(join(site, '2023-01-02/01/02'), { recursive: true });
    // 2023 and 2023-2 each take the next article in; 2023-3 is left empty; 2022's are unchanged.
    expect(await rebuild(site, cacheDir)).toMatchObject({
      articles: 10,
      shards: 4,
      indexed: 2,
      reused: 2,
    });
    expect(await files(join(site, 'pagefind'))).toEqual(await clean(site));
  });

  test('should leave unchanged bundles in place, and remove those of shards that are gone', async () => {
    const entry = join(site, 'pagefind/2023/pagefind-entry.json');
    const { mtimeMs } = await stat(entry);
    await rm(join(site, '2022-12-30'), { recursive: true });
    // Without the pagefind/ directory removed, as a build into the same directory runs:
    // 2022 holds two articles now and 2022-2 is gone; 2023 and 2023-2 stay where they are.
    const cache = await IndexCache.open(cacheDir, fingerprint);
    expect(await indexArticles({ siteDir: site, maxArticles: 3, cache })).toMatchObject({
      articles: 8,
      shards: 3,
      indexed: 1,
      reused: 2,
    });
    expect((await stat(entry)).mtimeMs).toBe(mtimeMs);
    expect((await readdir(join(site, 'pagefind'))).sort()).toEqual([
      '2022',
      '2023',
      '2023-2',
      'engine',
      'shards.json',
    ]);
    expect(await files(join(site, 'pagefind'))).toEqual(await clean(site));
  });

  test('should keep the bundles of the latest build only', async () => {
    expect(await readdir(join(cacheDir, 'bundles'))).toHaveLength(3);
  });

  test('should index everything again when the indexer changes', async () => {
    const cache = await IndexCache.open(cacheDir, `${fingerprint}, changed`);
    await rm(join(site, 'pagefind'), { recursive: true, force: true });
    const report = await indexArticles({ siteDir: site, maxArticles: 3, cache });
    expect(report).toMatchObject({ shards: 3, indexed: 3, reused: 0 });
  });
});
