/**
 * The indexer end to end on two hand-written pages (no Astro): Pagefind stores exactly the
 * record Folio meant — URL under the base path, metadata, filters, and text that decodes back.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { indexArticles } from '../../src/search/index-articles.ts';
import { decodeText } from '../../src/search/tokens.ts';
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
  expect(report).toEqual({ articles: 1, pagesRead: 2 });
  const fragments = await readdir(join(dir, 'pagefind/fragment'));
  expect(fragments).toHaveLength(1);
  const raw = gunzipSync(await readFile(join(dir, 'pagefind/fragment', fragments[0] ?? '')));
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
  expect(decodeText(fragment.content)).toBe(
    [
      '引题 & 说明',
      '城南社区举办“植树节”活动',
      '记者 王小明 通讯员 李四',
      '本报讯 3月1日，城南社区举办春季植树活动，共种下 120 棵树。',
      '居民 说：“很有意义！”',
    ].join('\n'),
  );
});
