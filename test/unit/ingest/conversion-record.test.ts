/**
 * Converting again with the record of the last run: pages whose key did not change are not
 * recognised again, and the content directory and the report are what a full conversion gives.
 */
import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  ConversionRecord,
  converterFingerprint,
  recordFile,
} from '../../../src/ingest/conversion-record.ts';
import { ingest } from '../../../src/ingest/ingest.ts';
import type { Problem } from '../../../src/ingest/read/problem.ts';
import type { IngestReport } from '../../../src/ingest/report.ts';
import { segmentPage } from '../../../src/ingest/segment.ts';
import { KEPT_EDITED } from '../../../src/write/content-writer.ts';
import { makeRawDir, SAMPLE_PAGE, SECOND_PAGE, tree } from './raw-dir.ts';

const root = join(import.meta.dirname, '../../..');
const fingerprint = converterFingerprint(root);
const config = { paper: '示例日报' };

/** A raw directory, a content directory, a record file, and a recogniser that counts its pages. */
function setup(files: Record<string, string | Uint8Array>) {
  const raw = makeRawDir(files);
  const out = mkdtempSync(join(tmpdir(), 'folio-content-'));
  const file = recordFile(mkdtempSync(join(tmpdir(), 'folio-record-')), raw);
  const recognised: string[] = [];
  const segment = (text: string) => {
    recognised.push(text.split('\n')[0] ?? '');
    return segmentPage(text);
  };
  const convert = (record = ConversionRecord.load(file, fingerprint)): IngestReport => {
    recognised.length = 0;
    return ingest({ rawDir: raw, outDir: out, config, progress: false, segment, record });
  };
  return { raw, out, file, recognised, convert };
}

/** Warnings as a full conversion reports them: none marked as of an unchanged page. */
function known(warnings: Problem[]): Problem[] {
  return warnings.map(({ file, line, message }) => ({
    file,
    message,
    ...(line !== undefined && { line }),
  }));
}

const PAGES = {
  '2024-05-01/01.txt': SAMPLE_PAGE,
  '2024-05-02/01.txt': SECOND_PAGE,
  'loose/notes.txt': SAMPLE_PAGE,
};

describe('converting with the record of the last run', () => {
  test('should recognise no page again when nothing changed, and report the same', () => {
    const { raw, out, file, recognised, convert } = setup({
      ...PAGES,
      '2024-05-03/01.txt': '本报讯 1日，市图书馆新馆开放。\n',
    });
    const first = convert();
    expect(recognised).toEqual([
      '□记者 王小明',
      '■记者 李芳',
      '本报讯 1日，市图书馆新馆开放。',
      '□记者 王小明',
    ]);
    const before = tree(out);

    const second = convert();
    expect(recognised).toEqual([]);
    expect(tree(out)).toEqual(before);
    expect(second.reused).toBe(4);
    expect(second.files.unchanged).toEqual(first.files.written);
    // What a full conversion of the same directories reports.
    const full = convert(ConversionRecord.fresh(file, fingerprint));
    expect(recognised).toHaveLength(4);
    expect({ ...second, reused: 0, warnings: known(second.warnings) }).toEqual(full);
    expect(first.reused).toBe(0);
    expect(second.warnings).toEqual([
      {
        file: join(raw, 'loose/notes.txt'),
        message:
          'no date in its path (<YYYY-MM-DD>/<NN>.txt) and not in a manifest: converted as undated',
      },
      {
        file: join(raw, '2024-05-03/01.txt'),
        line: 1,
        message: 'item without a headline',
        unchanged: true,
      },
    ]);
    expect(second.undated).toEqual(['loose/notes.txt']);
  });

  test('should recognise again only the page whose file changed', () => {
    const { raw, out, recognised, convert } = setup(PAGES);
    convert();
    writeFileSync(join(raw, '2024-05-02/01.txt'), SECOND_PAGE.replace('三千', '四千'));
    const report = convert();
    expect(recognised).toEqual(['■记者 李芳']);
    expect(report.reused).toBe(2);
    expect(report.files.written).toEqual(['2024-05-02/01/01.md', '2024-05-02/01/page.json']);
    expect(readFileSync(join(out, '2024-05-02/01/01.md'), 'utf8')).toContain('首日接待读者四千');
  });

  test('should keep a person’s edit as a full conversion does, without recognising the page', () => {
    const { out, recognised, convert } = setup(PAGES);
    convert();
    const edited = join(out, '2024-05-01/01/01.md');
    writeFileSync(edited, readFileSync(edited, 'utf8').replace('城南社区植树忙', '城南社区植树'));
    const report = convert();
    expect(recognised).toEqual([]);
    expect(report.files.kept).toEqual([{ path: '2024-05-01/01/01.md', reason: KEPT_EDITED }]);
    expect(readFileSync(edited, 'utf8')).toContain('title: 城南社区植树\n');
  });

  test('should convert a page again when one of its files is missing', () => {
    const { out, recognised, convert } = setup(PAGES);
    convert();
    const before = tree(out);
    unlinkSync(join(out, '2024-05-02/01/page.json'));
    const report = convert();
    expect(recognised).toEqual(['■记者 李芳']);
    expect(report.files.written).toEqual(['2024-05-02/01/page.json']);
    expect(tree(out)).toEqual(before);
  });

  test('should convert a page again when the manifest says more of it', () => {
    const { raw, recognised, convert } = setup(PAGES);
    convert();
    writeFileSync(
      join(raw, 'manifest.csv'),
      'file,date,page,pageName,paper\n2024-05-01/01.txt,2024-05-01,1,要闻,\n',
    );
    const report = convert();
    expect(recognised).toEqual(['□记者 王小明']);
    expect(report.files.written).toEqual(['2024-05-01/01/01.md', '2024-05-01/01/page.json']);
  });

  test('should convert every page when the record is of another converter, or unreadable', () => {
    const { file, recognised, convert } = setup(PAGES);
    convert();
    expect(convert(ConversionRecord.load(file, 'another converter')).reused).toBe(0);
    expect(recognised).toHaveLength(3);

    writeFileSync(file, '{"version":1,');
    expect(convert().reused).toBe(0);
    expect(recognised).toHaveLength(3);
    // …and the run wrote a record the next one can use.
    expect(convert().reused).toBe(3);
  });

  test('should convert every page when told to start afresh', () => {
    const { file, recognised, convert } = setup(PAGES);
    convert();
    expect(convert(ConversionRecord.fresh(file, fingerprint)).reused).toBe(0);
    expect(recognised).toHaveLength(3);
  });

  test('should report a page that failed again, and forget a page no longer there', () => {
    const { raw, out, recognised, convert } = setup({ ...PAGES, '2024-05-03/01.txt': '' });
    const first = convert();
    expect(first.errors).toEqual([{ file: join(raw, '2024-05-03/01.txt'), message: 'empty file' }]);
    expect(convert().errors).toEqual(first.errors);

    rmSync(join(raw, '2024-05-03'), { recursive: true });
    rmSync(join(raw, 'loose'), { recursive: true });
    const report = convert();
    expect(recognised).toEqual([]);
    expect(report.reused).toBe(2);
    expect(report.files.removed).toEqual([
      'undated/loose_notes/01.md',
      'undated/loose_notes/page.json',
    ]);
    expect(Object.keys(tree(out)).sort()).toEqual([
      '.folio-ledger.json',
      '2024-05-01/01/01.md',
      '2024-05-01/01/page.json',
      '2024-05-02/01/01.md',
      '2024-05-02/01/page.json',
    ]);
  });

  test('should refuse a second file for the same page even when the first was recorded', () => {
    const { raw, convert } = setup(PAGES);
    convert();
    writeFileSync(
      join(raw, 'manifest.csv'),
      'file,date,page,pageName,paper\nloose/notes.txt,2024-05-01,1,,\n',
    );
    const report = convert();
    expect(report.errors).toEqual([
      {
        file: join(raw, 'loose/notes.txt'),
        message: `would be written to ${join(report.outDir, '2024-05-01/01')}, as ${join(raw, '2024-05-01/01.txt')} already is (same date and page); not converted`,
      },
    ]);
  });
});

describe('recordFile', () => {
  test('should give each raw directory a file of its own', () => {
    expect(recordFile('/cache', '/archive/raw')).toMatch(/^\/cache\/[0-9a-f]{16}\.json$/);
    expect(recordFile('/cache', '/archive/raw')).toBe(recordFile('/cache', '/archive/raw/'));
    expect(recordFile('/cache', '/archive/raw')).not.toBe(recordFile('/cache', '/other/raw'));
  });
});
