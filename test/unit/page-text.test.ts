import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { pageText } from '../../src/archive/page-text.ts';
import { pageRecordSchema, type PageData } from '../../src/archive/schema.ts';

const RECORD: PageData = {
  paper: '示例日报',
  date: '2024-05-01',
  page: 1,
  pageName: '要闻',
  source: '2024-05-01/01.txt',
  encoding: 'gb18030',
  furniture: [],
  text: '第1版 要闻\n\n  本报讯 一行\n两行\n',
};

/** A content directory holding the page record `2024-05-01/01/page.json` as `contents`. */
function contentWith(contents: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'folio-page-text-'));
  mkdirSync(join(dir, '2024-05-01/01'), { recursive: true });
  writeFileSync(join(dir, '2024-05-01/01/page.json'), contents);
  return dir;
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('page records in the content store', () => {
  test('should be validated whole and kept without their raw text', () => {
    const { text, ...kept } = RECORD;
    expect(pageRecordSchema.parse(RECORD)).toEqual(kept);
    expect(() => pageRecordSchema.parse(kept)).toThrow('text');
  });
});

describe('pageText', () => {
  test("should read a page's raw text from its record, exactly", () => {
    const dir = contentWith(JSON.stringify(RECORD, null, 2));
    expect(pageText('2024-05-01/01/page', dir)).toBe(RECORD.text);
  });

  test('should read the content directory the site is built from by default', () => {
    vi.stubEnv('FOLIO_CONTENT', contentWith(JSON.stringify(RECORD)));
    expect(pageText('2024-05-01/01/page')).toBe(RECORD.text);
  });

  test('should name the file it cannot read', () => {
    const dir = contentWith(JSON.stringify(RECORD));
    const file = join(dir, '2024-05-02/01/page.json');
    expect(() => pageText('2024-05-02/01/page', dir)).toThrow(
      `${file}: cannot read the page's raw text: ENOENT`,
    );
  });

  test('should name the file that is not JSON', () => {
    const dir = contentWith('{ "text": ');
    expect(() => pageText('2024-05-01/01/page', dir)).toThrow(
      `${join(dir, '2024-05-01/01/page.json')}: cannot read the page's raw text: Unexpected end of JSON input`,
    );
  });

  test.each([['{}'], ['{ "text": 3 }'], ['[]'], ['null']])(
    'should name the file whose record holds no text: %s',
    (contents) => {
      const dir = contentWith(contents);
      expect(() => pageText('2024-05-01/01/page', dir)).toThrow(
        `${join(dir, '2024-05-01/01/page.json')}: the page record holds no raw text ("text" must be a string)`,
      );
    },
  );
});
