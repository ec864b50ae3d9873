import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { contentPatterns, parsePart, shardOfIssue } from '../../../src/shard/part.ts';
import { ownerOf } from '../../../src/shard/ownership.ts';
import { keeps } from '../../../src/shard/prune.ts';
import { outsideIssues } from '../../../src/shard/neighbours.ts';
import { archiveOrder, mergeManifests } from '../../../src/shard/merge.ts';

describe('build part', () => {
  test('should read $FOLIO_PART', () => {
    expect(parsePart(undefined)).toEqual({ kind: 'whole' });
    expect(parsePart('')).toEqual({ kind: 'whole' });
    expect(parsePart('global')).toEqual({ kind: 'global' });
    expect(parsePart('2024')).toEqual({ kind: 'shard', shard: '2024' });
    expect(parsePart('undated')).toEqual({ kind: 'shard', shard: 'undated' });
    expect(() => parsePart('24')).toThrow(
      'FOLIO_PART must be a year (YYYY), "undated" or "global", not "24"',
    );
  });

  test('should read a shard’s folders only', () => {
    expect(contentPatterns({ kind: 'whole' })).toEqual({
      items: '**/[0-9]*.md',
      pages: '**/page.json',
    });
    expect(contentPatterns({ kind: 'global' })).toEqual(contentPatterns({ kind: 'whole' }));
    expect(contentPatterns({ kind: 'shard', shard: '2024' })).toEqual({
      items: '2024-*/**/[0-9]*.md',
      pages: '2024-*/**/page.json',
    });
    expect(contentPatterns({ kind: 'shard', shard: 'undated' })).toEqual({
      items: 'undated/**/[0-9]*.md',
      pages: 'undated/**/page.json',
    });
    expect(shardOfIssue('2024-05-01')).toBe('2024');
    expect(shardOfIssue('undated/scan-a')).toBe('undated');
  });
});

describe('ownership', () => {
  test.each([
    ['2024-05-01/index.html', { kind: 'shard', shard: '2024' }],
    ['2024-05-01/02/03/', { kind: 'shard', shard: '2024' }],
    ['undated/scan-a/01/index.html', { kind: 'shard', shard: 'undated' }],
    ['calendar/2023/11/index.html', { kind: 'shard', shard: '2023' }],
    ['data/2023-05-01.json', { kind: 'shard', shard: '2023' }],
    ['data/undated/scan-a.json', { kind: 'shard', shard: 'undated' }],
    ['data/items/2023.jsonl', { kind: 'shard', shard: '2023' }],
    ['data/items/undated.jsonl', { kind: 'shard', shard: 'undated' }],
    ['pagefind/2024/pagefind.js', { kind: 'shard', shard: '2024' }],
    ['pagefind/2024-2/pagefind.js', { kind: 'shard', shard: '2024' }],
    ['pagefind/undated/pagefind.js', { kind: 'shard', shard: 'undated' }],
    ['sitemap-2024-0.xml', { kind: 'shard', shard: '2024' }],
    ['sitemap-undated-index.xml', { kind: 'shard', shard: 'undated' }],
    ['pagefind/shards.json', { kind: 'merged' }],
    ['data/items.jsonl', { kind: 'merged' }],
    ['sitemap-index.xml', { kind: 'merged' }],
    ['', { kind: 'global' }],
    ['index.html', { kind: 'global' }],
    ['calendar/index.html', { kind: 'global' }],
    ['reporters/王小明/index.html', { kind: 'global' }],
    ['on-this-day/05-01/index.html', { kind: 'global' }],
    ['data/issues.json', { kind: 'global' }],
    ['data/index.html', { kind: 'global' }],
    ['data/items/2023-2.jsonl', { kind: 'global' }],
    ['sitemap-0.xml', { kind: 'global' }],
    ['_astro/site.css', { kind: 'global' }],
    ['2024-05-01x/index.html', { kind: 'global' }],
  ])('should give %s to its owner', (path, owner) => {
    expect(ownerOf(path)).toEqual(owner);
  });

  test('should keep in a part what it owns, and the shared assets in a shard', () => {
    const shared = new Set(['favicon.svg']);
    const shard = { kind: 'shard', shard: '2024' } as const;
    const kept = (part: Parameters<typeof keeps>[0]) =>
      [
        '2024-05-01/index.html',
        '2023-05-01/index.html',
        'index.html',
        'search/index.html',
        'data/items.jsonl',
        'data/items/2024.jsonl',
        'data/items/2023.jsonl',
        'data/issues.json',
        'data/index.html',
        'pagefind/shards.json',
        'sitemap-index.xml',
        'sitemap-0.xml',
        'sitemap-2024-0.xml',
        '_astro/site.css',
        'favicon.svg',
      ].filter((path) => keeps(part, path, shared));
    expect(kept(shard)).toEqual([
      '2024-05-01/index.html',
      'data/items.jsonl',
      'data/items/2024.jsonl',
      'pagefind/shards.json',
      'sitemap-2024-0.xml',
      '_astro/site.css',
      'favicon.svg',
    ]);
    expect(kept({ kind: 'global' })).toEqual([
      'index.html',
      'search/index.html',
      'data/issues.json',
      'data/index.html',
      'sitemap-index.xml',
      'sitemap-0.xml',
      '_astro/site.css',
      'favicon.svg',
    ]);
  });
});

describe('neighbouring shards', () => {
  function content(files: string[]): string {
    const dir = mkdtempSync(join(tmpdir(), 'folio-content-'));
    for (const file of files) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), '');
    }
    return dir;
  }

  test('should find the nearest issue folders outside a shard, skipping empty ones', () => {
    const dir = content([
      '2022-12-30/01/01.md',
      '2023-05-01/01/page.json',
      '2023-11-21/01/01.md',
      '2023-12-31/01/notes.txt',
      '2024-01-02/02/01.md',
      '2024-05-02/01/01.md',
      'undated/scan-b/01.md',
      'undated/scan-a/page.json',
      'README.md',
    ]);
    mkdirSync(join(dir, '2025-01-01'));
    expect(outsideIssues(dir, '2023')).toEqual({
      before: { key: '2022-12-30', date: '2022-12-30' },
      after: { key: '2024-01-02', date: '2024-01-02' },
    });
    expect(outsideIssues(dir, '2024')).toEqual({
      before: { key: '2023-11-21', date: '2023-11-21' },
      after: { key: 'undated/scan-a', date: null },
    });
    expect(outsideIssues(dir, '2022')).toEqual({
      before: null,
      after: { key: '2023-05-01', date: '2023-05-01' },
    });
    expect(outsideIssues(dir, 'undated')).toEqual({
      before: { key: '2024-05-02', date: '2024-05-02' },
      after: null,
    });
    expect(() => outsideIssues(dir, '2019')).toThrow(`${dir}: no issues of shard 2019`);
  });
});

describe('merging', () => {
  const entry = (key: string) => ({
    key,
    year: key === 'undated' ? null : key.slice(0, 4),
    articles: 1,
    from: null,
    to: null,
  });

  test('should list every shard’s bundles newest first', () => {
    const merged = mergeManifests([
      { source: 'a', value: { shards: [entry('2023')] } },
      { source: 'b', value: { shards: [entry('undated')] } },
      { source: 'c', value: { shards: [entry('2024-2'), entry('2024')] } },
    ]);
    expect(merged.shards.map((s) => s.key)).toEqual(['2024-2', '2024', '2023', 'undated']);
  });

  test('should refuse a bundle listed twice, naming both sources', () => {
    expect(() =>
      mergeManifests([
        { source: 'shard 2023 (a)', value: { shards: [entry('2023')] } },
        { source: 'shard 2024 (b)', value: { shards: [entry('2023')] } },
      ]),
    ).toThrow('search bundle 2023 is in both shard 2023 (a) and shard 2024 (b)');
  });

  test('should put shards in archive order', () => {
    expect(archiveOrder(['undated', '2024', '2019', '2023'])).toEqual([
      '2019',
      '2023',
      '2024',
      'undated',
    ]);
  });
});
