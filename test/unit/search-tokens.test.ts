import { beforeAll, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { BREAK, SPACE, decodeText, encodeText, indexTermsFor } from '../../src/search/tokens.ts';
import { normalizeText, useFolding } from '../../src/search/normalize.ts';
import { foldingTable } from '../../src/search/folding/table.ts';

beforeAll(() => {
  useFolding(foldingTable());
});

/** The index words of an encoded text, as Pagefind indexes them (lower case). */
function words(encoded: string): Set<string> {
  return new Set(
    encoded
      .split(' ')
      .filter((t) => /^[A-Za-z0-9]+$/.test(t))
      .map((t) => t.toLowerCase()),
  );
}

describe('encodeText', () => {
  test('should write a Han run as its overlapping bigrams, then its last character', () => {
    // 城 U+57CE, 南 U+5357, 区 U+533A as four base-26 letters each.
    expect(encodeText('城南区')).toBe('BHGOBFOP BFOPBFNM BFNM');
  });

  test('should keep letters, digits and punctuation, and mark spaces and line breaks', () => {
    expect(encodeText('2021年，A 股\n完')).toBe(`2021 BJUA ， a ${SPACE} BWSN ${BREAK} BIRK`);
  });

  test('should leave out whitespace at either end, and read characters beyond the BMP', () => {
    // 𠀀 U+20000 (CJK Extension B) is Han; 😀 U+1F600 is kept as it is.
    expect(encodeText(' \u3000\n城𠀀😀 \n')).toBe('BHGOHLXG HLXG 😀');
  });

  test('should fold with the table in use, also after a character was read with another', () => {
    // 區 folds to 区 (BFNM) with the whole table, and stays 區 (BFNS) with an empty one.
    expect(encodeText('區')).toBe('BFNM');
    try {
      useFolding(new Map());
      expect(encodeText('區')).toBe('BFNS');
    } finally {
      useFolding(foldingTable());
    }
    expect(encodeText('區')).toBe('BFNM');
  });
});

describe('decodeText', () => {
  test('should give back the normalised text, also with Pagefind’s zero-width spaces', () => {
    const text = '城南社区举办春季植树活动。\n记者 王小明 2021年 Ｂ３ 美美 美始 a_b';
    const stored = encodeText(text).replaceAll(' ', ' \u200B');
    expect(decodeText(stored)).toBe(normalizeText(text));
  });

  test('should round-trip any text of Han, ASCII and punctuation, whitespace runs collapsed', () => {
    const char = fc.constantFrom(
      ...Array.from('城南社区區美始年。，、 \n\r\t\u3000\u2028abcXYZ019-_.（）《》Ａ１😀𠀀'),
    );
    fc.assert(
      fc.property(fc.array(char, { maxLength: 40 }), (chars) => {
        const text = chars.join('').trim();
        const collapsed = normalizeText(text).replace(/\s+/gu, (w) =>
          w.includes('\n') ? '\n' : ' ',
        );
        expect(decodeText(encodeText(text))).toBe(collapsed);
      }),
    );
  });
});

describe('indexTermsFor', () => {
  test('should cover a Han term with bigrams, the last one overlapping for odd lengths', () => {
    expect(indexTermsFor('城南社区')).toEqual(['bhgobfop', 'btxubfnm']);
    expect(indexTermsFor('城南社')).toEqual(['bhgobfop', 'bfopbtxu']);
  });

  test('should look up a single character by its code, as a prefix', () => {
    expect(indexTermsFor('城')).toEqual(['bhgo']);
  });

  test('should use letters and digits after a Han character, not those that open a term', () => {
    expect(indexTermsFor('年b3')).toEqual(['bjua', 'b3']);
    expect(indexTermsFor('21年')).toEqual(['bjua']);
    expect(indexTermsFor('gdp')).toEqual(['gdp']);
  });

  test('should only ask for words that every text holding the term contains', () => {
    const han = fc.constantFrom(...Array.from('城南社区美始年'));
    const other = fc.constantFrom(...Array.from('ab19。， \n'));
    fc.assert(
      fc.property(
        fc.array(fc.oneof(han, other), { maxLength: 30 }),
        fc.nat(),
        fc.integer({ min: 1, max: 6 }),
        (chars, at, length) => {
          const text = chars.join('');
          const term = text.slice(at % (text.length + 1), (at % (text.length + 1)) + length);
          if (!/^[\p{Script=Han}a-z0-9]+$/u.test(term) || !/\p{Script=Han}/u.test(term)) return;
          const indexed = [...words(encodeText(text))];
          for (const word of indexTermsFor(term)) {
            expect(indexed.some((w) => w.startsWith(word))).toBe(true);
          }
        },
      ),
    );
  });
});
