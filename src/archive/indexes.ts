/**
 * The archive's indexes — issues, their pages (版) and items, reporters, days of the year, the
 * calendar — built in one pass over the collections. `archive.ts` builds them once per site
 * build and every page reads them, so no page scans the whole collection.
 *
 * Pure: takes the entries (anything with an `id` and the schema's `data`), so it is tested
 * without Astro.
 */
import type { ItemData, PageRecordData } from './schema.ts';
import { buildCalendar, type CalendarYear } from './calendar.ts';
import { parseItemId, parsePageId } from './urls.ts';
import { compareText } from '../compare.ts';

export interface ItemLike {
  id: string;
  data: ItemData;
}

export interface PageLike {
  id: string;
  data: PageRecordData;
}

export interface PageEntry<I extends ItemLike, P extends PageLike> {
  /** Issue key: a date, or `undated/<stem>`. */
  issue: string;
  /** Page segment of the URL and path: `01`; null for an undated raw file, one page of its own. */
  segment: string | null;
  /** Page (版) number. */
  number: number;
  /** Page name (版名), from the page record, else from its items; null when none gives one. */
  name: string | null;
  /**
   * The page record (`page.json`, kept without its raw text: page-text.ts); null when the page
   * has none.
   */
  record: P | null;
  /** Items in reading order. */
  items: I[];
}

export interface IssueEntry<I extends ItemLike, P extends PageLike> {
  key: string;
  /** `YYYY-MM-DD`, or null for an undated issue. */
  date: string | null;
  /** Pages in page order. */
  pages: PageEntry<I, P>[];
  /** Every item of the issue, page by page, in reading order. */
  items: I[];
  /** Index in `ArchiveIndex.issues`. */
  position: number;
}

/** Where an item sits in its issue. */
export interface ItemPlace<I extends ItemLike, P extends PageLike> {
  issue: IssueEntry<I, P>;
  page: PageEntry<I, P>;
  /** Index in `issue.items`. */
  index: number;
}

export interface ArchiveIndex<I extends ItemLike, P extends PageLike> {
  /** Dated issues by date, then undated ones by key. */
  issues: IssueEntry<I, P>[];
  issueByKey: Map<string, IssueEntry<I, P>>;
  placeById: Map<string, ItemPlace<I, P>>;
  /** The newest dated issue (else the first undated one); null for an empty archive. */
  latest: IssueEntry<I, P> | null;
  /** Reporter name → their items, oldest first; names in collation order of the UI language. */
  reporters: Map<string, I[]>;
  /** `MM-DD` → dated items of that month and day in every year, oldest first; keys in calendar order. */
  days: Map<string, I[]>;
  calendar: CalendarYear[];
}

export interface IndexOptions {
  /** Locale whose collation orders reporter names (zh-CN sorts by pinyin). */
  locale: string;
}

export function buildIndexes<I extends ItemLike, P extends PageLike>(
  items: readonly I[],
  pages: readonly P[],
  { locale }: IndexOptions,
): ArchiveIndex<I, P> {
  const issueByKey = new Map<string, IssueEntry<I, P>>();
  const pageByKey = new Map<string, PageEntry<I, P>>();

  const pageEntry = (issueKey: string, segment: string | null, id: string): PageEntry<I, P> => {
    const key = `${issueKey}/${segment ?? ''}`;
    let page = pageByKey.get(key);
    if (page === undefined) {
      let issue = issueByKey.get(issueKey);
      if (issue === undefined) {
        issue = { key: issueKey, date: dateOf(issueKey), pages: [], items: [], position: -1 };
        issueByKey.set(issueKey, issue);
      }
      page = {
        issue: issueKey,
        segment,
        number: Number(segment ?? 1),
        name: null,
        record: null,
        items: [],
      };
      const other = issue.pages[0];
      if (other !== undefined && (other.segment === null) !== (segment === null)) {
        throw new Error(
          `${id}: ${issueKey} holds both page directories (<NN>/) and items of its own; keep one layout`,
        );
      }
      pageByKey.set(key, page);
      issue.pages.push(page);
    }
    return page;
  };

  for (const record of pages) {
    const { issue, page } = parsePageId(record.id);
    const entry = pageEntry(issue, page, record.id);
    entry.record = record;
    entry.number = record.data.page;
    entry.name = record.data.pageName;
  }
  for (const item of items) {
    const { issue, page } = parseItemId(item.id);
    const entry = pageEntry(issue, page, item.id);
    entry.items.push(item);
    if (entry.record === null) {
      entry.number = item.data.page;
      entry.name ??= item.data.pageName;
    }
  }

  const issues = [...issueByKey.values()].sort(compareIssues);
  const placeById = new Map<string, ItemPlace<I, P>>();
  for (const [position, issue] of issues.entries()) {
    issue.position = position;
    issue.pages.sort(
      (a, b) => a.number - b.number || compareText(a.segment ?? '', b.segment ?? ''),
    );
    for (const page of issue.pages) {
      page.items.sort((a, b) => a.data.order - b.data.order || compareText(a.id, b.id));
      for (const item of page.items) {
        placeById.set(item.id, { issue, page, index: issue.items.length });
        issue.items.push(item);
      }
    }
  }

  // Reporters and days, walking items in archive order so each list is already oldest first.
  const reporters = new Map<string, I[]>();
  const days = new Map<string, I[]>();
  for (const issue of issues) {
    for (const item of issue.items) {
      for (const name of new Set(item.data.authors)) {
        const list = reporters.get(name);
        if (list === undefined) reporters.set(name, [item]);
        else list.push(item);
      }
      if (issue.date !== null) {
        const day = issue.date.slice(5);
        const list = days.get(day);
        if (list === undefined) days.set(day, [item]);
        else list.push(item);
      }
    }
  }
  const collator = new Intl.Collator(locale);
  const dated = issues.filter((i) => i.date !== null);

  return {
    issues,
    issueByKey,
    placeById,
    latest: dated.at(-1) ?? issues[0] ?? null,
    reporters: new Map([...reporters].sort(([a], [b]) => collator.compare(a, b))),
    days: new Map([...days].sort(([a], [b]) => compareText(a, b))),
    calendar: buildCalendar(dated.map((issue) => ({ date: issue.key, items: issue.items.length }))),
  };
}

/** The issue before and after `key` in archive order (dated by date, then undated). */
export function issueNeighbours<I extends ItemLike, P extends PageLike>(
  index: ArchiveIndex<I, P>,
  key: string,
): { prev: IssueEntry<I, P> | null; next: IssueEntry<I, P> | null } {
  const issue = index.issueByKey.get(key);
  if (issue === undefined) throw new Error(`${key}: no such issue`);
  const at = issue.position;
  return { prev: index.issues[at - 1] ?? null, next: index.issues[at + 1] ?? null };
}

/** The item before and after `id` in its issue, across pages. */
export function itemNeighbours<I extends ItemLike, P extends PageLike>(
  index: ArchiveIndex<I, P>,
  id: string,
): { prev: I | null; next: I | null } {
  const place = index.placeById.get(id);
  if (place === undefined) throw new Error(`${id}: no such item`);
  const { issue, index: at } = place;
  return { prev: issue.items[at - 1] ?? null, next: issue.items[at + 1] ?? null };
}

/** The page before and after `page` in its issue. */
export function pageNeighbours<I extends ItemLike, P extends PageLike>(
  issue: IssueEntry<I, P>,
  page: PageEntry<I, P>,
): { prev: PageEntry<I, P> | null; next: PageEntry<I, P> | null } {
  const at = issue.pages.indexOf(page);
  return { prev: issue.pages[at - 1] ?? null, next: issue.pages[at + 1] ?? null };
}

function dateOf(issueKey: string): string | null {
  return /^\d{4}-\d{2}-\d{2}$/.test(issueKey) ? issueKey : null;
}

function compareIssues<I extends ItemLike, P extends PageLike>(
  a: IssueEntry<I, P>,
  b: IssueEntry<I, P>,
): number {
  if (a.date !== null && b.date === null) return -1;
  if (a.date === null && b.date !== null) return 1;
  return compareText(a.key, b.key);
}
