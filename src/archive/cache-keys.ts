/**
 * Cache keys for incremental builds. Astro (`experimental.incrementalBuild`) renders a page of a
 * dynamic route again only when the key its `getStaticPaths()` returns differs from the last
 * build's (or the page's code changed); otherwise it reuses the page it wrote then.
 *
 * So a key must capture everything its page shows, and only that: each key below hashes exactly
 * the values its view reads (see the component named at each function). An item's own page hashes
 * the whole entry — its file's digest (front matter and Markdown body) and its parsed data; every
 * other page hashes only the fields it prints of the items it lists.
 *
 * What no key needs: the code and templates (Astro hashes each route's module graph), the URL
 * scheme's base path and site (Astro's configuration hash). What every key holds: the site's own
 * settings that pages print but Astro does not see (`SiteSalt`: the paper's name, the UI language).
 *
 * Pure: takes the archive indexes, so the keys are tested without Astro.
 */
import { createHash } from 'node:crypto';
import type { CalendarMonth } from './calendar.ts';
import { compareText } from '../compare.ts';
import {
  issueNeighbours,
  itemNeighbours,
  pageNeighbours,
  type ArchiveIndex,
  type IssueEntry,
  type ItemLike,
  type PageEntry,
  type PageLike,
} from './indexes.ts';

/** An entry as the content layer gives it: its file's digest and its Markdown body. */
export interface EntryLike extends ItemLike {
  digest?: string | number | undefined;
  body?: string | undefined;
}

/**
 * A page record as the content layer gives it: its file's digest, which covers the raw text the
 * record is kept without (schema.ts, `pageRecordSchema`).
 */
export interface RecordLike extends PageLike {
  digest?: string | number | undefined;
}

/** What every page prints from the configuration that Astro's own configuration hash leaves out. */
export interface SiteSalt {
  paper: string;
  lang: string;
}

/** A short, stable hash of JSON-serialisable parts. */
export function hashParts(parts: readonly unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url');
}

const entryHashes = new WeakMap<object, string>();

/** The whole of an item: its file (digest, or body when there is none) and its parsed data. */
export function entryHash(item: EntryLike): string {
  let hash = entryHashes.get(item);
  if (hash === undefined) {
    const file = item.digest === undefined ? { body: item.body ?? '' } : { digest: item.digest };
    hash = hashParts([file, item.data]);
    entryHashes.set(item, hash);
  }
  return hash;
}

/**
 * A page record's file digest: the page prints the record's raw text, which the record does not
 * hold, so its key follows the file. Without one a corrected text could not be seen.
 */
function recordDigest(record: RecordLike): string | number {
  if (record.digest === undefined) {
    throw new Error(`${record.id}: the page record has no digest, so its page cannot be reused`);
  }
  return record.digest;
}

/** An item as a headline list shows it (ItemList.astro): link, kind, kicker, title, subtitle. */
function headline(item: ItemLike): unknown[] {
  const { kind, kicker, title, subtitle } = item.data;
  return [item.id, kind, kicker, title, subtitle];
}

/** A headline with its date and page (ItemList.astro with `showDate` / `showPage`). */
function placedHeadline(item: ItemLike): unknown[] {
  const { date, page, pageName } = item.data;
  return [...headline(item), date, page, pageName];
}

/** A page (版) as a link to it shows it: its URL segment, number and name. */
function pageLink<I extends ItemLike, P extends PageLike>(
  page: PageEntry<I, P> | null,
): unknown[] | null {
  return page === null ? null : [page.segment, page.number, page.name];
}

/** A month as a link to it shows it. */
export interface MonthLink {
  year: number;
  month: number;
}

/** The issues just outside the part being built (a shard build's edges; none otherwise). */
export interface EdgeIssues {
  before: { key: string } | null;
  after: { key: string } | null;
}

export interface CacheKeys<I extends EntryLike, P extends RecordLike> {
  /** An issue page (IssueView.astro). */
  issue(issue: IssueEntry<I, P>): string;
  /** A page (版) of an issue (PageView.astro). */
  page(issue: IssueEntry<I, P>, page: PageEntry<I, P>): string;
  /** An item's own page (ArticleView.astro). */
  item(id: string): string;
  /** An issue's JSON export (`data/<issue>.json`, export.ts). */
  issueJson(issue: IssueEntry<I, P>): string;
  /** The items of some issues as JSON Lines (`data/items/<year>.jsonl`, export.ts). */
  itemsExport(issues: readonly IssueEntry<I, P>[]): string;
  /** A month of the calendar, with its neighbouring months (`calendar/[year]/[month].astro`). */
  month(month: CalendarMonth, prev: MonthLink | null, next: MonthLink | null): string;
  /** A reporter's page (`reporters/[name].astro`). */
  reporter(name: string, items: readonly I[]): string;
  /** A day of the year across the years (`on-this-day/[day].astro`). */
  day(day: string, items: readonly I[]): string;
}

export function cacheKeys<I extends EntryLike, P extends RecordLike>(
  archive: ArchiveIndex<I, P>,
  site: SiteSalt,
  edge: EdgeIssues = { before: null, after: null },
): CacheKeys<I, P> {
  const salt = [site.paper, site.lang];
  return {
    issue(issue) {
      const { prev, next } = issueNeighbours(archive, issue.key);
      const pages = issue.pages.map((page) => [
        ...(pageLink(page) ?? []),
        page.items.map(headline),
      ]);
      // At a shard's edges the links go to the neighbouring shard's issues (shard/neighbours.ts).
      const [before, after] = [prev ?? edge.before, next ?? edge.after];
      return hashParts([salt, 'issue', issue.key, pages, before?.key ?? null, after?.key ?? null]);
    },
    page(issue, page) {
      const { prev, next } = pageNeighbours(issue, page);
      const record = page.record === null ? null : recordDigest(page.record);
      return hashParts([
        salt,
        'page',
        issue.key,
        pageLink(page),
        page.items.map(headline),
        pageLink(prev),
        pageLink(next),
        record,
      ]);
    },
    item(id) {
      const place = archive.placeById.get(id);
      const item = place?.issue.items[place.index];
      if (place === undefined || item === undefined) throw new Error(`${id}: no such item`);
      const { prev, next } = itemNeighbours(archive, id);
      const link = (other: I | null) => (other === null ? null : [other.id, other.data.title]);
      return hashParts([
        salt,
        'item',
        place.issue.key,
        pageLink(place.page),
        entryHash(item),
        link(prev),
        link(next),
      ]);
    },
    issueJson(issue) {
      const pages = issue.pages.map((page) => [
        ...(pageLink(page) ?? []),
        page.record?.data.source ?? null,
        page.items.map((item) => [item.id, entryHash(item)]),
      ]);
      return hashParts([salt, 'issue.json', issue.key, pages]);
    },
    itemsExport(issues) {
      const items = issues.map((issue) => issue.items.map((item) => [item.id, entryHash(item)]));
      return hashParts([salt, 'items.jsonl', items]);
    },
    month(month, prev, next) {
      const days = [...month.days.values()]
        .map((day) => [day.date, day.items])
        .sort(([a], [b]) => compareText(String(a), String(b)));
      const link = (m: MonthLink | null) => (m === null ? null : [m.year, m.month]);
      return hashParts([salt, 'month', month.year, month.month, days, link(prev), link(next)]);
    },
    reporter(name, items) {
      return hashParts([salt, 'reporter', name, items.map(placedHeadline)]);
    },
    day(day, items) {
      return hashParts([salt, 'day', day, items.map(placedHeadline)]);
    },
  };
}
