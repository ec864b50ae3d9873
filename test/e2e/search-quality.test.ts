/**
 * Search quality, measured: the dev corpus (../shared/corpus/dev) is built into a site, at least
 * 300 substrings of 2–6 characters are sampled from its article texts (fixed seed), each is run
 * through the site's own search engine in Chromium, and the hits are compared with exact
 * substring truth. Recall (of every verified hit) and precision of the first 10 hits are
 * asserted; the network bytes a search costs are reported (cold first query, warm later ones).
 *
 * For comparison the same queries also run against stock Pagefind (the article pages indexed
 * with its own Chinese segmentation) as a plain query, as a quoted phrase, and with each
 * result's text checked; and against Folio's bigram index without the check.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import type { Browser, Page, Request } from 'playwright-core';
import { buildFixture, launchBrowser, serve, type Site } from './harness.ts';
import { writeDevContent, type CorpusItem } from '../support/dev-corpus.ts';
import { HAN, WORD_CHAR, queryTerms, useFolding } from '../../src/search/normalize.ts';
import { foldingTable } from '../../src/search/folding/table.ts';
import { indexTermsFor } from '../../src/search/tokens.ts';
import { itemUrl } from '../../src/archive/urls.ts';

const SEED = 20240501;
const QUERIES = 400;

let site: Site;
let browser: Browser;
let items: CorpusItem[];

/** mulberry32: a small deterministic PRNG. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The text of an item as its article element shows it. */
function itemText(item: CorpusItem): string {
  const { kicker, title, subtitle, byline } = item.data;
  return [kicker, title, subtitle, byline, ...item.paragraphs].filter((x) => x !== null).join('\n');
}

/** Distinct substrings of 2–6 letters, digits or Han characters (at least one Han) from the bodies. */
function sampleQueries(count: number): string[] {
  const next = random(SEED);
  const bodies = items.map((item) => Array.from(item.paragraphs.join('\n')));
  const queries = new Set<string>();
  for (let tries = 0; queries.size < count && tries < count * 100; tries++) {
    const body = bodies[Math.floor(next() * bodies.length)] ?? [];
    const length = 2 + Math.floor(next() * 5);
    const start = Math.floor(next() * Math.max(1, body.length - length));
    const chars = body.slice(start, start + length);
    if (chars.length !== length || !chars.every((c) => WORD_CHAR.test(c))) continue;
    if (!chars.some((c) => HAN.test(c))) continue;
    queries.add(chars.join(''));
  }
  return [...queries];
}

interface Measured {
  top: string[];
  all: string[];
}

interface Score {
  recall: number;
  precisionAt10: number;
  missed: string[];
  wrong: string[];
}

function score(queries: string[], results: Measured[], truth: Map<string, Set<string>>): Score {
  let relevant = 0;
  let found = 0;
  let shown = 0;
  let right = 0;
  const missed: string[] = [];
  const wrong: string[] = [];
  queries.forEach((query, i) => {
    const expected = truth.get(query) ?? new Set<string>();
    const result = results[i] ?? { top: [], all: [] };
    relevant += expected.size;
    const hits = result.all.filter((url) => expected.has(url)).length;
    found += hits;
    if (hits < expected.size) missed.push(query);
    shown += result.top.length;
    const good = result.top.filter((url) => expected.has(url)).length;
    right += good;
    if (good < result.top.length) wrong.push(query);
  });
  return { recall: found / relevant, precisionAt10: right / shown, missed, wrong };
}

/** Runs queries through the search page's own engine (`window.folioSearch`). */
async function runFolio(page: Page, queries: string[]): Promise<Measured[]> {
  return page.evaluate(async (qs) => {
    interface Run {
      done: boolean;
      more(n: number): Promise<{ url: string }[]>;
    }
    const engine = (window as unknown as { folioSearch: { search(r: unknown): Promise<Run> } })
      .folioSearch;
    const out: { top: string[]; all: string[] }[] = [];
    for (const query of qs) {
      const run = await engine.search({
        query,
        filters: {},
        sort: 'relevance',
        from: null,
        to: null,
      });
      const top = (await run.more(10)).map((h) => h.url);
      const all = [...top];
      while (!run.done) all.push(...(await run.more(50)).map((h) => h.url));
      out.push({ top, all });
    }
    return out;
  }, queries);
}

/**
 * Runs Pagefind queries straight through a Pagefind bundle. With `verify`, a result counts only
 * if its stored text holds the original query (the check Folio's engine makes), so the first 10
 * are the first 10 that pass.
 */
async function runPagefind(
  page: Page,
  bundle: string,
  searches: { pagefindQuery: string; query: string }[],
  verify: boolean,
): Promise<Measured[]> {
  // A script string, so the test runner does not rewrite the browser's import().
  const script = `(async ({ bundle, searches, verify }) => {
    const pf = await import(bundle);
    const out = [];
    for (const { pagefindQuery, query } of searches) {
      const found = await pf.search(pagefindQuery);
      const data = await Promise.all(found.results.map((r) => r.data()));
      const kept = verify ? data.filter((d) => d.content.replace(/\\s+/g, '').includes(query)) : data;
      const all = kept.map((d) => d.url);
      out.push({ top: all.slice(0, 10), all });
    }
    return out;
  })(${JSON.stringify({ bundle, searches, verify })})`;
  return page.evaluate<Measured[]>(script);
}

/**
 * Bytes received while `action` runs (headers and body as transferred), all requests of the page
 * and its workers (Pagefind searches in a Web Worker); `pagefind` counts those of the index
 * bundle, `byKind` splits them by file type (`meta`, `index`, `fragment`, `filter`, `js` …).
 */
async function bytesDuring(
  page: Page,
  action: () => Promise<unknown>,
): Promise<{ total: number; pagefind: number; byKind: Record<string, number> }> {
  const sizes: Promise<{ url: string; bytes: number }>[] = [];
  const listener = (request: Request): void => {
    sizes.push(
      request.sizes().then((s) => ({
        url: request.url(),
        bytes: s.responseHeadersSize + s.responseBodySize,
      })),
    );
  };
  page.context().on('requestfinished', listener);
  await action();
  page.context().off('requestfinished', listener);
  const all = await Promise.all(sizes);
  const sum = (list: { bytes: number }[]): number => list.reduce((n, x) => n + x.bytes, 0);
  const byKind: Record<string, number> = {};
  for (const { url, bytes } of all) {
    const path = new URL(url).pathname;
    const kind =
      /\.pf_(\w+)$/.exec(path)?.[1] ??
      (path.endsWith('.js') ? 'js' : (/\.(\w+)$/.exec(path)?.[1] ?? 'html'));
    byKind[kind] = (byKind[kind] ?? 0) + bytes;
  }
  return {
    total: sum(all),
    pagefind: sum(all.filter((x) => x.url.includes('/pagefind/'))),
    byKind,
  };
}

beforeAll(async () => {
  useFolding(foldingTable());
  const content = await mkdtemp(join(tmpdir(), 'folio-dev-content-'));
  items = await writeDevContent(content);
  const outDir = await buildFixture(content);
  // Stock Pagefind over the same pages, for comparison only.
  try {
    const { index } = await pagefind.createIndex({ forceLanguage: 'zh' });
    if (index === undefined) throw new Error('no index');
    await index.addDirectory({ path: outDir });
    await index.writeFiles({ outputPath: join(outDir, 'pagefind-stock') });
  } finally {
    await pagefind.close();
  }
  site = await serve(outDir);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
  await site.close();
});

test('should find every article holding a 2–6 character query, and only those, in its first 10', async () => {
  const queries = sampleQueries(QUERIES);
  expect(queries.length).toBeGreaterThanOrEqual(300);
  const base = new URL(site.url).pathname;
  const truth = new Map<string, Set<string>>();
  for (const query of queries) {
    truth.set(
      query,
      new Set(
        items
          .filter((item) => itemText(item).includes(query))
          .map((item) => itemUrl(item.id, base)),
      ),
    );
  }

  const page = await browser.newPage();
  await page.goto(`${site.url}search/`);
  await page.waitForFunction(() => 'folioSearch' in window);

  const folio = score(queries, await runFolio(page, queries), truth);
  const stockBundle = `${base}pagefind-stock/pagefind.js`;
  const plain = queries.map((query) => ({ pagefindQuery: query, query }));
  const stock = score(queries, await runPagefind(page, stockBundle, plain, false), truth);
  const stockChecked = score(queries, await runPagefind(page, stockBundle, plain, true), truth);
  const bigrams = queries.map((query) => ({
    pagefindQuery: queryTerms(query).flatMap(indexTermsFor).join(' '),
    query,
  }));
  const unchecked = score(
    queries,
    // The dev corpus is one year (2021), so Folio's index is the one shard `pagefind/2021/`.
    await runPagefind(page, `${base}pagefind/2021/pagefind.js`, bigrams, false),
    truth,
  );
  const quoted = queries.map((query) => ({ pagefindQuery: `"${query}"`, query }));
  const phrase = score(queries, await runPagefind(page, stockBundle, quoted, false), truth);
  await page.close();

  // Network bytes of a search: a fresh page (cold: Pagefind's code, metadata, index chunks and
  // fragments all fetched), then the next queries on the same page (warm).
  const fresh = await browser.newContext();
  const tab = await fresh.newPage();
  const load = await bytesDuring(tab, async () => {
    await tab.goto(`${site.url}search/`);
    await tab.waitForFunction(() => 'folioSearch' in window);
  });
  const perQuery: number[] = [];
  let firstByKind: Record<string, number> = {};
  for (const query of queries.slice(0, 50)) {
    const measured = await bytesDuring(tab, () => runFolio(tab, [query]));
    if (perQuery.length === 0) firstByKind = measured.byKind;
    perQuery.push(measured.total);
  }
  await fresh.close();
  const warm = perQuery.slice(1).sort((a, b) => a - b);
  const median = warm[Math.floor(warm.length / 2)] ?? 0;
  const report = {
    queries: queries.length,
    articles: items.length,
    folio: { recall: folio.recall, precisionAt10: folio.precisionAt10 },
    stockPagefind: { recall: stock.recall, precisionAt10: stock.precisionAt10 },
    stockPhrase: { recall: phrase.recall, precisionAt10: phrase.precisionAt10 },
    stockChecked: { recall: stockChecked.recall, precisionAt10: stockChecked.precisionAt10 },
    bigramsUnchecked: { recall: unchecked.recall, precisionAt10: unchecked.precisionAt10 },
    bytes: {
      searchPageLoad: load.total,
      searchPageLoadByKind: load.byKind,
      firstQuery: perQuery[0],
      firstQueryByKind: firstByKind,
      warmMedian: median,
      warmMax: warm.at(-1),
    },
  };
  console.log(`search quality: ${JSON.stringify(report, null, 2)}`);
  if (folio.missed.length > 0) console.log(`missed: ${folio.missed.join(' ')}`);
  if (folio.wrong.length > 0) console.log(`wrong in first 10: ${folio.wrong.join(' ')}`);

  expect(folio.recall).toBeGreaterThanOrEqual(0.999);
  expect(folio.precisionAt10).toBeGreaterThanOrEqual(0.99);
}, 600_000);
