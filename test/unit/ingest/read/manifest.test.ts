import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readManifest } from '../../../../src/ingest/read/manifest.ts';
import { makeRawDir } from '../raw-dir.ts';

describe('readManifest', () => {
  test('should give no entries when the raw directory has no manifest', () => {
    expect(readManifest(makeRawDir({ '2024-05-01/01.txt': 'x' }))).toEqual({
      path: null,
      entries: [],
      problems: [],
    });
  });

  test('should read a CSV manifest with a header row; empty fields are null', () => {
    const dir = makeRawDir({
      'manifest.csv': [
        'file,date,page,pageName,paper',
        '000_11e7406c084a3f21.txt,2019-11-21,1,要闻,"永康日报, 早版"',
        '',
        'scans/b.txt,,,,',
      ].join('\r\n'),
      '000_11e7406c084a3f21.txt': 'x',
      'scans/b.txt': 'y',
    });
    expect(readManifest(dir)).toEqual({
      path: join(dir, 'manifest.csv'),
      entries: [
        {
          file: '000_11e7406c084a3f21.txt',
          date: '2019-11-21',
          page: 1,
          pageName: '要闻',
          paper: '永康日报, 早版',
        },
        { file: 'scans/b.txt', date: null, page: null, pageName: null, paper: null },
      ],
      problems: [],
    });
  });

  test('should read a JSON manifest: an array of entries', () => {
    const dir = makeRawDir({
      'manifest.json': JSON.stringify([
        { file: 'a.txt', date: '2019-11-22', page: 2, pageName: '综合' },
        { file: 'b.txt', page: '3' },
      ]),
      'a.txt': 'x',
      'b.txt': 'y',
    });
    expect(readManifest(dir).entries).toEqual([
      { file: 'a.txt', date: '2019-11-22', page: 2, pageName: '综合', paper: null },
      { file: 'b.txt', date: null, page: 3, pageName: null, paper: null },
    ]);
  });

  test('should refuse entries that leave the raw directory, naming manifest and line', () => {
    const dir = makeRawDir({
      'manifest.csv': [
        'file,date,page',
        '../secret.txt,2019-11-21,1',
        'a/../../secret.txt,2019-11-21,2',
        '/etc/passwd,2019-11-21,3',
        'ok.txt,2019-11-21,4',
      ].join('\n'),
      'ok.txt': 'x',
    });
    const manifest = join(dir, 'manifest.csv');
    expect(readManifest(dir)).toEqual({
      path: manifest,
      entries: [{ file: 'ok.txt', date: '2019-11-21', page: 4, pageName: null, paper: null }],
      problems: [
        {
          file: manifest,
          line: 2,
          message: 'line 2: file "../secret.txt" leaves the raw directory ("..")',
        },
        {
          file: manifest,
          line: 3,
          message: 'line 3: file "a/../../secret.txt" leaves the raw directory ("..")',
        },
        {
          file: manifest,
          line: 4,
          message:
            'line 4: file "/etc/passwd" is an absolute path; give it relative to the raw directory',
        },
      ],
    });
  });

  test('should refuse bad dates, bad pages, missing and repeated files, entry by entry', () => {
    const dir = makeRawDir({
      'manifest.json': JSON.stringify([
        { file: 'a.txt', date: '2019-02-30' },
        { file: 'a.txt', date: '2019-11-21', page: 0 },
        { file: 'missing.txt' },
        { file: 'a.txt', date: '2019-11-21', page: 1 },
        { file: 'a.txt', date: '2019-11-21', page: 2 },
        { file: 'a.txt', extra: true },
      ]),
      'a.txt': 'x',
    });
    const manifest = join(dir, 'manifest.json');
    const result = readManifest(dir);
    expect(result.entries).toEqual([
      { file: 'a.txt', date: '2019-11-21', page: 1, pageName: null, paper: null },
    ]);
    expect(result.problems).toEqual([
      { file: manifest, message: 'entry 1: date: date must be a calendar day as YYYY-MM-DD' },
      { file: manifest, message: 'entry 2: page: page must be a whole number from 1' },
      { file: manifest, message: `entry 3: file "missing.txt" not found in ${dir}` },
      { file: manifest, message: 'entry 5: file "a.txt" is already listed (entry 4)' },
      { file: manifest, message: 'entry 6: Unrecognized key: "extra"' },
    ]);
  });

  test('should refuse a manifest it cannot parse, naming it', () => {
    const csv = makeRawDir({ 'manifest.csv': 'file,date\n"a.txt,2019-11-21\n' });
    expect(() => readManifest(csv)).toThrow(
      `${join(csv, 'manifest.csv')}: cannot parse CSV: Quote Not Closed: the parsing is finished with an opening quote at line 2`,
    );
    const column = makeRawDir({ 'manifest.csv': 'file,datum\na.txt,2019-11-21\n' });
    expect(() => readManifest(column)).toThrow(
      `${join(column, 'manifest.csv')}:1: unknown column "datum" (columns: file, date, page, pageName, paper)`,
    );
    const json = makeRawDir({ 'manifest.json': '{"file": "a.txt"}' });
    expect(() => readManifest(json)).toThrow(
      `${join(json, 'manifest.json')}: expected an array of entries`,
    );
    const both = makeRawDir({ 'manifest.csv': 'file\n', 'manifest.json': '[]' });
    expect(() => readManifest(both)).toThrow('both manifest.csv and manifest.json exist');
  });
});
