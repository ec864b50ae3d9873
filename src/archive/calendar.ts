/**
 * The archive calendar (往期回顾): years → months → a month grid of the days that have issues,
 * with counts. Pure functions over the issue dates, so the grid logic is tested on its own.
 */

/** What the calendar needs to know about one dated issue. */
export interface CalendarIssue {
  /** `YYYY-MM-DD` */
  date: string;
  /** Items (articles and photos) in the issue. */
  items: number;
}

export interface CalendarMonth {
  year: number;
  /** 1–12 */
  month: number;
  /** Issues in the month. */
  issues: number;
  /** Items in those issues. */
  items: number;
  /** The month's issues by day of the month (1–31). */
  days: Map<number, CalendarIssue>;
}

export interface CalendarYear {
  year: number;
  issues: number;
  items: number;
  /** Months that have at least one issue, in calendar order. */
  months: CalendarMonth[];
}

/** One cell of a month grid: a day of the month, with its issue when there is one. */
export interface GridDay {
  day: number;
  /** `YYYY-MM-DD` */
  date: string;
  issue: CalendarIssue | null;
}

/** Groups dated issues into years and months (both ascending); months without issues are left out. */
export function buildCalendar(issues: Iterable<CalendarIssue>): CalendarYear[] {
  const years = new Map<number, CalendarYear>();
  for (const issue of issues) {
    const { year, month, day } = splitDate(issue.date);
    let y = years.get(year);
    if (y === undefined) {
      y = { year, issues: 0, items: 0, months: [] };
      years.set(year, y);
    }
    let m = y.months.find((candidate) => candidate.month === month);
    if (m === undefined) {
      m = { year, month, issues: 0, items: 0, days: new Map() };
      y.months.push(m);
    }
    if (m.days.has(day)) throw new Error(`${issue.date}: two issues on the same date`);
    m.days.set(day, issue);
    m.issues += 1;
    m.items += issue.items;
    y.issues += 1;
    y.items += issue.items;
  }
  const sorted = [...years.values()].sort((a, b) => a.year - b.year);
  for (const y of sorted) y.months.sort((a, b) => a.month - b.month);
  return sorted;
}

/**
 * The weeks of a month as rows of seven cells, Monday first (as Chinese calendars print them);
 * cells before the 1st and after the last day are null.
 */
export function monthGrid(month: CalendarMonth): (GridDay | null)[][] {
  const length = daysInMonth(month.year, month.month);
  const lead = (weekday(month.year, month.month, 1) + 6) % 7; // Monday = 0
  const cells: (GridDay | null)[] = Array.from({ length: lead }, () => null);
  for (let day = 1; day <= length; day++) {
    cells.push({
      day,
      date: `${month.year}-${pad2(month.month)}-${pad2(day)}`,
      issue: month.days.get(day) ?? null,
    });
  }
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (GridDay | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** Number of days in a month (1–12), leap years included. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Day of the week, 0 = Sunday … 6 = Saturday. */
export function weekday(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

export function splitDate(date: string): { year: number; month: number; day: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (match === null) throw new Error(`${date}: expected a date as YYYY-MM-DD`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new Error(`${date}: no such day`);
  }
  return { year, month, day };
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
