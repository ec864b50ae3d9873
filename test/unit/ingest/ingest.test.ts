/**
 * The whole conversion on temporary raw directories. Exact outputs use a recogniser given by the
 * test; behaviours that must hold whatever the recogniser does (determinism, idempotence,
 * corrections, bad input) use the project's own.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ingest, type IngestOptions } from '../../../src/ingest/ingest.ts';
import type { PageModel } from '../../../src/ingest/model.ts';
import { KEPT_EDITED, KEPT_ORPHAN } from '../../../src/write/content-writer.ts';
import { LEDGER_FILE } from '../../../src/write/ledger.ts';
import { makeRawDir, SAMPLE_PAGE, SECOND_PAGE, tree } from './raw-dir.ts';

const config = { paper: '示例日报' };
const outDir = (): string => mkdtempSync(join(tmpdir(), 'folio-content-'));
const run = (rawDir: string, out: string, more: Partial<IngestOptions> = {}) =>
  ingest({ rawDir, outDir: out, config, progress: false, ...more });

/** A recogniser for exact-output tests: first line is the title, the rest one paragraph. */
function firstLineTitle(text: string): PageModel {
  const [title = '', ...rest] = text.split('\n').filter((l) => l.trim() !== '');
  return {
    items: [
      {
        kind: 'article',
        kicker: null,
        title,
        subtitle: null,
        byline: null,
        bylineInline: false,
        authors: [],
        paragraphs: [rest.join('')],
        lines: { first: 1, last: 1 },
      },
    ],
    furniture: [],
    pageName: null,
    warnings: [{ line: 2, message: 'doubtful boundary' }],
  };
}

const gb18030 = Buffer.from([0xb1, 0xea, 0xcc, 0xe2, 0x0d, 0x0a, 0xd5, 0xfd, 0xce, 0xc4]); // 标题 CRLF 正文
const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('标题\r正文', 'utf16le')]);

describe('ingest', () => {
  test('should convert dated, manifest-dated and undated files into the content layout', () => {
    const raw = makeRawDir({
      '2024-05-01/01.txt': '城南社区植树忙\n本报讯 30日。\n',
      '2024-05-01/02.txt': gb18030,
      'scans/000_1a.txt': utf16le,
      'loose/notes.txt': '无日期\n正文\n',
      'manifest.csv':
        'file,date,page,pageName,paper\nscans/000_1a.txt,2019-11-21,3,要闻,永康日报\n',
    });
    const out = outDir();
    const report = run(raw, out, { segment: firstLineTitle });
    expect(Object.keys(tree(out)).sort()).toEqual([
      '.folio-ledger.json',
      '2019-11-21/03/01.md',
      '2019-11-21/03/page.json',
      '2024-05-01/01/01.md',
      '2024-05-01/01/page.json',
      '2024-05-01/02/01.md',
      '2024-05-01/02/page.json',
      'undated/loose_notes/01.md',
      'undated/loose_notes/page.json',
    ]);
    expect(readFileSync(join(out, '2019-11-21/03/01.md'), 'utf8')).toBe(
      [
        '---',
        'paper: 永康日报',
        'date: "2019-11-21"',
        'page: 3',
        'pageName: 要闻',
        'kind: article',
        'order: 1',
        'kicker: null',
        'title: 标题',
        'subtitle: null',
        'byline: null',
        'authors: []',
        'source: scans/000_1a.txt',
        '---',
        '',
        '正文',
        '',
      ].join('\n'),
    );
    expect(readFileSync(join(out, 'undated/loose_notes/01.md'), 'utf8')).toContain(
      '\ndate: null\npage: 1\n',
    );
    const page = JSON.parse(readFileSync(join(out, '2024-05-01/02/page.json'), 'utf8')) as object;
    expect(page).toEqual({
      paper: '示例日报',
      date: '2024-05-01',
      page: 2,
      pageName: null,
      source: '2024-05-01/02.txt',
      encoding: 'gb18030',
      furniture: [],
      text: '标题\n正文',
    });
    expect(report.pages).toBe(4);
    expect(report.items).toBe(4);
    expect(report.encodings).toEqual({ gb18030: 1, 'utf-16le': 1, 'utf-8': 2 });
    expect(report.undated).toEqual(['loose/notes.txt']);
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([
      {
        file: join(raw, 'loose/notes.txt'),
        message:
          'no date in its path (<YYYY-MM-DD>/<NN>.txt) and not in a manifest: converted as undated',
      },
      { file: join(raw, '2024-05-01/01.txt'), line: 2, message: 'doubtful boundary' },
      { file: join(raw, '2024-05-01/02.txt'), line: 2, message: 'doubtful boundary' },
      { file: join(raw, 'loose/notes.txt'), line: 2, message: 'doubtful boundary' },
      { file: join(raw, 'scans/000_1a.txt'), line: 2, message: 'doubtful boundary' },
    ]);
    expect(report.files.written).toHaveLength(8);
  });

  test('should convert the other files when some are empty, binary or undecodable', () => {
    const raw = makeRawDir({
      '2024-05-01/01.txt': SAMPLE_PAGE,
      '2024-05-01/02.txt': '',
      '2024-05-01/03.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0]),
      '2024-05-01/04.txt': Buffer.from([0xff, 0xfe, 0x00]),
      '2024-05-01/05.txt': Buffer.concat([Buffer.from(SAMPLE_PAGE), Buffer.from([0xc0])]),
    });
    const out = outDir();
    const report = run(raw, out);
    expect(report.pages).toBe(1);
    expect(report.errors).toEqual([
      { file: join(raw, '2024-05-01/02.txt'), message: 'empty file' },
      {
        file: join(raw, '2024-05-01/03.txt'),
        line: 3,
        message: 'contains NUL bytes: a binary file, or UTF-16 without a byte order mark',
      },
      {
        file: join(raw, '2024-05-01/04.txt'),
        line: 1,
        message: 'not valid utf-16le after its byte order mark',
      },
      {
        file: join(raw, '2024-05-01/05.txt'),
        line: 12,
        message: 'not valid UTF-8 (a damaged byte)',
      },
    ]);
    expect(Object.keys(tree(out)).filter((p) => !p.startsWith('2024-05-01/01/'))).toEqual([
      LEDGER_FILE,
    ]);
  });

  test('should refuse ../ in manifest file names and convert the rest', () => {
    const raw = makeRawDir({
      'manifest.json': JSON.stringify([
        { file: '../outside.txt', date: '2024-05-02', page: 1 },
        { file: 'ok.txt', date: '2024-05-02', page: 2 },
      ]),
      'ok.txt': SAMPLE_PAGE,
    });
    writeFileSync(join(raw, '../outside.txt'), SAMPLE_PAGE);
    const out = outDir();
    const report = run(raw, out);
    expect(report.errors).toEqual([
      {
        file: join(raw, 'manifest.json'),
        message: 'entry 1: file "../outside.txt" leaves the raw directory ("..")',
      },
    ]);
    expect(report.pages).toBe(1);
    expect(existsSync(join(out, '2024-05-02/02/page.json'))).toBe(true);
    expect(existsSync(join(out, '2024-05-02/01'))).toBe(false);
  });

  test('should refuse a second file for the same date and page', () => {
    const raw = makeRawDir({
      '2024-05-01/01.txt': SAMPLE_PAGE,
      'x.txt': SECOND_PAGE,
      'manifest.csv': 'file,date,page\nx.txt,2024-05-01,1\n',
    });
    const out = outDir();
    const report = run(raw, out);
    expect(report.errors).toEqual([
      {
        file: join(raw, 'x.txt'),
        message: `would be written to ${join(out, '2024-05-01/01')}, as ${join(raw, '2024-05-01/01.txt')} already is (same date and page); not converted`,
      },
    ]);
    expect(JSON.parse(readFileSync(join(out, '2024-05-01/01/page.json'), 'utf8'))).toMatchObject({
      source: '2024-05-01/01.txt',
    });
  });

  test('should give byte-identical output on every run', () => {
    const raw = makeRawDir({
      '2024-05-01/01.txt': SAMPLE_PAGE,
      '2024-05-01/02.txt': SECOND_PAGE.replaceAll('\n', '\r\n'),
      '2024-05-02/01.txt': gb18030,
      'scans/a.txt': utf16le,
    });
    const first = outDir();
    const second = outDir();
    const a = run(raw, first);
    const b = run(raw, second);
    expect(tree(second)).toEqual(tree(first));
    expect({ ...b, outDir: '' }).toEqual({ ...a, outDir: '' });
  });

  test('should write nothing when run again on the same input', () => {
    const raw = makeRawDir({ '2024-05-01/01.txt': SAMPLE_PAGE, '2024-05-01/02.txt': SECOND_PAGE });
    const out = outDir();
    const first = run(raw, out);
    const before = tree(out);
    const times = Object.keys(before).map((p) => statSync(join(out, p)).mtimeMs);
    const again = run(raw, out);
    expect(again.files.written).toEqual([]);
    expect(again.files.unchanged).toEqual(first.files.written);
    expect(again.files.ledgerWritten).toBe(false);
    expect(tree(out)).toEqual(before);
    expect(Object.keys(before).map((p) => statSync(join(out, p)).mtimeMs)).toEqual(times);
  });

  test("should keep an editor's correction, regenerate the rest and report it", () => {
    const raw = makeRawDir({ '2024-05-01/01.txt': SAMPLE_PAGE, '2024-05-01/02.txt': SECOND_PAGE });
    const out = outDir();
    run(raw, out);
    const edited = join(out, '2024-05-01/01/01.md');
    const correction = readFileSync(edited, 'utf8').replace(/^title: .*$/m, 'title: 更正后的标题');
    writeFileSync(edited, correction);
    // Upstream changes: both raw pages gain a paragraph.
    writeFileSync(join(raw, '2024-05-01/01.txt'), `${SAMPLE_PAGE}\n补充一段。\n`);
    writeFileSync(join(raw, '2024-05-01/02.txt'), `${SECOND_PAGE}\n补充一段。\n`);
    const report = run(raw, out);
    expect(readFileSync(edited, 'utf8')).toBe(correction);
    expect(report.files.kept).toEqual([{ path: '2024-05-01/01/01.md', reason: KEPT_EDITED }]);
    expect(report.files.written).toContain('2024-05-01/01/page.json');
    expect(report.files.written).toContain('2024-05-01/02/page.json');
    expect(readFileSync(join(out, '2024-05-01/02/page.json'), 'utf8')).toContain('补充一段。');
    // And on the next run too.
    expect(run(raw, out).files.kept).toEqual([
      { path: '2024-05-01/01/01.md', reason: KEPT_EDITED },
    ]);
  });

  test('should remove the output of a page removed upstream, except edited files', () => {
    const raw = makeRawDir({ '2024-05-01/01.txt': SAMPLE_PAGE, '2024-05-01/02.txt': SECOND_PAGE });
    const out = outDir();
    const first = run(raw, out);
    const page2 = first.files.written.filter((p) => p.startsWith('2024-05-01/02/'));
    const edited = page2.find((p) => p.endsWith('.md')) ?? '';
    writeFileSync(join(out, edited), `${readFileSync(join(out, edited), 'utf8')}\n编者按。\n`);
    rmSync(join(raw, '2024-05-01/02.txt'));
    const report = run(raw, out);
    expect(report.files.removed).toEqual(page2.filter((p) => p !== edited).sort());
    expect(report.files.kept).toEqual([{ path: edited, reason: KEPT_ORPHAN }]);
    expect(existsSync(join(out, edited))).toBe(true);
  });

  test('should remove nothing in a run that had errors', () => {
    const raw = makeRawDir({ '2024-05-01/01.txt': SAMPLE_PAGE, '2024-05-01/02.txt': SECOND_PAGE });
    const out = outDir();
    const first = run(raw, out);
    writeFileSync(join(raw, '2024-05-01/02.txt'), '');
    const report = run(raw, out);
    expect(report.errors).toEqual([
      { file: join(raw, '2024-05-01/02.txt'), message: 'empty file' },
    ]);
    expect(report.files.removed).toEqual([]);
    for (const path of first.files.written) expect(existsSync(join(out, path))).toBe(true);
  });

  test('should end safely on a 50 MB page: refused unread, named, the rest converted', () => {
    const raw = makeRawDir({ '2024-05-01/01.txt': SAMPLE_PAGE });
    const big = join(raw, '2024-05-01/02.txt');
    const line = Buffer.from(`${'城南社区植树忙。'.repeat(20)}\n`);
    writeFileSync(big, Buffer.concat(Array<Buffer>(Math.ceil(50e6 / line.length)).fill(line)));
    const size = statSync(big).size;
    expect(size).toBeGreaterThanOrEqual(50e6);
    const out = outDir();
    const started = performance.now();
    const report = run(raw, out);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(report.pages).toBe(1);
    expect(report.errors).toEqual([
      {
        file: big,
        message: `${size} bytes is more than a page may have (8388608 bytes); not converted`,
      },
    ]);
  });

  test('should throw naming the raw directory when there is none', () => {
    const missing = join(tmpdir(), 'folio-no-such-raw-dir');
    expect(() => run(missing, outDir())).toThrow(`${missing}: raw directory not found`);
  });
});
