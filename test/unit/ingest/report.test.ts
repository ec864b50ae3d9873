import { describe, expect, test } from 'vitest';
import { formatReport, type IngestReport } from '../../../src/ingest/report.ts';

const report: IngestReport = {
  rawDir: 'raw',
  outDir: 'content',
  pages: 2,
  reused: 0,
  items: 7,
  encodings: { gb18030: 1, 'utf-8': 1 },
  undated: ['scans/a.txt'],
  warnings: [
    { file: 'raw/scans/a.txt', message: 'no date …: converted as undated' },
    { file: 'raw/2024-05-01/01.txt', line: 12, message: 'doubtful boundary' },
  ],
  errors: [{ file: 'raw/2024-05-01/02.txt', message: 'empty file' }],
  files: {
    written: ['2024-05-01/01/01.md'],
    unchanged: ['2024-05-01/01/page.json'],
    kept: [{ path: '2024-05-01/01/02.md', reason: 'edited since the converter wrote it' }],
    removed: ['2024-04-30/01/01.md'],
    ledgerWritten: true,
  },
};

describe('formatReport', () => {
  test('should print counts, kept and removed files, warnings and errors with file and line', () => {
    expect(formatReport(report)).toBe(
      [
        'Converted 2 pages into 7 items in content',
        'Encodings: gb18030 1, utf-8 1',
        'Undated: 1',
        'Files: 1 written, 1 unchanged, 1 kept, 1 removed',
        'Kept as they are (not overwritten):',
        '  content/2024-05-01/01/02.md: edited since the converter wrote it',
        'Removed (no longer produced, not edited):',
        '  content/2024-04-30/01/01.md',
        'Warnings (2):',
        '  raw/scans/a.txt: no date …: converted as undated',
        '  raw/2024-05-01/01.txt:12: doubtful boundary',
        'Errors (1):',
        '  raw/2024-05-01/02.txt: empty file',
        '1 problem kept files from being converted; the other files were converted.',
        '',
      ].join('\n'),
    );
  });

  test('should say how many pages were taken as the last run left them', () => {
    expect(formatReport({ ...report, reused: 1 }).split('\n')[0]).toBe(
      'Converted 2 pages into 7 items in content (1 unchanged since the last run)',
    );
  });

  test('should print every count with thousands separated, as the build does', () => {
    const large: IngestReport = {
      ...report,
      pages: 13313,
      reused: 13283,
      items: 100030,
      encodings: { 'utf-8': 13313 },
      undated: [],
      warnings: [],
      errors: [],
      files: { ...report.files, kept: [], removed: [], unchanged: Array<string>(113050).fill('x') },
    };
    expect(formatReport(large).split('\n').slice(0, 3)).toEqual([
      'Converted 13,313 pages into 100,030 items in content (13,283 unchanged since the last run)',
      'Encodings: utf-8 13,313',
      'Files: 1 written, 113,050 unchanged, 0 kept, 0 removed',
    ]);
  });

  test('should count, not list again, the warnings of pages unchanged since the last run', () => {
    const again: IngestReport = {
      ...report,
      reused: 1,
      warnings: [
        { file: 'raw/scans/a.txt', message: 'no date …: converted as undated' },
        { file: 'raw/2024-05-01/01.txt', line: 12, message: 'doubtful boundary', unchanged: true },
        { file: 'raw/2024-05-01/03.txt', line: 4, message: 'doubtful boundary', unchanged: true },
      ],
    };
    expect(formatReport(again).split('\n').slice(8, 11)).toEqual([
      'Warnings (3; 2 on pages unchanged since the last run, not listed again: --force lists them):',
      '  raw/scans/a.txt: no date …: converted as undated',
      'Errors (1):',
    ]);
  });

  test('should print a clean run in three lines', () => {
    const clean: IngestReport = {
      ...report,
      pages: 1,
      items: 1,
      encodings: { 'utf-8': 1 },
      undated: [],
      warnings: [],
      errors: [],
      files: { written: [], unchanged: ['a', 'b'], kept: [], removed: [], ledgerWritten: false },
    };
    expect(formatReport(clean)).toBe(
      'Converted 1 page into 1 item in content\nEncodings: utf-8 1\nFiles: 0 written, 2 unchanged, 0 kept, 0 removed\n',
    );
  });
});
