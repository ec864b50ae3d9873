import { describe, expect, test } from 'vitest';
import {
  buildCalendar,
  daysInMonth,
  monthGrid,
  splitDate,
  type CalendarMonth,
  type GridDay,
} from '../../src/archive/calendar.ts';

const issues = [
  { date: '2024-05-02', items: 5 },
  { date: '2023-05-01', items: 4 },
  { date: '2024-02-29', items: 1 },
  { date: '2023-11-21', items: 1 },
  { date: '2024-05-01', items: 2 },
];

/** A grid as text: day numbers, `*n` for a day with an issue of n items, `.` for a blank cell. */
function show(weeks: (GridDay | null)[][]): string[] {
  return weeks.map((week) =>
    week
      .map((cell) =>
        cell === null ? '.' : cell.issue === null ? String(cell.day) : `*${cell.issue.items}`,
      )
      .join(' '),
  );
}

describe('calendar', () => {
  test('should group issues into years and months with counts, both ascending', () => {
    const years = buildCalendar(issues);
    expect(
      years.map((y) => ({
        year: y.year,
        issues: y.issues,
        items: y.items,
        months: y.months.map((m) => [m.month, m.issues, m.items, [...m.days.keys()]]),
      })),
    ).toEqual([
      {
        year: 2023,
        issues: 2,
        items: 5,
        months: [
          [5, 1, 4, [1]],
          [11, 1, 1, [21]],
        ],
      },
      {
        year: 2024,
        issues: 3,
        items: 8,
        months: [
          [2, 1, 1, [29]],
          [5, 2, 7, [2, 1]],
        ],
      },
    ]);
  });

  test('should lay out May 2024 Monday first, starting on a Wednesday', () => {
    const may = buildCalendar(issues)[1]?.months[1] as CalendarMonth;
    expect(show(monthGrid(may))).toEqual([
      '. . *2 *5 3 4 5',
      '6 7 8 9 10 11 12',
      '13 14 15 16 17 18 19',
      '20 21 22 23 24 25 26',
      '27 28 29 30 31 . .',
    ]);
    expect(monthGrid(may)[0]?.[2]).toEqual({
      day: 1,
      date: '2024-05-01',
      issue: { date: '2024-05-01', items: 2 },
    });
  });

  test('should lay out a leap February and a month starting on Sunday', () => {
    const feb = buildCalendar(issues)[1]?.months[0] as CalendarMonth;
    expect(show(monthGrid(feb))).toEqual([
      '. . . 1 2 3 4',
      '5 6 7 8 9 10 11',
      '12 13 14 15 16 17 18',
      '19 20 21 22 23 24 25',
      '26 27 28 *1 . . .',
    ]);
    // September 2024 starts on a Sunday: six leading blanks.
    const sep = buildCalendar([{ date: '2024-09-30', items: 3 }])[0]?.months[0] as CalendarMonth;
    expect(show(monthGrid(sep))[0]).toBe('. . . . . . 1');
    expect(show(monthGrid(sep)).at(-1)).toBe('*3 . . . . . .');
  });

  test('should know month lengths, leap years included', () => {
    expect([2023, 2024, 1900, 2000].map((y) => daysInMonth(y, 2))).toEqual([28, 29, 28, 29]);
    expect(daysInMonth(2024, 12)).toBe(31);
    expect(daysInMonth(2024, 4)).toBe(30);
  });

  test('should reject impossible dates and two issues on one day', () => {
    expect(() => splitDate('2023-02-29')).toThrow('2023-02-29: no such day');
    expect(() => splitDate('2024-13-01')).toThrow('2024-13-01: no such day');
    expect(() => splitDate('20240501')).toThrow('20240501: expected a date as YYYY-MM-DD');
    expect(() =>
      buildCalendar([
        { date: '2024-05-01', items: 1 },
        { date: '2024-05-01', items: 2 },
      ]),
    ).toThrow('2024-05-01: two issues on the same date');
  });
});
