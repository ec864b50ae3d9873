import { describe, expect, test } from 'vitest';
import {
  buildIndexes,
  issueNeighbours,
  itemNeighbours,
  pageNeighbours,
  type ItemLike,
  type PageLike,
} from '../../src/archive/indexes.ts';
import type { ItemData, PageRecordData } from '../../src/archive/schema.ts';

function item(id: string, data: Partial<ItemData> = {}): ItemLike {
  const [date, page, order] = id.split('/').slice(-3);
  return {
    id,
    data: {
      paper: '示例日报',
      date: id.startsWith('undated/') ? null : (date ?? null),
      page: Number(page),
      pageName: null,
      kind: 'article',
      order: Number(order),
      kicker: null,
      title: `title ${id}`,
      subtitle: null,
      byline: null,
      authors: [],
      source: 'x.txt',
      ...data,
    },
  };
}

function page(id: string, data: Partial<PageRecordData> = {}): PageLike {
  const [date, nn] = id.split('/').slice(-3);
  return {
    id,
    data: {
      paper: '示例日报',
      date: id.startsWith('undated/') ? null : (date ?? null),
      page: Number(nn),
      pageName: null,
      source: 'x.txt',
      encoding: 'utf-8',
      furniture: [],
      ...data,
    },
  };
}

const items = [
  item('2024-05-02/02/01', { authors: ['王小明'], pageName: '经济' }),
  item('2024-05-02/01/02', { authors: ['李华', '王小明'] }),
  item('2024-05-02/01/01', { authors: ['陈静'] }),
  item('undated/scan-a/01', { authors: ['陈静'], page: 1, order: 1 }),
  item('2023-05-02/01/01', { authors: ['王小明', '王小明'] }),
  item('2024-05-01/01/10', { order: 10 }),
  item('2024-05-01/01/02', { order: 2 }),
];
const pages = [
  page('2024-05-02/01/page', { pageName: '要闻', source: 'one.txt' }),
  page('2024-05-02/03/page', { pageName: '副刊' }),
  page('undated/scan-a/page', { page: 1 }),
];
const index = buildIndexes(items, pages, { locale: 'zh-CN' });

describe('archive indexes', () => {
  test('should order issues by date with undated issues last, and pick the latest dated', () => {
    expect(index.issues.map((i) => [i.key, i.date, i.position])).toEqual([
      ['2023-05-02', '2023-05-02', 0],
      ['2024-05-01', '2024-05-01', 1],
      ['2024-05-02', '2024-05-02', 2],
      ['undated/scan-a', null, 3],
    ]);
    expect(index.latest?.key).toBe('2024-05-02');
  });

  test('should group pages with their records and items in reading order', () => {
    const issue = index.issueByKey.get('2024-05-02');
    expect(
      issue?.pages.map((p) => [
        p.segment,
        p.number,
        p.name,
        p.record?.data.source ?? null,
        p.items.map((i) => i.id),
      ]),
    ).toEqual([
      ['01', 1, '要闻', 'one.txt', ['2024-05-02/01/01', '2024-05-02/01/02']],
      ['02', 2, '经济', null, ['2024-05-02/02/01']],
      ['03', 3, '副刊', 'x.txt', []],
    ]);
    expect(index.issueByKey.get('2024-05-01')?.items.map((i) => i.id)).toEqual([
      '2024-05-01/01/02',
      '2024-05-01/01/10',
    ]);
  });

  test('should find the neighbours of issues, pages and items', () => {
    const prevNext = (n: { prev: { key: string } | null; next: { key: string } | null }) => [
      n.prev?.key ?? null,
      n.next?.key ?? null,
    ];
    expect(prevNext(issueNeighbours(index, '2023-05-02'))).toEqual([null, '2024-05-01']);
    expect(prevNext(issueNeighbours(index, '2024-05-02'))).toEqual([
      '2024-05-01',
      'undated/scan-a',
    ]);
    const ids = (n: { prev: ItemLike | null; next: ItemLike | null }) => [
      n.prev?.id ?? null,
      n.next?.id ?? null,
    ];
    // Across a page boundary: the last item of page 1 is followed by the first of page 2.
    expect(ids(itemNeighbours(index, '2024-05-02/01/02'))).toEqual([
      '2024-05-02/01/01',
      '2024-05-02/02/01',
    ]);
    expect(ids(itemNeighbours(index, '2024-05-02/01/01'))).toEqual([null, '2024-05-02/01/02']);
    const issue = index.issueByKey.get('2024-05-02');
    const second = issue?.pages[1];
    if (issue === undefined || second === undefined) throw new Error('fixture');
    const { prev, next } = pageNeighbours(issue, second);
    expect([prev?.segment, next?.segment]).toEqual(['01', '03']);
    expect(() => itemNeighbours(index, '2024-05-02/09/09')).toThrow(
      '2024-05-02/09/09: no such item',
    );
  });

  test('should list reporters in pinyin order with their items oldest first, once per item', () => {
    expect([...index.reporters].map(([name, list]) => [name, list.map((i) => i.id)])).toEqual([
      ['陈静', ['2024-05-02/01/01', 'undated/scan-a/01']],
      ['李华', ['2024-05-02/01/02']],
      ['王小明', ['2023-05-02/01/01', '2024-05-02/01/02', '2024-05-02/02/01']],
    ]);
  });

  test('should gather dated items by month and day across years, leaving undated ones out', () => {
    expect([...index.days].map(([day, list]) => [day, list.map((i) => i.id)])).toEqual([
      ['05-01', ['2024-05-01/01/02', '2024-05-01/01/10']],
      ['05-02', ['2023-05-02/01/01', '2024-05-02/01/01', '2024-05-02/01/02', '2024-05-02/02/01']],
    ]);
  });

  test('should build the calendar from dated issues with item counts', () => {
    expect(
      index.calendar.map((y) => [y.year, y.months.map((m) => [m.month, m.issues, m.items])]),
    ).toEqual([
      [2023, [[5, 1, 1]]],
      [2024, [[5, 2, 5]]],
    ]);
  });

  test('should keep an undated raw file as one page without a page segment', () => {
    const issue = index.issueByKey.get('undated/scan-a');
    expect(issue?.pages.map((p) => [p.segment, p.number, p.items.map((i) => i.id)])).toEqual([
      [null, 1, ['undated/scan-a/01']],
    ]);
    expect(() =>
      buildIndexes([item('undated/x/01', { page: 1 }), item('undated/x/02/01')], [], {
        locale: 'zh-CN',
      }),
    ).toThrow(
      'undated/x/02/01: undated/x holds both page directories (<NN>/) and items of its own; keep one layout',
    );
  });

  test('should name the file of an entry that is not where the layout says', () => {
    expect(() => buildIndexes([item('2024-05-02/lead')], [], { locale: 'zh-CN' })).toThrow(
      '2024-05-02/lead: item id must end in /<NN>/<kk>',
    );
  });
});
