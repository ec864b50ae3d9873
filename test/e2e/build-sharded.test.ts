/**
 * `folio build --sharded` end to end: the fixture archive (2023, 2024, undated) is built as its
 * shards and global pages, two at a time, and assembled; then built again after nothing changed,
 * after a title of 2024 was corrected, after the whole of 2023 was removed, and with an item that
 * cannot be read. Each time the log says which parts were built, and the site is the whole build
 * of the same content file for file (but for the sitemaps, which are split per part). Last, two
 * archives are built from the project at the same time.
 */
import { beforeAll, expect, test } from 'vitest';
import { cp, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildFixture, projectRoot, runFolio } from './harness.ts';
import { differences, readSite } from './site-diff.ts';

const env = { FOLIO_BASE: '/archive/' };
let work: string;
let content: string;
let site: string;
let cache: string;

/** Runs `folio build --sharded`; its log with each duration as `N`. */
async function buildSharded(): Promise<string[]> {
  const { stdout } = await runFolio(
    ['build', '--content', content, '--sharded', '--jobs', '2', '--out', site],
    { ...env, FOLIO_CACHE: cache },
  );
  return stdout
    .trimEnd()
    .split('\n')
    .map((line) => line.replace(/ in \d+\.\d s\b/, ' in N s'));
}

/** The built lines of a log, sorted: parts built at once finish in either order. */
const built = (log: string[]) => log.filter((line) => line.endsWith(' built in N s')).sort();

/** The line each part build prints at its end, sorted. */
const summaries = (log: string[]) => log.filter((line) => /^\[[^\]]+\] Built /.test(line)).sort();

const sitemap = (path: string) => /^sitemap-.*\.xml$/.test(path);

/** Paths that differ between the site and a whole build of the same content, sitemaps aside. */
async function differencesFromWholeBuild(): Promise<string[]> {
  const whole = await readSite(await buildFixture(content, env));
  const assembled = await readSite(site);
  return differences(whole, assembled).filter((path) => !sitemap(path));
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'folio-sharded-'));
  content = join(work, 'content');
  site = join(work, 'site');
  cache = join(work, 'cache');
  await cp(join(projectRoot, 'test/fixtures/site'), content, { recursive: true });
});

test('should build every part, two at a time, and assemble the whole build', async () => {
  const log = await buildSharded();
  expect(log[0]).toBe('Building 4 of 4 parts, 2 at a time');
  expect(built(log)).toEqual([
    'global: built in N s',
    'shard 2023: built in N s',
    'shard 2024: built in N s',
    'shard undated: built in N s',
  ]);
  expect(summaries(log)).toEqual([
    `[2023] Built 19 pages into ${cache}/parts/2023 in N s (19 rendered, 0 reused); search: 5 articles in 1 bundle (1 indexed, 0 reused)`,
    `[2024] Built 25 pages into ${cache}/parts/2024 in N s (25 rendered, 0 reused); search: 8 articles in 1 bundle (1 indexed, 0 reused)`,
    `[global] Built 15 pages into ${cache}/parts/global in N s (15 rendered, 0 reused)`,
    `[undated] Built 9 pages into ${cache}/parts/undated in N s (9 rendered, 0 reused); search: 1 article in 1 bundle (1 indexed, 0 reused)`,
  ]);
  expect(log.at(-1)).toBe(
    `Assembled 156 files of 4 parts (4 built) into ${site} in N s (153 copied, 0 kept from the previous site)`,
  );
  expect(log).toHaveLength(10);
  expect(await differencesFromWholeBuild()).toEqual([]);
  expect((await readdir(join(cache, 'parts'))).sort()).toEqual([
    '2023',
    '2023.json',
    '2024',
    '2024.json',
    'content-hashes.json',
    'global',
    'global.json',
    'site.json',
    'undated',
    'undated.json',
  ]);
  // The record of what was assembled: the site, and each part's build as its stamp names it.
  const record = JSON.parse(await readFile(join(cache, 'parts/site.json'), 'utf8')) as {
    site: string;
    parts: Record<string, { build: string; files: string[] }>;
  };
  expect(record.site).toBe(site);
  for (const part of ['global', '2023', '2024', 'undated']) {
    const stamp = JSON.parse(await readFile(join(cache, `parts/${part}.json`), 'utf8')) as {
      build: string;
    };
    expect(record.parts[part]?.build, part).toBe(stamp.build);
  }
  expect(record.parts['2023']?.files).toContain('2023-05-01/index.html');
});

test('should build nothing when nothing changed, and leave the site as it was', async () => {
  const before = await readSite(site);
  // A part not built since the last run is taken as that run recorded it: a file of it given a
  // new time (same bytes) is not compared, so not copied (the quick check would copy it).
  const touched = join(cache, 'parts/2023/2023-05-01/index.html');
  const later = new Date(Date.now() + 60_000);
  await utimes(touched, later, later);
  expect(await buildSharded()).toEqual([
    'All 4 parts unchanged since their last build',
    `Assembled 156 files of 4 parts (0 built) into ${site} in N s (0 copied, 153 kept from the previous site)`,
  ]);
  expect(differences(before, await readSite(site))).toEqual([]);
});

test('should rebuild only the year of a corrected title, and the global pages', async () => {
  const file = join(content, '2024-05-01/01/01.md');
  const text = await readFile(file, 'utf8');
  await writeFile(file, text.replace("title: '城南社区植树忙'", "title: '城南社区植树正忙'"));
  const log = await buildSharded();
  expect(log[0]).toBe('Building 2 of 4 parts, 2 at a time (2 unchanged)');
  expect(built(log)).toEqual(['global: built in N s', 'shard 2024: built in N s']);
  // Of each, the pages that show the title or the archive's newest days are rendered again.
  expect(summaries(log)).toEqual([
    `[2024] Built 25 pages into ${cache}/parts/2024 in N s (11 rendered, 14 reused); search: 8 articles in 1 bundle (1 indexed, 0 reused)`,
    `[global] Built 15 pages into ${cache}/parts/global in N s (9 rendered, 6 reused)`,
  ]);
  expect(log).toHaveLength(6);
  // Copied: what the two builds wrote anew — the pages that show the title, the pages every
  // build renders, Astro's assets, the sitemaps and 2024's search bundle; the rest is kept.
  expect(log.at(-1)).toBe(
    `Assembled 156 files of 4 parts (2 built) into ${site} in N s (54 copied, 99 kept from the previous site, 3 removed)`,
  );
  expect(await readFile(join(site, '2024-05-01/01/01/index.html'), 'utf8')).toContain(
    '城南社区植树正忙',
  );
  expect(await differencesFromWholeBuild()).toEqual([]);
});

test('should drop a year no longer in the content, and rebuild the year whose edge it was', async () => {
  await rm(join(content, '2023-05-01'), { recursive: true });
  await rm(join(content, '2023-11-21'), { recursive: true });
  // The site's search engine files (the same bytes in every shard) came from 2023's build; now
  // they come from 2024's, written at the same time by the first run. The quick check would keep
  // the site's copies of any written within 1 ms of 2023's: 2024's are set apart, so that the
  // count below does not depend on how the first run's two builds were timed.
  const engine = join(cache, 'parts/2024/pagefind/engine');
  const later = new Date(Date.now() + 60_000);
  for (const entry of await readdir(engine, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) await utimes(join(entry.parentPath, entry.name), later, later);
  }
  const log = await buildSharded();
  // 2024's first issue no longer links back to 2023's last.
  expect(log[0]).toBe('Building 2 of 3 parts, 2 at a time (1 unchanged)');
  expect(built(log)).toEqual(['global: built in N s', 'shard 2024: built in N s']);
  // Of each, the pages that showed 2023's items or linked to them are rendered again; 2024's
  // search bundle is the one it had.
  expect(summaries(log)).toEqual([
    `[2024] Built 25 pages into ${cache}/parts/2024 in N s (9 rendered, 16 reused); search: 8 articles in 1 bundle (0 indexed, 1 reused)`,
    `[global] Built 14 pages into ${cache}/parts/global in N s (12 rendered, 2 reused)`,
  ]);
  expect(log.at(-1)).toBe(
    `Assembled 115 files of 3 parts (2 built) into ${site} in N s (41 copied, 71 kept from the previous site, 41 removed)`,
  );
  expect((await readdir(join(cache, 'parts'))).sort()).toEqual([
    '2024',
    '2024.json',
    'content-hashes.json',
    'global',
    'global.json',
    'site.json',
    'undated',
    'undated.json',
  ]);
  expect((await readdir(site)).filter((name) => name.startsWith('2023'))).toEqual([]);
  expect(await differencesFromWholeBuild()).toEqual([]);
});

test('should fail naming the part and the file, keep the site, and retry the part next time', async () => {
  const before = await readSite(site);
  const file = join(content, '2024-05-02/01/02.md');
  const text = await readFile(file, 'utf8');
  await writeFile(file, text.replace(/^title: .*$/m, "title: '未闭合"));
  const failure = await runFolio(
    ['build', '--content', content, '--sharded', '--jobs', '1', '--out', site],
    { ...env, FOLIO_CACHE: cache },
  ).then(
    () => null,
    (error: unknown) => error as { code: number; stderr: string },
  );
  expect(failure?.code).toBe(1);
  // One at a time, the global build fails first; no further part starts.
  expect(failure?.stderr).toMatch(/^folio build: global failed \(exit code 1\): .*02\.md/m);
  expect(differences(before, await readSite(site))).toEqual([]);

  await writeFile(file, text);
  const log = await buildSharded();
  // 2024 never started, and its text is again what its last build was built from.
  expect(log[0]).toBe('Building 1 of 3 parts, 1 at a time (2 unchanged)');
  expect(built(log)).toEqual(['global: built in N s']);
  expect(await differencesFromWholeBuild()).toEqual([]);
});

test('should build two archives from the same project at once, each whole', async () => {
  // Each build runs its parts in working directories of its own inside the project.
  const fixture = join(projectRoot, 'test/fixtures/site');
  const archives = ['a', 'b'].map((name) => ({
    content: join(work, `content-${name}`),
    site: join(work, `site-${name}`),
    cache: join(work, `cache-${name}`),
  }));
  for (const archive of archives) await cp(fixture, archive.content, { recursive: true });
  const logs = await Promise.all(
    archives.map(({ content: dir, site: out, cache: partsCache }) =>
      runFolio(['build', '--content', dir, '--sharded', '--jobs', '2', '--out', out], {
        ...env,
        FOLIO_CACHE: partsCache,
      }),
    ),
  );
  for (const { stdout } of logs) {
    expect(stdout.split('\n')[0]).toBe('Building 4 of 4 parts, 2 at a time');
  }
  const [a, b] = archives;
  if (a === undefined || b === undefined) throw new Error('two archives');
  expect(differences(await readSite(a.site), await readSite(b.site))).toEqual([]);
  const whole = await readSite(await buildFixture(fixture, env));
  expect(differences(whole, await readSite(a.site)).filter((path) => !sitemap(path))).toEqual([]);
  expect(await readdir(join(projectRoot, 'node_modules/.folio/parts'))).toEqual([]);
});
