import {
  mkdtempSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { assemble, type AssembleReport } from '../../../src/shard/assemble.ts';

// `copyFile` as it is, unless a test makes it fail (a full disk).
vi.mock('node:fs/promises', async (original) => {
  const fs = await original<typeof import('node:fs/promises')>();
  return { ...fs, copyFile: vi.fn(fs.copyFile) };
});

/** A directory holding `files` (path → text). */
function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'folio-part-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

function files(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out[relative(dir, path).split(sep).join('/')] = readFileSync(path, 'utf8');
  }
  return out;
}

const index = (...maps: string[]) =>
  '<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">' +
  maps.map((m) => `<sitemap><loc>https://example.org/${m}</loc></sitemap>`).join('') +
  '</sitemapindex>';

function bundle(key: string, articles: number, from: string, to: string) {
  return { key, year: key.slice(0, 4), articles, from, to };
}

function globalPart(issues: string[], extra: Record<string, string> = {}): string {
  return tree({
    'folio-part.json': '{"part":"global"}',
    'index.html': 'home',
    '_astro/site.css': 'css',
    'favicon.svg': 'icon',
    'data/issues.json': JSON.stringify({ issues: issues.map((key) => ({ key })) }),
    'sitemap-0.xml': '<urlset/>',
    'sitemap-index.xml': index('sitemap-0.xml'),
    ...extra,
  });
}

function shardPart(
  shard: string,
  issues: string[],
  bundles: ReturnType<typeof bundle>[],
  extra: Record<string, string> = {},
): string {
  return tree({
    'folio-part.json': JSON.stringify({ part: 'shard', shard }),
    '_astro/site.css': 'css',
    'favicon.svg': 'icon',
    ...Object.fromEntries(issues.map((key) => [`${key}/index.html`, `issue ${key}`])),
    [`calendar/${shard}/05/index.html`]: `month ${shard}`,
    'data/items.jsonl': issues.map((key) => `{"id":"${key}/01/01"}\n`).join(''),
    'pagefind/shards.json': JSON.stringify({ shards: bundles }),
    ...Object.fromEntries(bundles.map((b) => [`pagefind/${b.key}/pagefind.js`, `engine ${b.key}`])),
    [`sitemap-${shard}-0.xml`]: '<urlset/>',
    [`sitemap-${shard}-index.xml`]: index(`sitemap-${shard}-0.xml`),
    ...extra,
  });
}

const out = () => join(mkdtempSync(join(tmpdir(), 'folio-site-')), 'site');

/** A report's counts, without the parts' file lists. */
const counts = ({ files, copied, kept, removed, shards }: AssembleReport) => ({
  files,
  copied,
  kept,
  removed,
  shards,
});

describe('assemble', () => {
  test('should join the parts, merging the bundle list, the item export and the sitemap index', async () => {
    const global = globalPart(['2023-05-01', '2024-01-02', '2024-05-01']);
    const s2024 = shardPart(
      '2024',
      ['2024-01-02', '2024-05-01'],
      [
        bundle('2024-2', 1, '2024-05-01', '2024-05-01'),
        bundle('2024', 5, '2024-01-02', '2024-01-02'),
      ],
    );
    const s2023 = shardPart(
      '2023',
      ['2023-05-01'],
      [bundle('2023', 3, '2023-05-01', '2023-05-01')],
    );
    const site = out();
    const report = await assemble({ outDir: site, sources: [s2024, global, s2023] });
    expect(counts(report)).toEqual({
      files: 20,
      copied: 17,
      kept: 0,
      removed: 0,
      shards: ['2023', '2024'],
    });
    // Each part's files as listed, its label left out.
    expect([...report.sources.keys()]).toEqual([s2024, global, s2023]);
    expect(report.sources.get(global)).toEqual([
      '_astro/site.css',
      'data/issues.json',
      'favicon.svg',
      'index.html',
      'sitemap-0.xml',
      'sitemap-index.xml',
    ]);
    expect(report.sources.get(s2023)).toEqual([
      '2023-05-01/index.html',
      '_astro/site.css',
      'calendar/2023/05/index.html',
      'data/items.jsonl',
      'favicon.svg',
      'pagefind/2023/pagefind.js',
      'pagefind/shards.json',
      'sitemap-2023-0.xml',
      'sitemap-2023-index.xml',
    ]);
    expect(report.sources.get(s2024)).toHaveLength(11);
    const result = files(site);
    expect(Object.keys(result).sort()).toEqual([
      '2023-05-01/index.html',
      '2024-01-02/index.html',
      '2024-05-01/index.html',
      '_astro/site.css',
      'calendar/2023/05/index.html',
      'calendar/2024/05/index.html',
      'data/issues.json',
      'data/items.jsonl',
      'favicon.svg',
      'index.html',
      'pagefind/2023/pagefind.js',
      'pagefind/2024-2/pagefind.js',
      'pagefind/2024/pagefind.js',
      'pagefind/shards.json',
      'sitemap-0.xml',
      'sitemap-2023-0.xml',
      'sitemap-2023-index.xml',
      'sitemap-2024-0.xml',
      'sitemap-2024-index.xml',
      'sitemap-index.xml',
    ]);
    expect(JSON.parse(result['pagefind/shards.json'] ?? '')).toEqual({
      shards: [
        bundle('2024-2', 1, '2024-05-01', '2024-05-01'),
        bundle('2024', 5, '2024-01-02', '2024-01-02'),
        bundle('2023', 3, '2023-05-01', '2023-05-01'),
      ],
    });
    expect(result['data/items.jsonl']).toBe(
      '{"id":"2023-05-01/01/01"}\n{"id":"2024-01-02/01/01"}\n{"id":"2024-05-01/01/01"}\n',
    );
    expect(result['sitemap-index.xml']).toBe(
      index('sitemap-0.xml', 'sitemap-2023-0.xml', 'sitemap-2024-0.xml'),
    );
    expect(result['2023-05-01/index.html']).toBe('issue 2023-05-01');
  });

  test('should remove from a previous site what no build holds', async () => {
    const site = out();
    mkdirSync(site);
    writeFileSync(join(site, 'stale.html'), 'old');
    const global = globalPart(['2023-05-01']);
    const s2023 = shardPart(
      '2023',
      ['2023-05-01'],
      [bundle('2023', 1, '2023-05-01', '2023-05-01')],
    );
    await assemble({ outDir: site, sources: [global, s2023] });
    expect(Object.keys(files(site))).not.toContain('stale.html');
    expect(readdirSync(dirname(site))).toEqual(['site']);
  });

  test('should refuse to write the site over a build it joins', async () => {
    const global = globalPart(['2023-05-01']);
    const shard = shardPart(
      '2023',
      ['2023-05-01'],
      [bundle('2023', 1, '2023-05-01', '2023-05-01')],
    );
    await expect(assemble({ outDir: global, sources: [global, shard] })).rejects.toThrow(
      `${global}: the assembled site cannot replace or hold a build it joins (${global})`,
    );
    await expect(
      assemble({ outDir: join(shard, 'site'), sources: [global, shard] }),
    ).rejects.toThrow('the assembled site cannot replace or hold a build it joins');
    expect(Object.keys(files(global))).toContain('index.html');
  });

  test('should join a dozen shards without leaving listeners on the item export', async () => {
    const years = Array.from({ length: 12 }, (_, i) => String(2013 + i));
    const issues = years.map((year) => `${year}-05-01`);
    const shards = years.map((year) =>
      shardPart(year, [`${year}-05-01`], [bundle(year, 1, `${year}-05-01`, `${year}-05-01`)]),
    );
    const warnings: Error[] = [];
    const warn = (warning: Error) => warnings.push(warning);
    process.on('warning', warn);
    try {
      const site = out();
      await assemble({ outDir: site, sources: [globalPart(issues), ...shards] });
      await new Promise((done) => setImmediate(done));
      expect(files(site)['data/items.jsonl']).toBe(
        issues.map((key) => `{"id":"${key}/01/01"}\n`).join(''),
      );
    } finally {
      process.off('warning', warn);
    }
    expect(warnings.map((w) => w.message)).toEqual([]);
  });

  describe('into an existing site', () => {
    const parts = () => {
      const global = globalPart(['2023-05-01', '2024-01-02', '2024-05-01']);
      const s2023 = shardPart(
        '2023',
        ['2023-05-01'],
        [bundle('2023', 3, '2023-05-01', '2023-05-01')],
      );
      const s2024 = shardPart(
        '2024',
        ['2024-01-02', '2024-05-01'],
        [bundle('2024', 5, '2024-01-02', '2024-05-01')],
      );
      return { global, s2023, s2024, sources: [global, s2023, s2024] };
    };
    /** The inode of every file of `dir`. */
    const inodes = (dir: string) =>
      Object.fromEntries(Object.keys(files(dir)).map((p) => [p, statSync(join(dir, p)).ino]));
    const merged = ['data/items.jsonl', 'pagefind/shards.json', 'sitemap-index.xml'];
    const fresh = async (sources: string[]) => {
      const site = out();
      await assemble({ outDir: site, sources });
      return files(site);
    };

    beforeEach(() => {
      vi.mocked(copyFile).mockClear();
    });

    test('should keep every file when no part changed', async () => {
      const { sources } = parts();
      const site = out();
      await assemble({ outDir: site, sources });
      const before = inodes(site);
      const report = await assemble({ outDir: site, sources });
      expect(counts(report)).toEqual({
        files: 19,
        copied: 0,
        kept: 16,
        removed: 0,
        shards: ['2023', '2024'],
      });
      const after = inodes(site);
      for (const path of Object.keys(before)) {
        if (merged.includes(path)) expect(after[path], path).not.toBe(before[path]);
        else expect(after[path], path).toBe(before[path]);
      }
      expect(files(site)).toEqual(await fresh(sources));
      expect(readdirSync(dirname(site))).toEqual(['site']);
    });

    test('should copy only the files a rebuilt shard changed', async () => {
      const { s2024, sources } = parts();
      const site = out();
      await assemble({ outDir: site, sources });
      const before = inodes(site);
      writeFileSync(join(s2024, '2024-05-01/index.html'), 'issue 2024-05-01, corrected');
      mkdirSync(join(s2024, '2024-06-01'));
      writeFileSync(join(s2024, '2024-06-01/index.html'), 'issue 2024-06-01');
      const report = await assemble({ outDir: site, sources });
      expect(counts(report)).toEqual({
        files: 20,
        copied: 2,
        kept: 15,
        removed: 0,
        shards: ['2023', '2024'],
      });
      const after = inodes(site);
      const copied = ['2024-05-01/index.html', '2024-06-01/index.html'];
      for (const path of Object.keys(after)) {
        if (merged.includes(path) || copied.includes(path)) {
          expect(after[path], path).not.toBe(before[path]);
        } else {
          expect(after[path], path).toBe(before[path]);
        }
      }
      const result = files(site);
      expect(result['2024-05-01/index.html']).toBe('issue 2024-05-01, corrected');
      expect(result['2024-06-01/index.html']).toBe('issue 2024-06-01');
      expect(result).toEqual(await fresh(sources));
    });

    test('should copy a file of the same size whose time changed', async () => {
      const { s2023, sources } = parts();
      const site = out();
      await assemble({ outDir: site, sources });
      const file = join(s2023, '2023-05-01/index.html');
      writeFileSync(file, 'ISSUE 2023-05-01');
      const time = statSync(file).mtime;
      time.setSeconds(time.getSeconds() + 5);
      utimesSync(file, time, time);
      const report = await assemble({ outDir: site, sources });
      expect(counts(report)).toEqual({
        files: 19,
        copied: 1,
        kept: 15,
        removed: 0,
        shards: ['2023', '2024'],
      });
      expect(files(site)['2023-05-01/index.html']).toBe('ISSUE 2023-05-01');
      expect(statSync(join(site, '2023-05-01/index.html')).mtimeMs).toBe(statSync(file).mtimeMs);
      expect(files(site)).toEqual(await fresh(sources));
    });

    test('should drop a file a part no longer has', async () => {
      const { s2024, sources } = parts();
      const site = out();
      await assemble({ outDir: site, sources });
      rmSync(join(s2024, 'calendar/2024/05/index.html'));
      const report = await assemble({ outDir: site, sources });
      expect(counts(report)).toEqual({
        files: 18,
        copied: 0,
        kept: 15,
        removed: 1,
        shards: ['2023', '2024'],
      });
      expect(Object.keys(files(site))).not.toContain('calendar/2024/05/index.html');
      expect(files(site)).toEqual(await fresh(sources));
    });

    test('should not change the site when a part rewrites a file in place', async () => {
      const { s2023, sources } = parts();
      const site = out();
      await assemble({ outDir: site, sources });
      await assemble({ outDir: site, sources });
      const file = join(s2023, '2023-05-01/index.html');
      const inode = statSync(file).ino;
      writeFileSync(file, 'issue 2023-05-99');
      expect(statSync(file).ino).toBe(inode);
      expect(statSync(join(site, '2023-05-01/index.html')).ino).not.toBe(inode);
      expect(files(site)['2023-05-01/index.html']).toBe('issue 2023-05-01');
    });

    test('should leave the site as it was when a copy fails, and complete it next time', async () => {
      const { s2024, sources } = parts();
      const site = out();
      await assemble({ outDir: site, sources });
      const before = files(site);
      writeFileSync(join(s2024, '2024-05-01/index.html'), 'issue 2024-05-01, corrected');
      mkdirSync(join(s2024, '2024-06-01'));
      writeFileSync(join(s2024, '2024-06-01/index.html'), 'issue 2024-06-01');
      vi.mocked(copyFile).mockImplementationOnce(() =>
        Promise.reject(
          Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }),
        ),
      );
      await expect(assemble({ outDir: site, sources })).rejects.toThrow('ENOSPC');
      // No file changed, no staged copy or new directory left.
      expect(files(site)).toEqual(before);
      expect(readdirSync(site)).not.toContain('2024-06-01');
      const report = await assemble({ outDir: site, sources });
      expect(counts(report)).toEqual({
        files: 20,
        copied: 2,
        kept: 15,
        removed: 0,
        shards: ['2023', '2024'],
      });
      expect(files(site)).toEqual(await fresh(sources));
    });

    describe('knowing what the last assembly left', () => {
      /** The previous assembly of `sources` into a site, with `unchanged` taken as they were. */
      const previousOf = (
        report: AssembleReport,
        unchanged: string[],
      ): { site: Set<string>; unchanged: Map<string, string[]> } => ({
        site: new Set([...report.sources.values()].flat()),
        unchanged: new Map(unchanged.map((dir) => [dir, report.sources.get(dir) ?? []])),
      });

      test('should neither list nor compare the files of an unchanged part', async () => {
        const { global, s2023, s2024, sources } = parts();
        const site = out();
        const first = await assemble({ outDir: site, sources });
        // Changed behind the record's back: neither is seen.
        writeFileSync(join(s2023, '2023-05-01/index.html'), 'ISSUE 2023-05-01, changed');
        writeFileSync(join(s2023, 'stray.html'), 'not listed');
        writeFileSync(join(s2024, '2024-05-01/index.html'), 'issue 2024-05-01, corrected');
        const report = await assemble({
          outDir: site,
          sources,
          previous: previousOf(first, [global, s2023]),
        });
        expect(counts(report)).toEqual({
          files: 19,
          copied: 1,
          kept: 15,
          removed: 0,
          shards: ['2023', '2024'],
        });
        expect(report.sources.get(s2023)).toEqual(first.sources.get(s2023));
        expect(report.sources.get(s2024)).toEqual(first.sources.get(s2024));
        const result = files(site);
        expect(result['2023-05-01/index.html']).toBe('issue 2023-05-01');
        expect(result['2024-05-01/index.html']).toBe('issue 2024-05-01, corrected');
        expect(Object.keys(result)).not.toContain('stray.html');
      });

      test('should remove what the site held and no part holds, without listing the site', async () => {
        const { global, s2023, s2024, sources } = parts();
        const site = out();
        const first = await assemble({ outDir: site, sources });
        rmSync(join(s2024, 'calendar/2024/05/index.html'));
        // Not the assembly's: left, as a site that is not listed cannot show it.
        writeFileSync(join(site, 'robots.txt'), 'by hand');
        const report = await assemble({
          outDir: site,
          sources,
          previous: previousOf(first, [global, s2023]),
        });
        expect(counts(report)).toEqual({
          files: 18,
          copied: 0,
          kept: 15,
          removed: 1,
          shards: ['2023', '2024'],
        });
        const { 'robots.txt': byHand, ...result } = files(site);
        expect(byHand).toBe('by hand');
        expect(result).toEqual(await fresh(sources));
        // Its emptied directories go with it.
        expect(readdirSync(join(site, 'calendar'))).toEqual(['2023']);
      });
    });

    test('should remove a staged copy an interrupted run left', async () => {
      const { sources } = parts();
      const site = out();
      await assemble({ outDir: site, sources });
      writeFileSync(join(site, '2024-05-01/.index.html.0123456789ab.tmp'), 'half');
      const report = await assemble({ outDir: site, sources });
      expect(counts(report)).toEqual({
        files: 19,
        copied: 0,
        kept: 16,
        removed: 1,
        shards: ['2023', '2024'],
      });
      expect(files(site)).toEqual(await fresh(sources));
    });
  });

  const s2023 = () =>
    shardPart('2023', ['2023-05-01'], [bundle('2023', 1, '2023-05-01', '2023-05-01')]);

  test.each([
    {
      what: 'a file of another shard',
      parts: () => [
        globalPart(['2023-05-01']),
        shardPart('2023', ['2023-05-01'], [bundle('2023', 1, '2023-05-01', '2023-05-01')], {
          '2024-01-02/index.html': 'stray',
        }),
      ],
      error: /^2024-01-02\/index\.html belongs to shard 2024, but is in shard 2023 \(.*\)$/,
    },
    {
      what: 'a shard file in the global build',
      parts: () => [globalPart(['2023-05-01'], { 'calendar/2023/05/index.html': 'x' }), s2023()],
      error: /^calendar\/2023\/05\/index\.html belongs to shard 2023, but is in global \(.*\)$/,
    },
    {
      what: 'an asset that differs between two parts',
      parts: () => [globalPart(['2023-05-01'], { '_astro/site.css': 'other css' }), s2023()],
      error: /^_astro\/site\.css is written by both global \(.*\) and shard 2023 \(.*\)$/,
    },
    {
      what: 'a global page in a shard',
      parts: () => [
        globalPart(['2023-05-01']),
        shardPart('2023', ['2023-05-01'], [bundle('2023', 1, '2023-05-01', '2023-05-01')], {
          'index.html': 'home of one year',
        }),
      ],
      error: /^index\.html is written by both global \(.*\) and shard 2023 \(.*\)$/,
    },
    {
      what: 'a missing shard',
      parts: () => [globalPart(['2023-05-01', '2024-01-02', 'undated/scan']), s2023()],
      error:
        /^global \(.*\) lists issues of shard 2024, undated, but no such shard build is given$/,
    },
    {
      what: 'a shard the global build does not know',
      parts: () => [
        globalPart(['2024-01-02']),
        s2023(),
        shardPart('2024', ['2024-01-02'], [bundle('2024', 1, '2024-01-02', '2024-01-02')]),
      ],
      error: /^shard 2023 has no issue in global \(.*\): built from other content\?$/,
    },
    {
      what: 'a shard given twice',
      parts: () => [globalPart(['2023-05-01']), s2023(), s2023()],
      error: /^shard 2023 given twice: .* and .*$/,
    },
    {
      what: 'a bundle listed by two shards',
      parts: () => [
        globalPart(['2023-05-01', '2024-01-02']),
        s2023(),
        shardPart('2024', ['2024-01-02'], [bundle('2023', 1, '2023-05-01', '2023-05-01')]),
      ],
      error: /^pagefind\/2023\/pagefind\.js belongs to shard 2023, but is in shard 2024 \(.*\)$/,
    },
    {
      what: 'no global build',
      parts: () => [s2023()],
      error: /^no global build given \(folio build --global\)$/,
    },
    {
      what: 'two global builds',
      parts: () => [globalPart(['2023-05-01']), globalPart(['2023-05-01']), s2023()],
      error: /^two global builds: .* and .*$/,
    },
    {
      what: 'no shard build',
      parts: () => [globalPart([])],
      error: /^no shard build given \(folio build --shard <year>\)$/,
    },
    {
      what: 'an output that is not a part build',
      parts: () => [globalPart(['2023-05-01']), tree({ 'index.html': 'whole site' })],
      error: /: no folio-part\.json: not the output of "folio build --shard" or "--global"$/,
    },
    {
      what: 'a global build without its issue list',
      parts: () => [
        tree({ 'folio-part.json': '{"part":"global"}', 'index.html': 'home' }),
        s2023(),
      ],
      error: /^global \(.*\): cannot read data\/issues\.json: ENOENT/,
    },
    {
      what: 'an item export in the global build',
      parts: () => [globalPart(['2023-05-01'], { 'data/items.jsonl': '' }), s2023()],
      error: /^data\/items\.jsonl comes from the shards, but is in global \(.*\)$/,
    },
  ])('should refuse $what and leave the previous site as it was', async ({ parts, error }) => {
    const site = out();
    mkdirSync(site);
    writeFileSync(join(site, 'index.html'), 'previous');
    await expect(assemble({ outDir: site, sources: parts() })).rejects.toThrow(error);
    expect(files(site)).toEqual({ 'index.html': 'previous' });
    expect(readdirSync(dirname(site))).toEqual(['site']);
  });
});
