import { expect, test } from 'vitest';
import { splitByline } from '../../src/archive/byline.ts';
import { citation } from '../../src/archive/citation.ts';

test('should cut a byline into text and reporter names, keeping it as printed', () => {
  expect(splitByline('首席记者 张小华 通讯员 李冬', ['张小华', '李冬'])).toEqual([
    { text: '首席记者 ' },
    { name: '张小华' },
    { text: ' 通讯员 ' },
    { name: '李冬' },
  ]);
  expect(splitByline('记者 林群心 摄', ['林群心'])).toEqual([
    { text: '记者 ' },
    { name: '林群心' },
    { text: ' 摄' },
  ]);
});

test('should prefer the longer of two names that share a start', () => {
  expect(splitByline('记者 王小 王小明', ['王小', '王小明'])).toEqual([
    { text: '记者 ' },
    { name: '王小' },
    { text: ' ' },
    { name: '王小明' },
  ]);
});

test('should leave a byline without known names as text', () => {
  expect(splitByline('本报评论员', [])).toEqual([{ text: '本报评论员' }]);
});

test('should cite an item as GB/T 7714 does a newspaper article', () => {
  const item = {
    paper: '示例日报',
    date: '2024-05-02',
    page: 1,
    pageName: '要闻',
    kind: 'article' as const,
    order: 1,
    kicker: null,
    title: '老旧小区改造全面启动',
    subtitle: null,
    byline: '记者 陈静 李华',
    authors: ['陈静', '李华'],
    source: '2024-05-02/01.txt',
  };
  expect(citation(item)).toBe('陈静, 李华. 老旧小区改造全面启动[N]. 示例日报, 2024-05-02(01).');
  expect(citation({ ...item, authors: [], date: null, page: 12 })).toBe(
    '老旧小区改造全面启动[N]. 示例日报, n.d.(12).',
  );
});
