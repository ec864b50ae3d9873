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
