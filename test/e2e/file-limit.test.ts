/**
 * A host's file limit (`maxFiles` in folio.config.json), end to end: the fixture archive built
 * in search parts of 4 articles, with a limit it meets only when the index bundles its fragments
 * two articles a file; the search still finds every article. A limit it cannot meet fails the
 * build, saying what the site's files are.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { readdir, rm, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { countSiteFiles } from '../../src/site/file-limit.ts';
import {
  FIXTURE_ARTICLES_NEWEST,
  buildFixture,
  launchBrowser,
  openPage,
  projectRoot,
  runFolio,
  searchToEnd,
  serve,
  type Site,
} from './harness.ts';

const FIXTURE = join(projectRoot, 'test/fixtures/site');
let work: string;
let site: Site;
let browser: Browser;

/** The environment of a build with `maxFiles`, in search parts of 4 articles. */
async function limited(maxFiles: number, name: string): Promise<NodeJS.ProcessEnv> {
  const config = join(work, `${name}.json`);
  await writeFile(
    config,
    JSON.stringify({ paper: '示例日报', site: 'https://example.org', maxFiles }),
  );
  return {
    FOLIO_CONFIG: config,
    FOLIO_SEARCH_PART: '4',
    FOLIO_CACHE: join(work, `cache-${name}`),
  };
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'folio-file-limit-'));
  // Unbundled, this site holds 186 files, and Folio's estimate of it is 204.
  const outDir = await buildFixture(FIXTURE, await limited(200, 'fits'));
  site = await serve(outDir, '/');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
  await site.close();
  await rm(site.outDir, { recursive: true, force: true });
  await rm(work, { recursive: true, force: true });
});

test('should bundle the fragments two articles a file, and keep the site within the limit', async () => {
  expect(await countSiteFiles(site.outDir)).toEqual({
    total: 180,
    pages: 47,
    index: 110,
    others: 23,
  });
  const fragments: Record<string, number> = {};
  for (const key of ['2024-2', '2024', '2023-2', '2023', 'undated', 'engine']) {
    fragments[key] = (await readdir(join(site.outDir, 'pagefind', key, 'fragment'))).length;
  }
  // Parts of 4 articles in 2 files; the parts of one article keep their one file.
  expect(fragments).toEqual({
    '2024-2': 2,
    '2024': 2,
    '2023-2': 1,
    '2023': 2,
    undated: 1,
    engine: 1,
  });
});

test('should find every article through the bundled fragments', async () => {
  const problems: string[] = [];
  const page = await openPage(browser, problems);
  const hits = await searchToEnd(page, site.url, {
    query: '',
    filters: { kind: 'article' },
    sort: 'newest',
  });
  expect(hits.map((h) => `${h.date ?? ''} ${h.title}`)).toEqual(FIXTURE_ARTICLES_NEWEST);
  expect(problems).toEqual([]);
});

test('should fail a build whose site holds more files than the limit, saying what they are', async () => {
  const env = await limited(150, 'over');
  const outDir = join(work, 'over-site');
  const config = env['FOLIO_CONFIG'] ?? '';
  await expect(runFolio(['build', '--content', FIXTURE, '--out', outDir], env)).rejects.toThrow(
    `folio build: ${outDir}: 186 files, more than maxFiles (150) in ${config}: 47 pages, ` +
      `116 files of the search index (pagefind/), 23 others. A build of the whole site bundles ` +
      `the index's fragments (up to 16 articles a file) when that makes the site fit; this one ` +
      `needs a host without a file limit (README, "How large the site gets")`,
  );
});
