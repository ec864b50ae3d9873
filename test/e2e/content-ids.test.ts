/**
 * Entries are named by their content paths in every build: an undated page whose folder name is
 * not lower case (`undated/Scan.A/`, from a raw file `Scan.A.txt`) has its pages at that folder's
 * URL, and a shard build, which finds its neighbours from folder names alone
 * (src/shard/neighbours.ts), links to the same URL as the whole build.
 */
import { beforeAll, expect, test } from 'vitest';
import { cp, mkdtemp, readFile, rename } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildFixture, projectRoot } from './harness.ts';

let content: string;

beforeAll(async () => {
  const work = await mkdtemp(join(tmpdir(), 'folio-ids-'));
  content = join(work, 'content');
  await cp(join(projectRoot, 'test/fixtures/site'), content, { recursive: true });
  await rename(join(content, 'undated/scan-a'), join(content, 'undated/Scan.A'));
});

/** Where the last dated issue's "next issue" link leads. */
async function nextIssue(site: string): Promise<string | undefined> {
  const html = await readFile(join(site, '2024-05-02/index.html'), 'utf8');
  return /<a class="next" rel="next" href="([^"]*)"/.exec(html)?.[1];
}

test('should keep an undated folder’s name in its URLs, in the whole build and a shard', async () => {
  const whole = await buildFixture(content);
  expect(existsSync(join(whole, 'undated/Scan.A/index.html'))).toBe(true);
  expect(existsSync(join(whole, 'undated/Scan.A/01/index.html'))).toBe(true);
  expect(await nextIssue(whole)).toBe('/undated/Scan.A/');

  const shard = await buildFixture(content, {}, ['--shard', '2024']);
  expect(await nextIssue(shard)).toBe('/undated/Scan.A/');
});
