/**
 * Network cost of a search: serves a built site on loopback, counting the bytes the server sends,
 * and runs queries in Chromium through the site's Pagefind bundle (its JS API, as any search UI
 * does): the search, then the first 10 results' data. The first query is cold (bundle, WASM,
 * metadata, index chunks, fragments); later ones in the same page are warm (only new chunks and
 * fragments are fetched).
 *
 * Bytes are counted twice: as the server sends them (`bytes`, uncompressed), and as a static host
 * that compresses text would put them on the wire (`gzipBytes`): HTML, CSS, JavaScript, JSON,
 * SVG and XML gzip-compressed (node:zlib, level 6, as nginx, GitHub Pages and most CDNs do),
 * everything else as is — Pagefind's `.pf_*` files and WASM are gzip-compressed already.
 */
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import sirv from 'sirv';
import { launchBrowser, openPage } from '../../test/e2e/harness.ts';

export interface QueryCost {
  query: string;
  results: number;
  bytes: number;
  /** The same responses with compressible ones gzip-compressed, as a static host serves them. */
  gzipBytes: number;
  requests: number;
  /** Bytes per requested path (raw, and gzip when compressible), largest first. */
  files: { path: string; bytes: number; gzipBytes: number }[];
  /** What the search page said it searched (`[data-span]`), with the page driver. */
  span?: string;
}

export interface SearchCost {
  cold: QueryCost;
  warm: QueryCost[];
  /**
   * With the page driver's `further`: each press of the page's more button after a query
   * ("更多结果", or "搜索更早的文章" once the dates searched have no more), `query` naming the
   * query and the button.
   */
  further: QueryCost[];
  /** Console errors and failed requests seen while searching. */
  problems: string[];
}

/** How the queries are run. */
export type SearchDriver =
  /** Through the Pagefind bundle's JS API at `<bundle>pagefind.js`, from the page at `pagePath`. */
  | { kind: 'api'; pagePath: string; bundle: string }
  /**
   * Through the site's own search page at `pagePath` (`?q=` in the URL for the first query, the
   * form for the next), waiting until its `[data-status]` reports the results. With `stepBytes`,
   * the page's engine gets that step budget first and the first query goes through the form too.
   * With `further`, the page's more button is pressed up to that many times after each query.
   * `params` (`year=2024&sort=newest`) go in the first URL, so the form holds them for the rest.
   */
  | { kind: 'page'; pagePath: string; stepBytes?: number; further?: number; params?: string };

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
const PAGE_SPAN = `document.querySelector('[data-span]')?.textContent ?? ''`;

/** Content types a static host compresses. */
const COMPRESSIBLE = /^(text\/|application\/(javascript|json|xml|manifest\+json)|image\/svg)/;

/** What a response body costs on the wire: gzip-compressed when its type is compressible. */
export function wireBytes(contentType: string | undefined, body: Buffer): number {
  if (body.byteLength === 0 || contentType === undefined || !COMPRESSIBLE.test(contentType)) {
    return body.byteLength;
  }
  return gzipSync(body, { level: 6 }).byteLength;
}

/** Runs `queries` on the site built in `outDir`, the first cold, the rest warm. */
export async function searchCost(
  outDir: string,
  driver: SearchDriver,
  queries: readonly string[],
): Promise<SearchCost> {
  // Served as a static host would: validators, and a short max-age (GitHub Pages sends 600 s).
  const files = sirv(outDir, { dev: false, etag: true, maxAge: 600 });
  const sent = {
    bytes: 0,
    gzipBytes: 0,
    requests: 0,
    files: new Map<string, { bytes: number; gzipBytes: number }>(),
  };
  const server = createServer((req, res) => {
    sent.requests++;
    const write = res.write.bind(res);
    const end = res.end.bind(res);
    const path = req.url ?? '';
    const body: Buffer[] = [];
    const count = (chunk: unknown): void => {
      if (typeof chunk === 'string') body.push(Buffer.from(chunk));
      else if (chunk instanceof Uint8Array) body.push(Buffer.from(chunk));
    };
    // sirv passes its headers to writeHead, where getHeader does not see them.
    let type: unknown = undefined;
    const writeHead = res.writeHead.bind(res);
    res.writeHead = (status: number, ...rest: unknown[]) => {
      const headers = rest.find((arg) => typeof arg === 'object' && arg !== null);
      if (headers !== undefined) {
        const entry = Object.entries(headers).find(([k]) => k.toLowerCase() === 'content-type');
        type = entry?.[1];
      }
      return writeHead(status, ...(rest as []));
    };
    const tally = (): void => {
      const whole = Buffer.concat(body);
      type ??= res.getHeader('content-type');
      const gzip = wireBytes(typeof type === 'string' ? type : undefined, whole);
      sent.bytes += whole.byteLength;
      sent.gzipBytes += gzip;
      const file = sent.files.get(path) ?? { bytes: 0, gzipBytes: 0 };
      sent.files.set(path, {
        bytes: file.bytes + whole.byteLength,
        gzipBytes: file.gzipBytes + gzip,
      });
    };
    res.write = ((chunk: unknown, ...rest: never[]) => {
      count(chunk);
      return write(chunk, ...rest);
    }) as typeof res.write;
    res.end = ((chunk?: unknown, ...rest: never[]) => {
      if (typeof chunk !== 'function') count(chunk);
      tally();
      return end(chunk as Uint8Array, ...rest);
    }) as typeof res.end;
    files(req, res, () => {
      // A site without a favicon makes Chromium log a 404: not a search problem. (Answered
      // here, not by a Playwright route: routing turns the browser's HTTP cache off.)
      res.statusCode = path === '/favicon.ico' ? 204 : 404;
      res.end(res.statusCode === 204 ? undefined : 'not found');
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
    const costs: QueryCost[] = [];
    if (driver.kind === 'api') await page.goto(`${origin}/${driver.pagePath}`);
    const further: QueryCost[] = [];
    /** Resets the counters, runs `action`, and returns what it cost. */
    const measure = async (
      query: string,
      action: () => Promise<{ results: number; span?: string }>,
    ): Promise<QueryCost> => {
      sent.bytes = 0;
      sent.gzipBytes = 0;
      sent.requests = 0;
      sent.files.clear();
      const { results, span } = await action();
      const files = [...sent.files]
        .map(([path, file]) => ({ path, ...file }))
        .sort((a, b) => b.bytes - a.bytes);
      return {
        query,
        results,
        bytes: sent.bytes,
        gzipBytes: sent.gzipBytes,
        requests: sent.requests,
        files,
        ...(span === undefined ? {} : { span }),
      };
    };
    const settled = async (): Promise<{ results: number; span: string }> => {
      await page.waitForFunction(PAGE_DONE, undefined, { timeout: 60_000 });
      await page.waitForLoadState('networkidle');
      return {
        results: Number(await page.evaluate(PAGE_RESULTS)),
        span: String(await page.evaluate(PAGE_SPAN)),
      };
    };
    for (const [i, query] of queries.entries()) {
      costs.push(
        await measure(query, async () => {
          if (driver.kind === 'api') {
            return { results: Number(await page.evaluate(API_QUERY(driver.bundle, query))) };
          }
          const params = driver.params === undefined ? '' : `&${driver.params}`;
          if (i === 0 && driver.stepBytes === undefined) {
            await page.goto(`${origin}/${driver.pagePath}?q=${encodeURIComponent(query)}${params}`);
          } else {
            if (i === 0) {
              await page.goto(`${origin}/${driver.pagePath}?q=${params}`);
              await page.waitForFunction(`'folioSearch' in window`);
              await page.evaluate(`window.folioSearch.stepBytes = ${String(driver.stepBytes)}`);
            }
            await page.evaluate(`document.querySelector('[data-status]').textContent = ''`);
            await page.fill('[data-search-root] input[name="q"]', query);
            await page.press('[data-search-root] input[name="q"]', 'Enter');
          }
          return settled();
        }),
      );
      if (driver.kind !== 'page') continue;
      for (let press = 0; press < (driver.further ?? 0); press++) {
        const button = page.locator('[data-search-root] [data-more]');
        if (!(await button.isVisible())) break;
        const label = (await button.textContent()) ?? '';
        further.push(
          await measure(`${query} → ${label}`, async () => {
            await button.click();
            await page.waitForFunction(
              `document.querySelector('[data-search-root] [data-more]').disabled === false`,
              undefined,
              { timeout: 60_000 },
            );
            return settled();
          }),
        );
      }
    }
    const [cold, ...warm] = costs;
    if (cold === undefined) throw new Error('searchCost: no queries');
    return { cold, warm, further, problems };
  } finally {
    await browser.close();
    await new Promise((done) => server.close(done));
  }
}
