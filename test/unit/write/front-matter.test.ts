import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import type { ItemData } from '../../../src/archive/schema.ts';
import { frontMatter } from '../../../src/write/front-matter.ts';

const item: ItemData = {
  paper: '示例日报',
  date: '2024-05-01',
  page: 1,
  pageName: '要闻',
  kind: 'article',
  order: 1,
  kicker: null,
  title: '城南社区植树忙',
  subtitle: null,
  byline: '记者 王小明',
  authors: ['王小明'],
  source: '2024-05-01/01.txt',
};

/** The YAML between the front matter fences, read under a given YAML version. */
function readBack(text: string, version: '1.1' | '1.2'): unknown {
  expect(text.startsWith('---\n') && text.endsWith('---\n')).toBe(true);
  return parse(text.slice(4, -4), { version });
}

describe('frontMatter', () => {
  test('should write the fields in schema order with the date quoted', () => {
    expect(frontMatter(item)).toBe(
      [
        '---',
        'paper: 示例日报',
        'date: "2024-05-01"',
        'page: 1',
        'pageName: 要闻',
        'kind: article',
        'order: 1',
        'kicker: null',
        'title: 城南社区植树忙',
        'subtitle: null',
        'byline: 记者 王小明',
        'authors:',
        '  - 王小明',
        'source: 2024-05-01/01.txt',
        '---',
        '',
      ].join('\n'),
    );
  });

  test('should quote titles that would break YAML or read as something else', () => {
    const cases: [string, string][] = [
      ['标题: 副标题', 'title: "标题: 副标题"'],
      ['"引号"里的话', `title: '"引号"里的话'`],
      [`'单引号' 和 "双引号"`, `title: "'单引号' 和 \\"双引号\\""`],
      ['- 短横开头', 'title: "- 短横开头"'],
      ['#井号开头', 'title: "#井号开头"'],
      ['yes', 'title: "yes"'],
      ['No', 'title: "No"'],
      ['2019-11-21', 'title: "2019-11-21"'],
      ['12:30', 'title: "12:30"'],
      ['0o14', 'title: "0o14"'],
      ['0755', 'title: "0755"'],
      ['~', 'title: "~"'],
      ['null', 'title: "null"'],
      ['[方括号]', 'title: "[方括号]"'],
      ['{花括号}', 'title: "{花括号}"'],
      ['&锚', 'title: "&锚"'],
      ['*别名', 'title: "*别名"'],
      ['| 竖线', 'title: "| 竖线"'],
      ['> 大于', 'title: "> 大于"'],
      ['@at', 'title: "@at"'],
      ['`反引号`', 'title: "`反引号`"'],
      ['%百分号', 'title: "%百分号"'],
      [' 前后空格 ', 'title: " 前后空格 "'],
    ];
    for (const [title, line] of cases) {
      const text = frontMatter({ ...item, title });
      expect(text.split('\n'), title).toContain(line);
      expect(readBack(text, '1.1'), title).toEqual({ ...item, title });
      expect(readBack(text, '1.2'), title).toEqual({ ...item, title });
    }
  });

  test('should read back every string the same under YAML 1.1 and 1.2', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme' }),
        fc.option(fc.string()),
        fc.array(fc.string({ unit: 'binary' }), { maxLength: 3 }),
        (title, kicker, authors) => {
          const data = { ...item, title, kicker, authors };
          const text = frontMatter(data);
          expect(readBack(text, '1.1')).toEqual(data);
          expect(readBack(text, '1.2')).toEqual(data);
        },
      ),
      { numRuns: 300, seed: 20240501 },
    );
  }, 30_000);

  test('should refuse front matter the item schema refuses, naming the fields', () => {
    expect(() => frontMatter({ ...item, page: 0, date: '2024/05/01' })).toThrow(
      'invalid front matter: date: expected YYYY-MM-DD; page: Too small: expected number to be >0',
    );
  });
});
