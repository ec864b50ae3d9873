import { describe, expect, test } from 'vitest';
import {
  cacheKeys,
  type EntryLike,
  type RecordLike,
  type SiteSalt,
} from '../../src/archive/cache-keys.ts';
import { buildIndexes } from '../../src/archive/indexes.ts';
import type { ItemData, PageRecordData } from '../../src/archive/schema.ts';

interface Archive {
  items: EntryLike[];
  pages: RecordLike[];
}

const SITE: SiteSalt = { paper: '示例日报', lang: 'zh-CN' };

function item(id: string, data: Partial<ItemData> = {}): EntryLike {
  const [date, page, order] = id.split('/').slice(-3);
  return {
    id,
    digest: `digest of ${id}`,
    body: `body of ${id}`,
    data: {
      paper: SITE.paper,
      date: date ?? null,
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

function page(issue: string, nn: string, data: Partial<PageRecordData> = {}): RecordLike {
  return {
    id: `${issue}/${nn}/page`,
    digest: `digest of ${issue}/${nn}`,
    data: {
      paper: SITE.paper,
      date: issue,
      page: Number(nn),
      pageName: nn === '01' ? '要闻' : '经济',
      source: `${issue}/${nn}.txt`,
      encoding: 'utf-8',
      furniture: [],
      ...data,
    },
  };
}

/** An issue of two pages of two items; the reporters take turns. */
function issue(date: string): Archive {
  const reporters = ['王小明', '李华', '陈静'];
  const items = ['01/01', '01/02', '02/01', '02/02'].map((at, i) =>
    item(`${date}/${at}`, { authors: [reporters[i % 3] ?? ''] }),
  );
  return { items, pages: [page(date, '01'), page(date, '02')] };
}

function archiveOf(...issues: Archive[]): Archive {
  return { items: issues.flatMap((a) => a.items), pages: issues.flatMap((a) => a.pages) };
}

/** Every page's key, by a label naming the page. */
function keysOf({ items, pages }: Archive, site = SITE): Map<string, string> {
  const index = buildIndexes(items, pages, { locale: 'zh-CN' });
  const keys = cacheKeys(index, site);
  const all = new Map<string, string>();
  for (const issue of index.issues) {
    all.set(`issue ${issue.key}`, keys.issue(issue));
    all.set(`json ${issue.key}`, keys.issueJson(issue));
    for (const page of issue.pages) {
      all.set(`page ${issue.key}/${page.segment ?? ''}`, keys.page(issue, page));
      for (const item of page.items) all.set(`item ${item.id}`, keys.item(item.id));
    }
  }
  const months = index.calendar.flatMap((year) => year.months);
  for (const [i, month] of months.entries()) {
    const label = `month ${month.year}-${month.month}`;
    all.set(label, keys.month(month, months[i - 1] ?? null, months[i + 1] ?? null));
  }
  for (const [name, list] of index.reporters)
    all.set(`reporter ${name}`, keys.reporter(name, list));
  for (const [day, list] of index.days) all.set(`day ${day}`, keys.day(day, list));
  for (const [year, issues] of Map.groupBy(index.issues, (issue) => issue.key.slice(0, 4))) {
    all.set(`export ${year}`, keys.itemsExport(issues));
  }
  return all;
}

/** Labels of the pages whose key differs, or that exist in one archive only. */
function changed(before: Map<string, string>, after: Map<string, string>): string[] {
  const labels = new Set([...before.keys(), ...after.keys()]);
  return [...labels].filter((label) => before.get(label) !== after.get(label)).sort();
}

/** The archive with one item's fields replaced. */
function edit(archive: Archive, id: string, change: Partial<EntryLike>): Archive {
  return {
    ...archive,
    items: archive.items.map((i) => (i.id === id ? { ...i, ...change } : i)),
  };
}

const base = archiveOf(issue('2024-04-29'), issue('2024-04-30'), issue('2024-05-01'));

describe('cache keys', () => {
  test('should give every page a key of its own, the same for the same content', () => {
    const keys = keysOf(base);
    expect(keys.size).toBe(3 * (1 + 1 + 2 + 4) + 2 + 3 + 3 + 1);
    expect(new Set(keys.values()).size).toBe(keys.size);
    // Equal content in new objects: equal keys.
    expect(
      keysOf(archiveOf(issue('2024-04-29'), issue('2024-04-30'), issue('2024-05-01'))),
    ).toEqual(keys);
  });

  test('should change, when an issue is added, its own pages and the previous issue only', () => {
    const after = archiveOf(base, issue('2024-05-02'));
    expect(changed(keysOf(base), keysOf(after))).toEqual([
      'day 05-02',
      'export 2024',
      'issue 2024-05-01',
      'issue 2024-05-02',
      'item 2024-05-02/01/01',
      'item 2024-05-02/01/02',
      'item 2024-05-02/02/01',
      'item 2024-05-02/02/02',
      'json 2024-05-02',
      'month 2024-5',
      'page 2024-05-02/01',
      'page 2024-05-02/02',
      'reporter 李华',
      'reporter 王小明',
      'reporter 陈静',
    ]);
  });

  test('should change the previous month too when the new issue opens a month', () => {
    const before = archiveOf(issue('2024-04-29'), issue('2024-04-30'));
    const after = archiveOf(before, issue('2024-05-01'));
    expect(changed(keysOf(before), keysOf(after)).filter((l) => l.startsWith('month'))).toEqual([
      'month 2024-4',
      'month 2024-5',
    ]);
  });

  test('should change, when a title is corrected, every page that shows the title', () => {
    const id = '2024-04-30/01/02';
    const after = edit(base, id, {
      digest: 'digest after the correction',
      data: { ...item(id, { authors: ['李华'] }).data, title: '更正后的标题' },
    });
    expect(changed(keysOf(base), keysOf(after))).toEqual([
      'day 04-30',
      'export 2024',
      'issue 2024-04-30',
      // The item itself and its neighbours in the issue, which link to it by its title.
      'item 2024-04-30/01/01',
      'item 2024-04-30/01/02',
      'item 2024-04-30/02/01',
      'json 2024-04-30',
      'page 2024-04-30/01',
      'reporter 李华',
    ]);
  });

  test('should change only the item, its issue JSON and its year export when only its body changes', () => {
    const id = '2024-04-30/02/02';
    const after = edit(base, id, { digest: 'digest of a new body' });
    expect(changed(keysOf(base), keysOf(after))).toEqual([
      'export 2024',
      'item 2024-04-30/02/02',
      'json 2024-04-30',
    ]);
  });

  test('should hash the body when an entry has no digest', () => {
    const id = '2024-04-30/02/02';
    const plain = edit(base, id, { digest: undefined });
    const after = edit(plain, id, { body: 'another body' });
    expect(changed(keysOf(plain), keysOf(after))).toEqual([
      'export 2024',
      'item 2024-04-30/02/02',
      'json 2024-04-30',
    ]);
  });

  test('should change the reporter pages an item moves between', () => {
    const id = '2024-04-29/01/01';
    const after = edit(base, id, {
      digest: 'digest with another byline',
      data: { ...item(id).data, byline: '记者 陈静', authors: ['陈静'] },
    });
    expect(changed(keysOf(base), keysOf(after))).toEqual([
      'export 2024',
      'item 2024-04-29/01/01',
      'json 2024-04-29',
      'reporter 王小明',
      'reporter 陈静',
    ]);
  });

  test("should change the export of the edited item's year only", () => {
    const years = archiveOf(issue('2023-12-30'), issue('2024-01-02'));
    const after = edit(years, '2024-01-02/02/02', { digest: 'digest of a new body' });
    expect(changed(keysOf(years), keysOf(after))).toEqual([
      'export 2024',
      'item 2024-01-02/02/02',
      'json 2024-01-02',
    ]);
  });

  test("should change only the page when its record's raw text is corrected", () => {
    // The record is kept without its text: the correction is seen in its file's digest.
    const after: Archive = {
      ...base,
      pages: base.pages.map((p) =>
        p.id === '2024-04-30/02/page' ? { ...p, digest: 'digest of the corrected file' } : p,
      ),
    };
    expect(changed(keysOf(base), keysOf(after))).toEqual(['page 2024-04-30/02']);
  });

  test('should refuse a page record without a digest', () => {
    const { digest, ...bare } = base.pages[0] as RecordLike;
    const index = buildIndexes(base.items, [bare, ...base.pages.slice(1)], { locale: 'zh-CN' });
    const keys = cacheKeys(index, SITE);
    const [issue] = index.issues;
    const [first] = issue?.pages ?? [];
    if (issue === undefined || first === undefined) throw new Error('no first page');
    expect(() => keys.page(issue, first)).toThrow(
      `${bare.id}: the page record has no digest, so its page cannot be reused`,
    );
  });

  test("should change every page naming a page (版) when the page's name changes", () => {
    const after: Archive = {
      ...base,
      pages: base.pages.map((p) =>
        p.id === '2024-04-30/02/page' ? { ...p, data: { ...p.data, pageName: '民生' } } : p,
      ),
    };
    expect(changed(keysOf(base), keysOf(after))).toEqual([
      'issue 2024-04-30',
      'item 2024-04-30/02/01',
      'item 2024-04-30/02/02',
      'json 2024-04-30',
      'page 2024-04-30/01',
      'page 2024-04-30/02',
    ]);
  });

  test("should change every key with the paper's name or the UI language", () => {
    const keys = keysOf(base);
    for (const site of [
      { ...SITE, paper: '另一份报纸' },
      { ...SITE, lang: 'en' },
    ]) {
      expect(changed(keys, keysOf(base, site))).toEqual([...keys.keys()].sort());
    }
  });
});
