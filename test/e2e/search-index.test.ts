/**
 * The indexer end to end on two hand-written pages (no Astro): Pagefind stores exactly the
 * record Folio meant — URL under the base path, metadata, filters, and text that decodes back.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { indexArticles } from '../../src/search/index-articles.ts';
import { writeEngineBundle } from '../../src/search/engine-bundle.ts';
import { decodeText, encodeText } from '../../src/search/tokens.ts';
import { articleIndexAttributes } from '../../src/search/attributes.ts';
import type { ItemData } from '../../src/archive/schema.ts';

let dir: string;

const item: ItemData = {
  paper: '示例日报',
  date: '2021-03-01',
  page: 2,
  pageName: '民生',
  kind: 'article',
  order: 1,
  kicker: '引题 & 说明',
  title: '城南社区举办“植树节”活动',
  subtitle: null,
  byline: '记者 王小明 通讯员 李四',
  authors: ['王小明', '李四'],
  source: '2021-03-01/02.txt',
};

function attributes(values: Record<string, string>): string {
  const escape = (v: string): string =>
    v.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
  return Object.entries(values)
    .map(([k, v]) => `${k}="${escape(v)}"`)
    .join(' ');
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'folio-index-'));
  await mkdir(join(dir, '2021-03-01/02/01'), { recursive: true });
  await writeFile(
    join(dir, '2021-03-01/02/01/index.html'),
    `<!doctype html><html lang="zh-CN"><head><title>x</title></head><body>
<header><form><input name="q"></form><nav>首页 往期回顾</nav></header>
<article ${attributes(articleIndexAttributes(item))}>
<p>引题 &amp; 说明</p><h1>城南社区举办“植树节”活动</h1><p>记者 王小明 通讯员 李四</p>
<p>本报讯 3月1日，城南社区举办<b>春季植树</b>活动，共种下 120 棵树。</p>
<p>居民\u3000说：“很有意义！”</p><nav data-pagefind-ignore>上一篇 下一篇</nav></article>
<footer>页脚 版权</footer></body></html>`,
  );
  await writeFile(
    join(dir, 'index.html'),
    '<!doctype html><html lang="zh-CN"><body><p>首页</p></body></html>',
  );
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('should index only the article, with its metadata, filters and decodable text', async () => {
  const report = await indexArticles({ siteDir: dir });
  expect(report).toEqual({ articles: 1, pagesRead: 2, shards: 1, indexed: 1, reused: 0 });
  expect(JSON.parse(await readFile(join(dir, 'pagefind/shards.json'), 'utf8'))).toEqual({
    shards: [{ key: '2021', year: '2021', articles: 1, from: '2021-03-01', to: '2021-03-01' }],
  });
  // The shard's bundle, and the engine bundle the browser merges shards into.
  expect((await readdir(join(dir, 'pagefind'))).sort()).toEqual(['2021', 'engine', 'shards.json']);
  expect(await readdir(join(dir, 'pagefind/engine/fragment'))).toHaveLength(1);
  const fragments = await readdir(join(dir, 'pagefind/2021/fragment'));
  expect(fragments).toHaveLength(1);
  const raw = gunzipSync(await readFile(join(dir, 'pagefind/2021/fragment', fragments[0] ?? '')));
  // Pagefind prefixes its gzipped files with a 12-byte signature.
  const fragment = JSON.parse(raw.subarray(12).toString('utf8')) as {
    url: string;
    content: string;
    meta: Record<string, string>;
    filters: Record<string, string[]>;
  };
  expect(fragment.url).toBe('/2021-03-01/02/01/');
  expect(fragment.meta).toEqual({
    title: '城南社区举办“植树节”活动',
    page: '2',
    kind: 'article',
    kicker: '引题 & 说明',
    byline: '记者 王小明 通讯员 李四',
    page_name: '民生',
    authors: '王小明、李四',
    date: '2021-03-01',
  });
  expect(fragment.filters).toEqual({
    kind: ['article'],
    page: ['民生'],
    reporter: ['王小明', '李四'],
    year: ['2021'],
    decade: ['2020'],
  });
  const text = [
    '引题 & 说明',
    '城南社区举办“植树节”活动',
    '记者 王小明 通讯员 李四',
    '本报讯 3月1日，城南社区举办春季植树活动，共种下 120 棵树。',
    '居民 说：“很有意义！”',
  ].join('\n');
  expect(decodeText(fragment.content)).toBe(text);
  // Stored as Folio wrote it: no segmenter cut the index form again.
  expect(fragment.content).toBe(encodeText(text));
  const pageLists = (await readdir(join(dir, 'pagefind/2021'))).filter((f) =>
    f.endsWith('.pf_meta'),
  );
  expect(pageLists).toEqual([expect.stringMatching(/^pagefind\.und_\w+\.pf_meta$/)]);
});

test('should cut a year larger than the part size into shards, listed newest first', async () => {
  const site = await mkdtemp(join(tmpdir(), 'folio-shards-'));
  try {
    for (const date of ['2020-12-31', '2021-03-01', '2021-03-02']) {
      await mkdir(join(site, date, '02/01'), { recursive: true });
      const attrs = attributes(articleIndexAttributes({ ...item, date }));
      await writeFile(
        join(site, date, '02/01/index.html'),
        `<!doctype html><html lang="zh-CN"><body><article ${attrs}><p>${date} 植树</p></article></body></html>`,
      );
    }
    const report = await indexArticles({ siteDir: site, maxArticles: 1 });
    expect(report).toEqual({ articles: 3, pagesRead: 3, shards: 3, indexed: 3, reused: 0 });
    const manifest = JSON.parse(
      await readFile(join(site, 'pagefind/shards.json'), 'utf8'),
    ) as unknown;
    expect(manifest).toEqual({
      shards: [
        { key: '2021-2', year: '2021', articles: 1, from: '2021-03-02', to: '2021-03-02' },
        { key: '2021', year: '2021', articles: 1, from: '2021-03-01', to: '2021-03-01' },
        { key: '2020', year: '2020', articles: 1, from: '2020-12-31', to: '2020-12-31' },
      ],
    });
    for (const key of ['2021-2', '2021', '2020']) {
      expect(await readdir(join(site, 'pagefind', key, 'fragment'))).toHaveLength(1);
    }
    await expect(indexArticles({ siteDir: site, maxArticles: 0 })).rejects.toThrow(
      'search index: articles per shard must be a positive integer: 0',
    );
  } finally {
    await rm(site, { recursive: true, force: true });
  }
});

test('should write the engine bundle again only when Pagefind or the index language changed', async () => {
  const site = await mkdtemp(join(tmpdir(), 'folio-engine-'));
  const entry = (language: string): string =>
    JSON.stringify({ version: '1.6.0', languages: { [language]: { page_count: 1 } } });
  const engineEntry = join(site, 'pagefind/engine/pagefind-entry.json');
  const languages = async (): Promise<string[]> =>
    Object.keys(
      (JSON.parse(await readFile(engineEntry, 'utf8')) as { languages: object }).languages,
    );
  try {
    await mkdir(join(site, 'pagefind/2021'), { recursive: true });
    await writeFile(join(site, 'pagefind/2021/pagefind-entry.json'), entry('und'));
    // An engine of an index filed under another language, as an older build left it.
    await mkdir(join(site, 'pagefind/engine'), { recursive: true });
    await writeFile(engineEntry, entry('zh'));
    await writeEngineBundle(site, '2021');
    expect(await languages()).toEqual(['und']);
    expect(await readdir(join(site, 'pagefind'))).toEqual(['2021', 'engine']);
    const written = await stat(engineEntry);
    // The same version and language: left as it is.
    await writeEngineBundle(site, '2021');
    expect((await stat(engineEntry)).mtimeMs).toBe(written.mtimeMs);
  } finally {
    await pagefind.close();
    await rm(site, { recursive: true, force: true });
  }
});
