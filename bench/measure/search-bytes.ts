/**
 * Network cost of a search: serves a built site on loopback, counting the bytes the server sends,
 * and runs queries in Chromium through the site's Pagefind bundle (its JS API, as any search UI
 * does): the search, then the first 10 results' data. The first query is cold (bundle, WASM,
 * metadata, index chunks, fragments); later ones in the same page are warm (only new chunks and
 * fragments are fetched).
 */
import { createServer } from 'node:http';
import sirv from 'sirv';
import { launchBrowser, openPage } from '../../test/e2e/harness.ts';

export interface QueryCost {
  query: string;
  results: number;
  bytes: number;
  requests: number;
  /** Bytes per requested path, largest first. */
  files: { path: string; bytes: number }[];
}

export interface SearchCost {
  cold: QueryCost;
  warm: QueryCost[];
  /** Console errors and failed requests seen while searching. */
  problems: string[];
}

/** How the queries are run. */
export type SearchDriver =
  /** Through the Pagefind bundle's JS API at `<bundle>pagefind.js`, from the page at `pagePath`. */
  | { kind: 'api'; pagePath: string; bundle: string }
  /**
   * Through the site's own search page at `pagePath` (`?q=` in the URL for the first query, the
   * form for the next), waiting until its `[data-status]` reports the results.
   */
  | { kind: 'page'; pagePath: string };

const API_QUERY = (bundle: string, query: string): string => `(async () => {
  const pagefind = await import(${JSON.stringify(`/${bundle}pagefind.js`)});
  const found = await pagefind.search(${JSON.stringify(query)});
  await Promise.all(found.results.slice(0, 10).map((r) => r.data()));
  return found.results.length;
})()`;

/** Resolves once the search page's status is neither empty nor "loading". */
const PAGE_DONE = `(() => {
  const root = document.querySelector('[data-search-root]');
  const status = document.querySelector('[data-status]');
  if (root === null || status === null) return false;
  const strings = JSON.parse(root.dataset.strings ?? '{}');
  const text = status.textContent ?? '';
  return text !== '' && text !== strings['search.loading'] && text !== strings['search.empty'];
})()`;

const PAGE_RESULTS = `document.querySelectorAll('[data-results] > li').length`;

/** Runs `queries` on the site built in `outDir`, the first cold, the rest warm. */
export async function searchCost(
  outDir: string,
  driver: SearchDriver,
  queries: readonly string[],
): Promise<SearchCost> {
  // Served as a static host would: validators, and a short max-age (GitHub Pages sends 600 s).
  const files = sirv(outDir, { dev: false, etag: true, maxAge: 600 });
  const sent = { bytes: 0, requests: 0, files: new Map<string, number>() };
  const server = createServer((req, res) => {
    sent.requests++;
    const write = res.write.bind(res);
    const end = res.end.bind(res);
    const path = req.url ?? '';
    const count = (chunk: unknown): void => {
      const bytes =
        typeof chunk === 'string'
          ? Buffer.byteLength(chunk)
          : chunk instanceof Uint8Array
            ? chunk.byteLength
            : 0;
      sent.bytes += bytes;
      sent.files.set(path, (sent.files.get(path) ?? 0) + bytes);
    };
    res.write = ((chunk: unknown, ...rest: never[]) => {
      count(chunk);
      return write(chunk, ...rest);
    }) as typeof res.write;
    res.end = ((chunk?: unknown, ...rest: never[]) => {
      if (typeof chunk !== 'function') count(chunk);
      return end(chunk as Uint8Array, ...rest);
    }) as typeof res.end;
    files(req, res, () => {
      res.statusCode = 404;
      res.end('not found');
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no port');
  const origin = `http://127.0.0.1:${address.port}`;
  const browser = await launchBrowser();
  const problems: string[] = [];
  try {
    const page = await openPage(browser, problems);
    // A site without a favicon makes Chromium log a 404: not a search problem.
    await page.route('**/favicon.ico', (route) => route.fulfill({ status: 204 }));
    const costs: QueryCost[] = [];
    if (driver.kind === 'api') await page.goto(`${origin}/${driver.pagePath}`);
    for (const [i, query] of queries.entries()) {
      sent.bytes = 0;
      sent.requests = 0;
      sent.files.clear();
      let results: unknown;
      if (driver.kind === 'api') {
        results = await page.evaluate(API_QUERY(driver.bundle, query));
      } else {
        if (i === 0) {
          await page.goto(`${origin}/${driver.pagePath}?q=${encodeURIComponent(query)}`);
        } else {
          await page.evaluate(`document.querySelector('[data-status]').textContent = ''`);
          await page.fill('[data-search-root] input[name="q"]', query);
          await page.press('[data-search-root] input[name="q"]', 'Enter');
        }
        await page.waitForFunction(PAGE_DONE, undefined, { timeout: 60_000 });
        await page.waitForLoadState('networkidle');
        results = await page.evaluate(PAGE_RESULTS);
      }
      const files = [...sent.files]
        .map(([path, bytes]) => ({ path, bytes }))
        .sort((a, b) => b.bytes - a.bytes);
      costs.push({
        query,
        results: Number(results),
        bytes: sent.bytes,
        requests: sent.requests,
        files,
      });
    }
    const [cold, ...warm] = costs;
    if (cold === undefined) throw new Error('searchCost: no queries');
    return { cold, warm, problems };
  } finally {
    await browser.close();
    await new Promise((done) => server.close(done));
  }
}
