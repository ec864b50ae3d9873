import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { InputError } from '../../../../src/ingest/read/problem.ts';
import { readPage } from '../../../../src/ingest/read/read-page.ts';
import type { RawSource } from '../../../../src/ingest/read/locate.ts';
import { makeRawDir } from '../raw-dir.ts';

const sourceOf = (dir: string, source: string): RawSource => ({
  file: join(dir, source),
  source,
  date: '2024-05-01',
  page: 1,
  pageName: null,
  paper: null,
});

describe('readPage', () => {
  test('should give the text, its encoding and what was known of the file', () => {
    const dir = makeRawDir({ '2024-05-01/01.txt': '标题\r\n正文\r\n' });
    expect(readPage(sourceOf(dir, '2024-05-01/01.txt'))).toEqual({
      ...sourceOf(dir, '2024-05-01/01.txt'),
      text: '标题\n正文\n',
      encoding: 'utf-8',
    });
  });

  test('should fail with an error that names the file and the line', () => {
    const dir = makeRawDir({ '2024-05-01/01.txt': '标题\n正\0文\n' });
    const file = join(dir, '2024-05-01/01.txt');
    expect(() => readPage(sourceOf(dir, '2024-05-01/01.txt'))).toThrow(
      new InputError(
        file,
        'contains NUL bytes: a binary file, or UTF-16 without a byte order mark',
        2,
      ),
    );
    expect(() => readPage(sourceOf(dir, '2024-05-01/01.txt'))).toThrow(`${file}:2: contains NUL`);
  });

  test('should decode a 50 MB page when the limit allows it, in bounded time', () => {
    const dir = makeRawDir({});
    const file = join(dir, 'big.txt');
    const line = Buffer.from(`${'本报讯 城南社区举办植树活动。'.repeat(10)}\r\n`);
    const lines = Math.ceil(50e6 / line.length);
    writeFileSync(file, Buffer.concat(Array<Buffer>(lines).fill(line)));
    expect(statSync(file).size).toBeGreaterThanOrEqual(50e6);
    const started = performance.now();
    const page = readPage(sourceOf(dir, 'big.txt'), 64 * 1024 * 1024);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(page.encoding).toBe('utf-8');
    expect(page.text.length).toBe(lines * (15 * 10 + 1));
    expect(page.text.endsWith('植树活动。\n')).toBe(true);
  }, 30_000);
});
