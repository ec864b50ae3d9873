import { describe, expect, it } from 'vitest';
import { firstWords } from '../../bench/synth/first-words.ts';
import { encodeText } from '../../src/search/tokens.ts';

describe('bench/synth/first-words', () => {
  it('keeps the first words of an index form, whole', () => {
    const content = encodeText('应急演练，2024年');
    expect(content).toBe('BJVGBKKR BKKRBQBS BQBSBWAD BWAD ， 2024 BJUA');
    expect(firstWords(content, 1)).toBe('BJVGBKKR');
    expect(firstWords(content, 2)).toBe('BJVGBKKR BKKRBQBS');
    expect(firstWords(content, 6)).toBe('BJVGBKKR BKKRBQBS BQBSBWAD BWAD ， 2024');
  });

  it('keeps a text of fewer words as it is', () => {
    expect(firstWords('AAAA BBBB', 2)).toBe('AAAA BBBB');
    expect(firstWords('AAAA BBBB', 5)).toBe('AAAA BBBB');
  });

  it('refuses to keep no words', () => {
    expect(() => firstWords('AAAA', 0)).toThrow('a record keeps at least one word, not 0');
    expect(() => firstWords('AAAA', 1.5)).toThrow('not 1.5');
  });
});
