import { describe, expect, test } from 'vitest';
import { formatDate, formatMonthDay, formatShortDate } from '../../src/i18n/format.ts';

describe('date formats', () => {
  test('should write a date in the UI language, the same text every time it is asked', () => {
    expect(formatDate('2024-05-01')).toBe('2024年5月1日星期三');
    expect(formatShortDate('2024-05-01')).toBe('2024年5月1日');
    expect(formatMonthDay('05-01')).toBe('5月1日');
    expect(formatMonthDay('02-29')).toBe('2月29日');
    expect([formatDate('2024-05-01'), formatShortDate('2019-11-21')]).toEqual([
      '2024年5月1日星期三',
      '2019年11月21日',
    ]);
  });

  test('should fail on a date that is not one, every time', () => {
    expect(() => formatShortDate('2024-13-01')).toThrow(RangeError);
    expect(() => formatShortDate('2024-13-01')).toThrow(RangeError);
  });
});
