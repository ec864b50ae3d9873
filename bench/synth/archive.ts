/**
 * The synthetic archive: issues of four pages with about 30 items a day, six days a week, from
 * a start date on. Every day draws from its own seed, so a larger archive begins with exactly the
 * issues of a smaller one and "one more day" is a real incremental change.
 */
import type { Furniture } from '../../src/archive/schema.ts';
import { createRandom, seedFrom, type Random } from './random.ts';
import { printPage } from './layout.ts';
import { article, photo, staff, type Staff, type SynthItem } from './text.ts';
import * as words from './vocabulary.ts';

export interface SynthPage {
  date: string;
  page: number;
  pageName: string;
  /** The raw page file, relative to the raw directory: `<date>/<NN>.txt`. */
  source: string;
  /** The raw page text. */
  text: string;
  furniture: Furniture[];
  items: SynthItem[];
}

export interface SynthDay {
  date: string;
  pages: SynthPage[];
}

export interface ArchiveOptions {
  /** Items (articles and photos) in the whole archive. */
  articles: number;
  seed: number;
  /** First issue date, YYYY-MM-DD (default 2015-01-01). */
  start?: string;
}

export const PAGES_PER_ISSUE = 4;

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

const staffs = new Map<number, Staff>();

/** The archive's staff: the same for every issue of one seed. */
function staffOf(seed: number): Staff {
  let team = staffs.get(seed);
  if (team === undefined) {
    team = staff(createRandom(seedFrom(seed, 'staff')));
    staffs.set(seed, team);
  }
  return team;
}

/** Generates the issue of `date` with `count` items. */
export function generateDay(seed: number, date: string, count: number): SynthDay {
  const r: Random = createRandom(seedFrom(seed, date));
  const team = staffOf(seed);
  const day = Number(date.slice(8, 10));
  const weekday = words.weekdays[new Date(`${date}T00:00:00Z`).getUTCDay()] ?? '一';
  const pages: SynthPage[] = [];
  const pageCount = Math.min(PAGES_PER_ISSUE, count);
  for (let page = 1; page <= pageCount; page++) {
    const onPage = Math.floor(count / pageCount) + (page <= count % pageCount ? 1 : 0);
    const items: SynthItem[] = [];
    for (let i = 0; i < onPage; i++)
      items.push(r.chance(0.15) ? photo(r, day, team) : article(r, day, team));
    const pageName = r.pick(words.pageNames[page - 1] ?? ['综合']);
    const banner =
      page === 1 && r.chance(0.25)
        ? [r.pick(words.slogans), r.pick(words.slogans)].filter((s, i, all) => all.indexOf(s) === i)
        : null;
    const printed = printPage(
      r,
      { date, page, pageName, editor: r.pick(words.editors), weekday },
      items,
      banner,
    );
    pages.push({
      date,
      page,
      pageName,
      source: `${date}/${String(page).padStart(2, '0')}.txt`,
      text: printed.text,
      furniture: printed.furniture,
      items,
    });
  }
  return { date, pages };
}

/** Issue dates and item counts: six issues a week (no Sunday paper), 26–34 items each. */
export function* issuePlan(options: ArchiveOptions): Generator<{ date: string; count: number }> {
  const day = new Date(`${options.start ?? '2015-01-01'}T00:00:00Z`);
  if (Number.isNaN(day.getTime())) throw new Error(`start: not a date: ${options.start ?? ''}`);
  let left = options.articles;
  while (left > 0) {
    if (day.getUTCDay() !== 0) {
      const date = isoDay(day);
      const count = Math.min(left, createRandom(seedFrom(options.seed, date, 'count')).int(26, 34));
      yield { date, count };
      left -= count;
    }
    day.setUTCDate(day.getUTCDate() + 1);
  }
}

/** The whole archive, one issue at a time (nothing is held in memory beyond one day). */
export function* generateArchive(options: ArchiveOptions): Generator<SynthDay> {
  for (const { date, count } of issuePlan(options)) yield generateDay(options.seed, date, count);
}
