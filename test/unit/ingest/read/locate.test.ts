import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { locatePages } from '../../../../src/ingest/read/locate.ts';
import { makeRawDir } from '../raw-dir.ts';

describe('locatePages', () => {
  test('should take date and page from <YYYY-MM-DD>/<NN>.txt, in sorted order', () => {
    const dir = makeRawDir({
      '2024-05-01/02.txt': 'b',
      '2024-05-01/01.txt': 'a',
      '2024-04-30/10.txt': 'c',
    });
    expect(locatePages(dir)).toEqual({
      sources: [
        {
          file: join(dir, '2024-04-30/10.txt'),
          source: '2024-04-30/10.txt',
          date: '2024-04-30',
          page: 10,
          pageName: null,
          paper: null,
        },
        {
          file: join(dir, '2024-05-01/01.txt'),
          source: '2024-05-01/01.txt',
          date: '2024-05-01',
          page: 1,
          pageName: null,
          paper: null,
        },
        {
          file: join(dir, '2024-05-01/02.txt'),
          source: '2024-05-01/02.txt',
          date: '2024-05-01',
          page: 2,
          pageName: null,
          paper: null,
        },
      ],
      warnings: [],
      errors: [],
    });
  });

  test('should let the manifest date files, and win over the path', () => {
    const dir = makeRawDir({
      'manifest.csv':
        'file,date,page,pageName,paper\n000_11e7.txt,2019-11-21,1,要闻,永康日报\n2024-05-01/01.txt,2024-05-02,3,,\n',
      '000_11e7.txt': 'a',
      '2024-05-01/01.txt': 'b',
    });
    expect(locatePages(dir).sources).toEqual([
      {
        file: join(dir, '000_11e7.txt'),
        source: '000_11e7.txt',
        date: '2019-11-21',
        page: 1,
        pageName: '要闻',
        paper: '永康日报',
      },
      {
        file: join(dir, '2024-05-01/01.txt'),
        source: '2024-05-01/01.txt',
        date: '2024-05-02',
        page: 3,
        pageName: null,
        paper: null,
      },
    ]);
  });

  test('should keep files with no date as undated, with a warning for each', () => {
    const dir = makeRawDir({
      'manifest.json': JSON.stringify([{ file: 'listed.txt', pageName: '副刊' }]),
      'listed.txt': 'a',
      'loose/07.txt': 'b',
      '2024-05-01/front.txt': 'c',
      '2024-13-01/01.txt': 'd',
    });
    const located = locatePages(dir);
    expect(located.sources.map((s) => [s.source, s.date, s.page, s.pageName])).toEqual([
      ['2024-05-01/front.txt', null, 1, null],
      ['2024-13-01/01.txt', null, 1, null],
      ['listed.txt', null, 1, '副刊'],
      ['loose/07.txt', null, 7, null],
    ]);
    const noDate =
      'no date in its path (<YYYY-MM-DD>/<NN>.txt) and not in a manifest: converted as undated';
    expect(located.warnings).toEqual([
      {
        file: join(dir, '2024-05-01/front.txt'),
        message:
          'dated 2024-05-01, but no page number in its name (NN.txt) or the manifest: converted as undated',
      },
      { file: join(dir, '2024-13-01/01.txt'), message: noDate },
      {
        file: join(dir, 'listed.txt'),
        message: 'the manifest gives no date for it: converted as undated',
      },
      { file: join(dir, 'loose/07.txt'), message: noDate },
    ]);
  });

  test('should warn about files it does not convert', () => {
    const dir = makeRawDir({
      '2024-05-01/01.txt': 'a',
      '2024-05-01/scan.pdf': 'b',
      '2024-05-01/.02.txt': 'c',
      '.git/HEAD': 'd',
    });
    const located = locatePages(dir);
    expect(located.sources.map((s) => s.source)).toEqual(['2024-05-01/01.txt']);
    expect(located.warnings).toEqual([
      { file: join(dir, '2024-05-01/.02.txt'), message: 'hidden file; ignored' },
      { file: join(dir, '2024-05-01/scan.pdf'), message: 'not a .txt page; ignored' },
    ]);
  });

  test('should refuse a link that leaves the raw directory', () => {
    const outside = mkdtempSync(join(tmpdir(), 'folio-outside-'));
    writeFileSync(join(outside, 'secret.txt'), 'secret');
    const dir = makeRawDir({ '2024-05-01/01.txt': 'a' });
    symlinkSync(join(outside, 'secret.txt'), join(dir, '2024-05-01/02.txt'));
    symlinkSync(outside, join(dir, 'elsewhere'));
    const located = locatePages(dir);
    expect(located.sources.map((s) => s.source)).toEqual(['2024-05-01/01.txt']);
    expect(located.errors).toEqual([
      {
        file: join(dir, '2024-05-01/02.txt'),
        message: 'a link that leaves the raw directory; not converted',
      },
      {
        file: join(dir, 'elsewhere'),
        message: 'a link that leaves the raw directory; not converted',
      },
    ]);
  });
});
