import { expect, test } from 'vitest';
import { filterValues } from '../../src/search/filter-values.ts';
import type { ItemData } from '../../src/archive/schema.ts';

function item(
  date: string | null,
  pageName: string | null,
  authors: string[],
  kind: 'article' | 'photo',
): ItemData {
  return {
    paper: '示例日报',
    date,
    page: 1,
    pageName,
    kind,
    order: 1,
    kicker: null,
    title: '标题',
    subtitle: null,
    byline: null,
    authors,
    source: 'x.txt',
  };
}

test('should list every filter value the items give, newest years first, names in pinyin order', () => {
  const values = filterValues(
    [
      item('2019-11-21', '要闻', ['张赤奎'], 'article'),
      item('2021-03-01', '民生', ['王小明', '李华'], 'photo'),
      item('2021-03-02', '要闻', ['陈静'], 'article'),
      item(null, null, [], 'article'),
    ],
    'zh-CN',
  );
  expect(values).toEqual({
    year: ['2021', '2019'],
    decade: ['2020', '2010'],
    page: ['民生', '要闻'],
    reporter: ['陈静', '李华', '王小明', '张赤奎'],
    kind: ['article', 'photo'],
  });
});
