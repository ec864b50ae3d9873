/**
 * The index made while pages are rendered (stream-index.ts) against the index made from disk
 * (indexArticles), on hand-written pages and a stand-in for Astro's prerenderer (no Astro): the
 * same bundles byte for byte, whether pages arrive in path order, out of it, or not at all (read
 * from disk); a site that is not what was announced is left to the indexer from disk.
 */
import { afterEach, beforeEach, expect, test } from 'vitest';
import { access, cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { AstroPrerenderer, RouteData, StaticPathsMetadata } from 'astro';
import { indexArticles, rememberStreamed } from '../../src/search/index-articles.ts';
import { IndexCache } from '../../src/search/index-cache.ts';
import { pageFile } from '../../src/search/page-file.ts';
import { renderOrder, streamIndex, type StreamIndex } from '../../src/search/stream-index.ts';
import { articleIndexAttributes } from '../../src/search/attributes.ts';
import { tapped } from '../../src/search/entry-tap.ts';
import type { ItemData } from '../../src/archive/schema.ts';
import type { Loader, LoaderContext } from 'astro/loaders';

const BASE = '/archive/';
const ORIGIN = 'http://localhost';

const item: ItemData = {
  paper: '示例日报',
  date: '2021-03-01',
  page: 2,
  pageName: '民生',
  kind: 'article',
  order: 1,
  kicker: null,
  title: '城南社区举办植树活动',
  subtitle: null,
  byline: '记者 王小明',
  authors: ['王小明'],
  source: '2021-03-01/02.txt',
};

function attributes(values: Record<string, string>): string {
  const escape = (v: string): string =>
    v.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
  return Object.entries(values)
    .map(([k, v]) => `${k}="${escape(v)}"`)
    .join(' ');
}

/** Page paths (no base) and their HTML: articles of two years, an issue page, the home page. */
function pages(): Map<string, string> {
  const html = new Map<string, string>();
  html.set('/', '<!doctype html><html lang="zh-CN"><body><p>首页</p></body></html>');
  html.set('/404', '<!doctype html><html lang="zh-CN"><body><p>找不到</p></body></html>');
  const dates = ['2020-12-30', '2020-12-31', '2021-03-01', '2021-03-02', '2021-03-03'];
  dates.forEach((date, i) => {
    html.set(`/${date}`, `<!doctype html><html lang="zh-CN"><body><p>${date}</p></body></html>`);
    for (const order of [1, 2]) {
      const title = `第${i}篇 植树`;
      const attrs = attributes(articleIndexAttributes({ ...item, date, order, title }));
      html.set(
        `/${date}/02/0${order}`,
        `<!doctype html><html lang="zh-CN"><body><article ${attrs}>` +
          `<h1>${title}</h1><p>${item.byline}</p>` +
          `<p>居民 说：“很有意义！”${date} ${order}</p></article></body></html>`,
      );
    }
  });
  return html;
}

let site: string;
let copy: string;

beforeEach(async () => {
  site = await mkdtemp(join(tmpdir(), 'folio-stream-'));
  copy = await mkdtemp(join(tmpdir(), 'folio-stream-disk-'));
});

afterEach(async () => {
  await rm(site, { recursive: true, force: true });
  await rm(copy, { recursive: true, force: true });
});

const REPORT = { articles: 10, pagesRead: 17, shards: 4, indexed: 4, reused: 0 };

/**
 * Fills a search cache from what was streamed, then indexes the site from disk with it: every
 * shard is reused and the bundles stay as they were.
 */
async function reusedFromStream(streamed: Awaited<ReturnType<typeof build>>): Promise<void> {
  if (!('report' in streamed)) throw new Error(`not streamed: ${streamed.stale}`);
  const cacheDir = join(copy, 'cache');
  const before = await files(join(site, 'pagefind'));
  await rememberStreamed(
    site,
    await IndexCache.open(cacheDir, 'test'),
    streamed.shards,
    streamed.pages,
    streamed.maxFragments,
  );
  // The shards' bundles stay as streamed, and the engine bundle is added beside them.
  const after = await files(join(site, 'pagefind'));
  expect(shardFiles(after)).toEqual(before);
  expect([...after.keys()].filter((path) => path.startsWith('/engine/pagefind-entry'))).toEqual([
    '/engine/pagefind-entry.json',
  ]);
  const cache = await IndexCache.open(cacheDir, 'test');
  expect(cache.empty).toBe(false);
  expect(await indexArticles({ siteDir: site, maxArticles: 3, cache })).toEqual({
    ...REPORT,
    indexed: 0,
    reused: 4,
  });
  expect(await files(join(site, 'pagefind'))).toEqual(after);
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

async function writePage(dir: string, path: string, html: string | Buffer): Promise<void> {
  const file = join(dir, pageFile(path));
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, html);
}

/**
 * Builds `site` as Astro would through the wrapped prerenderer: pages rendered in `order`, each
 * written after it is rendered and then told to the index, as site/page-writes.ts does; `skipped`
 * pages are written without being rendered or told (as a build that reuses them does). `before`
 * is awaited before each page is rendered.
 */
async function build(
  html: Map<string, string>,
  {
    order = [...html.keys()],
    skipped = [] as string[],
    maxArticles = 3,
    before,
    besides,
    entries,
  }: {
    order?: string[];
    skipped?: string[];
    maxArticles?: number;
    before?: (path: string) => Promise<void>;
    /** Called once the pages are announced, before the first is rendered. */
    besides?: (stream: StreamIndex) => Promise<void>;
    /**
     * Item entries the content sync stores before the pages are planned (the index starts from
     * the first ones): the content directory's item files are their ids.
     */
    entries?: { id: string; data: ItemData; html: string }[];
  } = {},
): Promise<ReturnType<ReturnType<typeof streamIndex>['finish']>> {
  const stream = streamIndex({ siteDir: site, maxArticles });
  if (entries !== undefined) await sync(stream, entries);
  const route = { type: 'page' } as RouteData;
  const prerenderer = stream.wrap({
    name: 'stand-in',
    getStaticPaths: () =>
      Promise.resolve([...html.keys()].map((pathname) => ({ pathname, route }))),
    render: (request) => {
      const path = new URL(request.url).pathname.slice(BASE.length - 1).replace(/\/$/, '');
      return Promise.resolve(
        new Response(html.get(path === '' ? '/' : path) ?? '', {
          headers: { 'content-type': 'text/html' },
        }),
      );
    },
  } satisfies AstroPrerenderer);
  await prerenderer.getStaticPaths();
  await besides?.(stream);
  for (const path of order) {
    await before?.(path);
    if (skipped.includes(path)) {
      await writePage(site, path, html.get(path) ?? '');
      continue;
    }
    const url = new URL(`${BASE}${path.slice(1)}${path === '/' ? '' : '/'}`, ORIGIN);
    const rendered = await prerenderer.render(new Request(url), { routeData: route });
    const response = rendered instanceof Response ? rendered : rendered.response;
    const bytes = Buffer.from(await response.arrayBuffer());
    await writePage(site, path, bytes);
    stream.written(join(site, pageFile(path)), bytes);
    // The index keeps a copy: the bytes remain the writer's.
    bytes.fill(0);
  }
  return stream.finish();
}

/**
 * A content sync, as far as the index sees it: the items' files listed in a content directory,
 * then each entry stored through the items loader, as content.config.ts wraps it.
 */
async function sync(
  stream: StreamIndex,
  entries: { id: string; data: ItemData; html: string }[],
): Promise<void> {
  const content = join(copy, 'content');
  for (const { id } of entries) {
    await mkdir(dirname(join(content, `${id}.md`)), { recursive: true });
    await writeFile(join(content, `${id}.md`), '');
  }
  await stream.early({
    contentDir: content,
    pattern: '**/[0-9]*.md',
    stageDir: join(copy, 'stage'),
  });
  const store = new Map<string, unknown>();
  const loader: Loader = {
    name: 'stand-in',
    load: ({ store: context }) => {
      for (const { id, data, html } of entries) context.set({ id, data, rendered: { html } });
      return Promise.resolve();
    },
  };
  const context = {
    store: {
      set: (entry: { id: string }) => {
        store.set(entry.id, entry);
        return true;
      },
    },
  } as unknown as LoaderContext;
  await tapped(loader).load(context);
  expect(store.size).toBe(entries.length);
}

/** The entries of the article pages of `pages()`: their front matter and body. */
function entriesOf(html: Map<string, string>): { id: string; data: ItemData; html: string }[] {
  const out: { id: string; data: ItemData; html: string }[] = [];
  for (const [path, page] of html) {
    const match = /^\/(\d{4}-\d{2}-\d{2})\/02\/0(\d)$/.exec(path);
    const article = /<h1>(.*?)<\/h1><p>[^<]*<\/p>(.*)<\/article>/.exec(page);
    if (match === null || article === null) continue;
    const [, date = '', order = ''] = match;
    out.push({
      id: path.slice(1),
      data: { ...item, date, order: Number(order), title: article[1] ?? '' },
      html: article[2] ?? '',
    });
  }
  return out;
}

/** Every file of a directory, relative path → bytes. */
async function files(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out.set(path.slice(dir.length), (await readFile(path)).toString('base64'));
  }
  return out;
}

/** The files of an index directory less the engine bundle (written once the shards are). */
function shardFiles(index: Map<string, string>): Map<string, string> {
  return new Map([...index].filter(([path]) => !path.startsWith('/engine/')));
}

/** The index from disk of the same pages, in a copy of the site (less the engine bundle). */
async function fromDisk(maxArticles = 3): Promise<Map<string, string>> {
  await cp(site, copy, { recursive: true });
  await rm(join(copy, 'pagefind'), { recursive: true, force: true });
  await indexArticles({ siteDir: copy, maxArticles });
  return shardFiles(await files(join(copy, 'pagefind')));
}

test('should map page paths to the files Astro writes', () => {
  expect(pageFile('/')).toBe('index.html');
  expect(pageFile('')).toBe('index.html');
  expect(pageFile('/404')).toBe('404.html');
  expect(pageFile('/2021-03-01/02/01')).toBe('2021-03-01/02/01/index.html');
  expect(pageFile('/reporters/王小明/')).toBe('reporters/王小明/index.html');
});

test('should have the pages rendered in the order the indexer takes them: item pages first', async () => {
  const route = { type: 'page' } as RouteData;
  const paths = [
    '/',
    '/404',
    '/reporters/王小明',
    '/2021-03-01/02/01',
    '/calendar',
    '/2021-03-01/02',
    '/2020-12-31',
    '/undated/Scan.A/01',
    '/undated/Scan.A',
    '/2021-03-01',
  ];
  const stream = streamIndex({ siteDir: site });
  const prerenderer = stream.wrap({
    name: 'stand-in',
    getStaticPaths: () => Promise.resolve(paths.map((pathname) => ({ pathname, route }))),
    render: () => Promise.resolve(new Response('')),
  } satisfies AstroPrerenderer);
  const result = await prerenderer.getStaticPaths();
  const ordered = Array.isArray(result) ? result : result.paths;
  expect(ordered.map(({ pathname }) => pathname)).toEqual([
    '/2021-03-01/02/01',
    '/undated/Scan.A/01',
    '/2020-12-31',
    '/2021-03-01/02',
    '/2021-03-01',
    '/404',
    '/calendar',
    '/',
    '/reporters/王小明',
    '/undated/Scan.A',
  ]);
  await stream.finish();
});

test('should have the item pages begun from their entries rendered after the other item pages', () => {
  const paths = ['/', '/2021-03-02/02/01', '/2021-03-01', '/2021-03-01/02/02', '/2021-03-01/02/01'];
  const begun = new Set(['2021-03-01/02/01/index.html', '2021-03-01/02/02/index.html']);
  expect(
    renderOrder(
      paths.map((pathname) => ({ pathname })),
      begun,
    ),
  ).toEqual(
    ['/2021-03-02/02/01', '/2021-03-01/02/01', '/2021-03-01/02/02', '/2021-03-01', '/'].map(
      (pathname) => ({ pathname }),
    ),
  );
});

test('should keep the incremental build metadata Astro hands beside the paths, in render order', async () => {
  const route = { type: 'page' } as RouteData;
  const metadata: StaticPathsMetadata = { staticImages: [], referencedImages: [] };
  const stream = streamIndex({ siteDir: site });
  const prerenderer = stream.wrap({
    name: 'stand-in',
    getStaticPaths: () =>
      Promise.resolve({
        paths: ['/', '/2021-03-01'].map((pathname) => ({ pathname, route })),
        metadata,
      }),
    render: () => Promise.resolve(new Response('')),
  } satisfies AstroPrerenderer);
  const result = await prerenderer.getStaticPaths();
  expect(Array.isArray(result)).toBe(false);
  if (Array.isArray(result)) return;
  expect(result.metadata).toBe(metadata);
  expect(result.paths.map(({ pathname }) => pathname)).toEqual(['/2021-03-01', '/']);
  await stream.finish();
});

test('should build, while pages are rendered, the bundles the indexer builds from disk', async () => {
  const html = pages();
  const result = await build(html);
  expect('report' in result && result.report).toEqual(REPORT);
  const streamed = await files(join(site, 'pagefind'));
  expect([...streamed.keys()].filter((f) => f.endsWith('entry.json')).sort()).toEqual([
    '/2020-2/pagefind-entry.json',
    '/2020/pagefind-entry.json',
    '/2021-2/pagefind-entry.json',
    '/2021/pagefind-entry.json',
  ]);
  expect(streamed).toEqual(await fromDisk());
  await reusedFromStream(result);
});

test('should give the same bundles when pages are rendered out of path order', async () => {
  const html = pages();
  const order = [...html.keys()].reverse();
  const result = await build(html, { order });
  expect('report' in result && result.report).toEqual(REPORT);
  expect(await files(join(site, 'pagefind'))).toEqual(await fromDisk());
});

test('should read from disk, in its turn, a page that was written but not rendered', async () => {
  const html = pages();
  const skipped = ['/2020-12-31/02/01', '/2021-03-03/02/02'];
  const result = await build(html, { skipped });
  expect('report' in result && result.report).toEqual(REPORT);
  expect(await files(join(site, 'pagefind'))).toEqual(await fromDisk());
  await reusedFromStream(result);
});

test('should take only HTML files from the files written', async () => {
  const html = pages();
  const feed = join(site, 'rss.xml');
  const result = await build(html, {
    besides: async (stream) => {
      await writeFile(feed, '<rss/>');
      stream.written(feed, '<rss/>');
    },
  });
  expect('report' in result && result.report).toEqual(REPORT);
  await rm(feed);
  expect(await files(join(site, 'pagefind'))).toEqual(await fromDisk());
});

test('should leave the site to the indexer from disk when a page is written twice', async () => {
  const html = pages();
  const page = '/2021-03-01/02/01';
  const result = await build(html, {
    besides: async (stream) => {
      await writePage(site, page, html.get(page) ?? '');
      stream.written(join(site, pageFile(page)), html.get(page) ?? '');
    },
  });
  expect(result).toEqual({ stale: `${join(site, pageFile(page))} was written twice` });
  // Nothing was indexed after it.
  expect(await exists(join(site, 'pagefind'))).toBe(false);
});

test('should leave the site to the indexer from disk when it holds a page not announced', async () => {
  const html = pages();
  await writePage(site, '/extra', '<!doctype html><html><body>extra</body></html>');
  expect(await build(html)).toEqual({
    stale: 'the site holds 18 HTML files, 17 were planned',
  });
  // The shards it wrote while the pages came are gone.
  expect(await readdir(join(site, 'pagefind'))).toEqual([]);
});

test('should fail naming the page whose article cannot be read', async () => {
  const html = pages();
  html.set(
    '/2021-03-01/02/01',
    '<html><body><article data-pagefind-body></article><div data-pagefind-body></div></body></html>',
  );
  await expect(build(html)).rejects.toThrow(
    `${join(site, '2021-03-01/02/01/index.html')}: 2 elements carry data-pagefind-body; expected one`,
  );
});

test("should start the index from the first item pages' entries, and give the same bundles", async () => {
  const html = pages();
  const result = await build(html, { entries: entriesOf(html), order: [...html.keys()].reverse() });
  // The first part (three articles of 2020) came from the entries; the pages read the same.
  expect('report' in result && result.report).toEqual({ ...REPORT, fromEntries: 3 });
  expect(await exists(join(copy, 'stage'))).toBe(false);
  expect(await files(join(site, 'pagefind'))).toEqual(await fromDisk());
  await reusedFromStream(result);
});

test('should start afresh from the pages when the entries are not of the first item pages', async () => {
  const html = pages();
  const entries = entriesOf(html);
  // An entry the build has no page for, before the others.
  const stray = { ...entries[0], id: '2020-01-01/02/01' } as (typeof entries)[number];
  const result = await build(html, { entries: [stray, ...entries] });
  expect('report' in result && result.report).toEqual(REPORT);
  expect(await exists(join(copy, 'stage'))).toBe(false);
  expect(await files(join(site, 'pagefind'))).toEqual(await fromDisk());
});

test('should leave the site to the indexer from disk when a page does not read as its entry', async () => {
  const html = pages();
  const entries = entriesOf(html).map((entry, i) =>
    i === 1 ? { ...entry, html: `${entry.html}<p>更正</p>` } : entry,
  );
  const result = await build(html, { entries });
  expect(result).toEqual({
    stale: `${join(site, '2020-12-30/02/02/index.html')} does not read as its content entry did`,
  });
  // The shard begun from the entries was written aside, and is gone.
  expect(await exists(join(copy, 'stage'))).toBe(false);
  expect(await exists(join(site, 'pagefind'))).toBe(false);
});

/** Forty days of one article each, their issue pages and the home page. */
function forty(): Map<string, string> {
  const html = new Map<string, string>();
  for (let day = 1; day <= 40; day++) {
    const date = `2021-03-${String(day).padStart(2, '0')}`.replace('-03-3', '-04-0');
    const attrs = attributes(articleIndexAttributes({ ...item, date }));
    html.set(
      `/${date}/02/01`,
      `<!doctype html><html lang="zh-CN"><body><article ${attrs}>` +
        `<h1>植树</h1><p>居民 ${date}</p></article></body></html>`,
    );
    html.set(`/${date}`, `<!doctype html><html lang="zh-CN"><body><p>${date}</p></body></html>`);
  }
  html.set('/', '<!doctype html><html lang="zh-CN"><body><p>首页</p></body></html>');
  return html;
}

/**
 * Renders `html` item pages first, the home page last, once the shard of 2021 is written (pages
 * reach the indexer 32 at a time: enough pages that the last item page is sent early).
 */
function buildHomeLast(html: Map<string, string>): ReturnType<typeof build> {
  const order = [...html.keys()].sort((a, b) => b.length - a.length);
  const entry = join(site, 'pagefind/2021/pagefind-entry.json');
  return build(html, {
    order,
    maxArticles: 100,
    before: async (path) => {
      if (path !== '/') return;
      for (let tries = 0; !(await exists(entry)); tries++) {
        if (tries === 200) throw new Error('the last shard was not written before the last page');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  });
}

test('should write the last shard once the last item page has joined, before the other pages', async () => {
  const result = await buildHomeLast(forty());
  expect('report' in result && result.report).toEqual({
    articles: 40,
    pagesRead: 81,
    shards: 1,
    indexed: 1,
    reused: 0,
  });
  expect(await files(join(site, 'pagefind'))).toEqual(await fromDisk(100));
});

test('should leave the site to the indexer from disk when a page other than an item holds an article', async () => {
  const html = forty();
  html.set('/', html.get('/2021-03-01/02/01') ?? '');
  expect(await buildHomeLast(html)).toEqual({
    stale: `${join(site, 'index.html')} holds an article but is not an item page`,
  });
  // The shard written before the home page came is gone, and so is the list of shards.
  expect(await readdir(join(site, 'pagefind'))).toEqual([]);
});

test('should check from disk the pages other than items that were written but not rendered', async () => {
  const html = pages();
  html.set('/2021-03-01', html.get('/2021-03-01/02/01') ?? '');
  expect(await build(html, { skipped: ['/2021-03-01'] })).toEqual({
    stale: `${join(site, '2021-03-01/index.html')} holds an article but is not an item page`,
  });
});
