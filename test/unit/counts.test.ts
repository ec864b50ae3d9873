import { describe, expect, test } from 'vitest';
import { count, counted } from '../../src/counts.ts';

describe('count', () => {
  test('should group thousands with commas', () => {
    expect([0, 7, 999, 1000, 225505, 1234567].map(count)).toEqual([
      '0',
      '7',
      '999',
      '1,000',
      '225,505',
      '1,234,567',
    ]);
  });
});

describe('counted', () => {
  test('should name the noun in the singular for one only', () => {
    expect([0, 1, 2, 9341].map((n) => counted(n, 'page'))).toEqual([
      '0 pages',
      '1 page',
      '2 pages',
      '9,341 pages',
    ]);
  });
});
