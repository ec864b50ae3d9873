import { expect, test } from 'vitest';
import { catalogs, t } from '../../src/i18n/index.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('should give every language the same keys and placeholders as zh-CN', () => {
  const zh = catalogs.get('zh-CN');
  if (zh === undefined) throw new Error('no zh-CN catalog');
  expect([...catalogs.keys()].sort()).toEqual(['en', 'zh-CN']);
  for (const [lang, messages] of catalogs) {
    expect(Object.keys(messages).sort(), lang).toEqual(Object.keys(zh).sort());
    for (const [key, text] of Object.entries(messages)) {
      expect(placeholders(text), `${lang} ${key}`).toEqual(
        placeholders(zh[key as keyof typeof zh]),
      );
    }
  }
});

test('should fill placeholders and leave unknown ones visible', () => {
  expect(t('page.labelNamed', { n: '01', name: '要闻' })).toBe('第01版 要闻');
  expect(t('issue.summary', { pages: 3, items: 12 })).toBe('共 3 版，12 篇稿件。');
  expect(t('issue.summary', { pages: 3 })).toBe('共 3 版，{items} 篇稿件。');
});
