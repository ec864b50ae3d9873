/**
 * End-to-end harness: builds a fixture archive once per test file, serves it on 127.0.0.1 and
 * drives Debian's Chromium through playwright-core.
 */
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import sirv from 'sirv';
import { chromium, type Browser, type Page } from 'playwright-core';

const run = promisify(execFile);
export const projectRoot = resolve(import.meta.dirname, '../..');

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Site {
  /** Origin plus base path, ending in "/". */
  url: string;
  outDir: string;
  close(): Promise<void>;
}

/**
 * The test runner's environment without the variables Vitest sets for `import.meta.env`
 * (BASE_URL, MODE, DEV, PROD, SSR): passed on, they would override the built site's own.
 */
export function buildEnvironment(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']) env[name] = undefined;
  return env;
}

/**
 * Builds `contentDir` with the project's own CLI into a fresh temporary directory; `args` add
 * options (`--shard 2024`, `--global`).
 */
export async function buildFixture(
  contentDir: string,
  env: NodeJS.ProcessEnv = {},
  args: string[] = [],
): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), 'folio-e2e-'));
  await runFolio(['build', '--content', contentDir, '--out', outDir, ...args], env);
  return outDir;
}

/** Runs the project's own CLI; rejects (with what it printed) when it exits non-zero. */
export async function runFolio(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ stdout: string; stderr: string }> {
  return run(process.execPath, ['bin/folio.mjs', ...args], {
    cwd: projectRoot,
    env: { ...buildEnvironment(), ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** Converts a raw directory with the project's own CLI into a fresh temporary content directory. */
export async function convertFixture(rawDir: string): Promise<string> {
  const contentDir = await mkdtemp(join(tmpdir(), 'folio-content-'));
  await run(process.execPath, ['bin/folio.mjs', 'ingest', rawDir, '--out', contentDir], {
    cwd: projectRoot,
    env: buildEnvironment(),
    maxBuffer: 64 * 1024 * 1024,
  });
  return contentDir;
}

/** Serves a built site on a free loopback port, under `base` (e.g. "/archive/"). */
export async function serve(outDir: string, base = '/'): Promise<Site> {
  const files = sirv(outDir, { dev: true, etag: true });
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (!url.startsWith(base)) {
      res.statusCode = 404;
      res.end();
      return;
    }
    req.url = '/' + url.slice(base.length);
    files(req, res, () => {
      res.statusCode = 404;
      res.end('not found');
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no port');
  return {
    url: `http://127.0.0.1:${address.port}${base}`,
    outDir,
    close: () =>
      new Promise((done) => {
        server.close(() => {
          done();
        });
      }),
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS });
}

/** A search as the search page's engine (`window.folioSearch`) takes it: no filters, relevance order unless given. */
export interface SearchRequest {
  query: string;
  filters?: Record<string, string>;
  sort?: string;
}

export interface SearchHit {
  title: string;
  date: string | null;
  url: string;
}

/**
 * The fixture archive's articles (`test/fixtures/site`), newest first, as `date title`: what a
 * search for every article (`filters: { kind: 'article' }`, `sort: 'newest'`) lists.
 */
export const FIXTURE_ARTICLES_NEWEST = [
  '2024-05-02 农产品直播带货走红',
  '2024-05-02 小微企业贷款增长两成',
  '2024-05-02 夜市经济添活力',
  '2024-05-02 老旧小区改造全面启动',
  '2024-05-01 城南社区植树忙',
  '2024-02-29 四年一遇的生日',
  '2023-11-21 全市供暖设施完成检修',
  '2023-05-01 社区图书室上新书',
  '2023-05-01 新建公交线路今日开通',
  '2023-05-01 城区景点迎来客流高峰',
];

/** Opens the search page of the site at `siteUrl` and runs one search through its engine, to the last hit. */
export async function searchToEnd(
  page: Page,
  siteUrl: string,
  request: SearchRequest,
): Promise<SearchHit[]> {
  await page.goto(`${siteUrl}search/`);
  await page.waitForFunction(() => 'folioSearch' in window);
  return page.evaluate(async (r) => {
    interface Run {
      done: boolean;
      more(n: number): Promise<{ title: string; date: string | null; url: string }[]>;
    }
    const engine = (window as unknown as { folioSearch: { search(r: unknown): Promise<Run> } })
      .folioSearch;
    const run = await engine.search({ filters: {}, sort: 'relevance', from: null, to: null, ...r });
    const all = [];
    while (!run.done) all.push(...(await run.more(50)));
    return all.map((h) => ({ title: h.title, date: h.date, url: h.url }));
  }, request);
}

/** Opens a page that records console errors and failed requests into `problems`. */
export async function openPage(browser: Browser, problems: string[]): Promise<Page> {
  const page = await browser.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('requestfailed', (req) => {
    // Leaving a page cancels what it still loads (the favicon, say): not a fault of the site.
    // A missing file is answered with a 404, which the console listener reports.
    const failure = req.failure()?.errorText ?? 'unknown';
    if (failure !== 'net::ERR_ABORTED') problems.push(`requestfailed: ${req.url()} (${failure})`);
  });
  return page;
}

/**
 * Clicks `selector` and waits until the page has loaded `url` (compared with percent-encoding
 * undone), so what is read next comes from the new page.
 */
export async function follow(page: Page, selector: string, url: string): Promise<void> {
  const target = decodeURIComponent(url);
  await Promise.all([
    page.waitForURL((current) => decodeURIComponent(current.href) === target),
    page.click(selector),
  ]);
}
