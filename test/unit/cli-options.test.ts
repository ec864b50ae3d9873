import { afterEach, describe, expect, test, vi } from 'vitest';
import { optionalWhole, wholeEnv, wholeOption } from '../../src/cli-options.ts';

describe('wholeOption', () => {
  test('should read a whole number written in digits', () => {
    expect(wholeOption('articles', '7500')).toBe(7500);
    expect(wholeOption('seed', '0', 0)).toBe(0);
    expect(wholeOption('rounds', '007')).toBe(7);
  });

  test('should name the option and the value it refuses', () => {
    expect(() => wholeOption('articles', '0')).toThrow(
      '--articles must be a whole number ≥ 1, not "0"',
    );
    for (const value of ['', 'abc', '1e3', ' 12', '0x10', '-1', '2.5', '99999999999999999']) {
      expect(() => wholeOption('limit', value, 0)).toThrow(
        `--limit must be a whole number ≥ 0, not "${value}"`,
      );
    }
  });
});

describe('optionalWhole', () => {
  test('should leave an option left out undefined, and read one given', () => {
    expect(optionalWhole('words', undefined)).toBeUndefined();
    expect(optionalWhole('words', '5')).toBe(5);
    expect(() => optionalWhole('max-fragments', '0')).toThrow(
      '--max-fragments must be a whole number ≥ 1, not "0"',
    );
  });
});

describe('wholeEnv', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  test('should read the variable when set, and give the fallback when unset or empty', () => {
    vi.stubEnv('FOLIO_TEST_NUMBER', '2500');
    expect(wholeEnv('FOLIO_TEST_NUMBER', undefined)).toBe(2500);
    vi.stubEnv('FOLIO_TEST_NUMBER', '');
    expect(wholeEnv('FOLIO_TEST_NUMBER', 4)).toBe(4);
    vi.stubEnv('FOLIO_TEST_NUMBER', undefined);
    expect(wholeEnv('FOLIO_TEST_NUMBER', undefined)).toBeUndefined();
  });

  test('should name the variable and the value it refuses', () => {
    for (const value of ['0', 'abc', '1e3', ' 12', '-1']) {
      vi.stubEnv('FOLIO_SEARCH_PART', value);
      expect(() => wholeEnv('FOLIO_SEARCH_PART', undefined)).toThrow(
        `FOLIO_SEARCH_PART must be a whole number ≥ 1, not "${value}"`,
      );
    }
  });
});
