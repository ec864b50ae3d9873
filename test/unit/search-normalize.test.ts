import { beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { foldingTable } from '../../src/search/folding/table.ts';
import { normalizeText, queryTerms, useFolding } from '../../src/search/normalize.ts';

beforeAll(() => {
  useFolding(foldingTable());
});

describe('normalizeText', () => {
  test('should turn Traditional characters into Simplified ones', () => {
    expect(normalizeText('臺灣經濟發展')).toBe('台湾经济发展');
  });

  test('should bring Taiwan and Hong Kong variant forms to the same Simplified character', () => {
    expect(normalizeText('為爲')).toBe('为为');
  });

  test('should leave Simplified text as it is', () => {
    expect(normalizeText('城南社区举办春季植树活动')).toBe('城南社区举办春季植树活动');
  });

  test('should turn full-width digits and letters into lower-case ASCII', () => {
    expect(normalizeText('Ｇ２０峰会ＡＢｃ')).toBe('g20峰会abc');
  });

  test('should keep Chinese punctuation and turn the ideographic space into a space', () => {
    expect(normalizeText('你好，世界。\u3000再见！')).toBe('你好，世界。 再见！');
  });

  test('should keep the number of characters, so offsets carry over to the original', () => {
    const text = '臺灣ＡＢ１２\u3000經濟，𠮷野家';
    expect(Array.from(normalizeText(text))).toHaveLength(Array.from(text).length);
  });
});

describe('queryTerms', () => {
  test('should cut a query into terms at spaces and punctuation', () => {
    expect(queryTerms('志愿者 假日学校')).toEqual(['志愿者', '假日学校']);
    expect(queryTerms('“志愿者”，假日学校！')).toEqual(['志愿者', '假日学校']);
  });

  test('should normalise every term', () => {
    expect(queryTerms('經濟發展\u3000ＧＤＰ')).toEqual(['经济发展', 'gdp']);
  });

  test('should drop repeated terms and terms inside longer ones', () => {
    expect(queryTerms('经济 经济发展 经济')).toEqual(['经济发展']);
  });

  test('should give no term for a query of punctuation and spaces only', () => {
    expect(queryTerms(' ，。！ ')).toEqual([]);
  });
});

describe('the folding table, loaded when a text needs it', () => {
  // Each test gets the module afresh, with no table loaded.
  const fresh = () => import('../../src/search/normalize.ts');
  beforeEach(() => {
    vi.resetModules();
  });

  test('should know exactly which characters fold (every code point checked)', async () => {
    const { folds } = await fresh();
    const table = foldingTable();
    const folding: string[] = [];
    for (let code = 0; code <= 0x10ffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const char = String.fromCodePoint(code);
      if (folds(char)) folding.push(char);
    }
    const code = (char: string) => char.codePointAt(0) ?? 0;
    expect(folding).toEqual([...table.keys()].sort((a, b) => code(a) - code(b)));
    expect(table.size).toBe(3234);
  });

  test('should normalise a text without folds before any table is loaded', async () => {
    const { normalizeText: normalize, needsFolding } = await fresh();
    expect(needsFolding('城南社区 ＡＢ１２')).toBe(false);
    expect(normalize('城南社区 ＡＢ１２')).toBe('城南社区 ab12');
  });

  test('should refuse to normalise a character that folds before the table is loaded', async () => {
    const { normalizeText: normalize, needsFolding } = await fresh();
    expect(needsFolding('城南經濟')).toBe(true);
    expect(() => normalize('城南經濟')).toThrow(
      'normalize: 經 needs the folding table: await prepareFolding() first',
    );
  });

  test('should load the table for a text that needs it, and fold with it', async () => {
    const { normalizeText: normalize, prepareFolding } = await fresh();
    await prepareFolding('城南', '臺灣經濟');
    // 𨋢 (U+282E2) lies outside the Basic Multilingual Plane and folds into it.
    expect(normalize('臺灣經濟𨋢𠮷')).toBe('台湾经济䢂𠮷');
  });
});
