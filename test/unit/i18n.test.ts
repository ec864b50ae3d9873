import { expect, test } from 'vitest';
import { catalogs, REFERENCE, t } from '../../src/i18n/index.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('should give every language only zh-CN keys, with the same placeholders', () => {
  const zh: Record<string, string | undefined> = { ...catalogs.get(REFERENCE) };
  expect([...catalogs.keys()].sort()).toEqual(['en', 'zh-CN']);
  for (const [lang, messages] of catalogs) {
    for (const [key, text] of Object.entries(messages)) {
      const reference = zh[key];
      if (reference === undefined) throw new Error(`src/i18n/${lang}.json: unknown key ${key}`);
      expect(placeholders(text), `${lang} ${key}`).toEqual(placeholders(reference));
    }
  }
});

// The search interface's strings (search.*) may lag behind in English; they fall back to zh-CN.
test('should translate every string outside the search interface into English', () => {
  const en = catalogs.get('en') ?? {};
  const missing = Object.keys(catalogs.get(REFERENCE) ?? {}).filter(
    (key) => !(key in en) && !key.startsWith('search.'),
  );
  expect(missing).toEqual([]);
});

test('should fill placeholders and leave unknown ones visible', () => {
  expect(t('page.labelNamed', { n: '01', name: '要闻' })).toBe('第01版 要闻');
  expect(t('issue.summary', { pages: 3, items: 12 })).toBe('共 3 版，12 篇稿件。');
  expect(t('issue.summary', { pages: 3 })).toBe('共 3 版，{items} 篇稿件。');
});
