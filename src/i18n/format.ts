/** Dates, page labels and issue labels in the UI language. */
import { lang, t } from './index.ts';
import { pad } from '../archive/urls.ts';

const fullDate = new Intl.DateTimeFormat(lang, {
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  weekday: 'long',
  timeZone: 'UTC',
});
const shortDate = new Intl.DateTimeFormat(lang, {
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  timeZone: 'UTC',
});
const monthName = new Intl.DateTimeFormat(lang, { month: 'numeric', timeZone: 'UTC' });
const yearMonth = new Intl.DateTimeFormat(lang, {
  year: 'numeric',
  month: 'long',
  timeZone: 'UTC',
});
const monthDayName = new Intl.DateTimeFormat(lang, {
  month: 'long',
  day: 'numeric',
  timeZone: 'UTC',
});
const weekdayName = new Intl.DateTimeFormat(lang, { weekday: 'narrow', timeZone: 'UTC' });

function utc(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/**
 * `format` of a `YYYY-MM-DD` date, each date's text kept once made: a build formats the same
 * few thousand dates on many pages (every list of items shows each item's date), and `Intl`
 * formatting costs microseconds a call.
 */
function perDate(format: Intl.DateTimeFormat): (date: string) => string {
  const made = new Map<string, string>();
  return (date) => {
    let text = made.get(date);
    if (text === undefined) {
      text = format.format(utc(date));
      made.set(date, text);
    }
    return text;
  };
}

/** `2024年5月1日星期三` */
export const formatDate = perDate(fullDate);

/** `2024年5月1日` */
export const formatShortDate = perDate(shortDate);

/** `2024年5月` */
export function formatYearMonth(year: number, month: number): string {
  return yearMonth.format(new Date(Date.UTC(year, month - 1, 1)));
}

/** `5月` */
export function formatMonth(month: number): string {
  return monthName.format(new Date(Date.UTC(2000, month - 1, 1)));
}

const monthDay2000 = perDate(monthDayName);

/** `MM-DD` → `5月1日` */
export function formatMonthDay(monthDay: string): string {
  return monthDay2000(`2000-${monthDay}`);
}

/** Narrow weekday names, Monday first: `一 二 三 四 五 六 日`. */
export function weekdayNames(): string[] {
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) =>
    weekdayName.format(new Date(Date.UTC(2024, 0, 1 + i))),
  );
}

/** `第01版` */
export function pageLabel(page: number): string {
  return t('page.label', { n: pad(page) });
}

/** `第01版 要闻`, or `第01版` when the page has no name. */
export function pageTitle(page: number, name: string | null): string {
  return name === null ? pageLabel(page) : t('page.labelNamed', { n: pad(page), name });
}

/** An issue's heading: its date, or `日期不详（stem）` for an undated one. */
export function issueLabel(issue: { key: string; date: string | null }): string {
  if (issue.date !== null) return formatDate(issue.date);
  return t('issue.undated', { name: issue.key.split('/').slice(1).join('/') });
}

/** Shorter form of `issueLabel`, without the weekday. */
export function issueShortLabel(issue: { key: string; date: string | null }): string {
  if (issue.date !== null) return formatShortDate(issue.date);
  return issueLabel(issue);
}
