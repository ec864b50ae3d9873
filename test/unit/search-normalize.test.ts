import { describe, expect, test } from 'vitest';
import { normalizeText, queryTerms } from '../../src/search/normalize.ts';

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
