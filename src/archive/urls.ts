/**
 * The archive's URL scheme, declared once. Every link the site prints and every file it writes
 * comes from here, so the scheme can be read (and changed) in one place.
 *
 * URLs come from where an item is — issue, page (版), position on the page — never from its text,
 * so correcting a title or a byline keeps every link. All URLs end in `/` and live under the
 * configured base path (`base` in folio.config.json, e.g. `/archive/`).
 *
 * | URL                                   | What                                                   |
 * | ------------------------------------- | ------------------------------------------------------ |
 * | `/`                                   | home: the latest issue and the ways in                 |
 * | `/2024-05-01/`                        | the issue of 1 May 2024                                |
 * | `/2024-05-01/02/`                     | its page (版) 2, with the page's original text          |
 * | `/2024-05-01/02/03/`                  | the third item on page 2                               |
 * | `/undated/<stem>/`, `/undated/<stem>/03/` | a raw file whose date is unknown: one page, its items |
 * | `/calendar/`                          | 往期回顾: years and months                              |
 * | `/calendar/2024/05/`                  | a month grid of the days with issues                   |
 * | `/reporters/`, `/reporters/<name>/`   | reporters, and one reporter's items by date            |
 * | `/on-this-day/`, `/on-this-day/05-01/` | items of one month and day across the years           |
 * | `/search/?q=…`                        | search                                                 |
 * | `/rss.xml`, `/opensearch.xml`         | feed of recent issues, OpenSearch description          |
 * | `/data/issues.json`                   | every issue, with the URL of its JSON                  |
 * | `/data/2024-05-01.json`               | one issue's items with metadata                        |
 * | `/data/`                              | 数据下载: the exports below, with each year's counts       |
 * | `/data/items.jsonl`                   | every item, one JSON object a line                     |
 * | `/data/items/2024.jsonl`              | one year's items (`undated.jsonl`: undated files')     |
 *
 * An item's id is its path under `content/` without the extension (`2024-05-01/02/03`); the
 * issue key is its date (`2024-05-01`) or, for a raw file whose date is unknown, `undated/<stem>`.
 */

/**
 * Where an item sits: `issue` (a date or `undated/<stem>`), page and position segments. An
 * undated raw file is one page of its own, written as `undated/<stem>/<kk>.md`: its page
 * segment is null.
 */
export interface ItemPosition {
  issue: string;
  page: string | null;
  item: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const POSITION = /^\d{2,3}$/;
export const UNDATED = 'undated';

/**
 * Splits an item id into its issue, page and position segments: `2024-05-01/02/03`,
 * `undated/<stem>/03` (an undated page) or `undated/<stem>/02/03`.
 */
export function parseItemId(id: string): ItemPosition {
  const parts = id.split('/');
  const item = parts.pop();
  if (item === undefined || !POSITION.test(item)) {
    throw new Error(
      `${id}: item id must end in /<NN>/<kk> (two- or three-digit page and position)`,
    );
  }
  if (isUndatedKey(parts.join('/'))) return { issue: parts.join('/'), page: null, item };
  const page = parts.pop();
  const issue = parts.join('/');
  if (page === undefined || !POSITION.test(page)) {
    throw new Error(
      `${id}: item id must end in /<NN>/<kk> (two- or three-digit page and position)`,
    );
  }
  if (!isIssueKey(issue)) {
    throw new Error(`${id}: item id must start with a date (YYYY-MM-DD) or ${UNDATED}/<name>`);
  }
  return { issue, page, item };
}

/**
 * Whether a page path (relative to the base; slashes around it ignored) is an item's URL, the
 * only pages that hold an article to index.
 */
export function isItemPath(path: string): boolean {
  try {
    parseItemId(path.replace(/^\/+|\/+$/g, ''));
    return true;
  } catch {
    return false;
  }
}

/** Splits a page record's id (`2024-05-01/02/page`, `undated/<stem>/page`) into issue and page. */
export function parsePageId(id: string): { issue: string; page: string | null } {
  const parts = id.split('/');
  const last = parts.pop();
  if (last === 'page' && isUndatedKey(parts.join('/'))) {
    return { issue: parts.join('/'), page: null };
  }
  const page = parts.pop();
  const issue = parts.join('/');
  if (last !== 'page' || page === undefined || !POSITION.test(page) || !isIssueKey(issue)) {
    throw new Error(
      `${id}: page record must be at <date>/<NN>/page.json or ${UNDATED}/<name>/page.json`,
    );
  }
  return { issue, page };
}

function isUndatedKey(key: string): boolean {
  const [head, stem, ...rest] = key.split('/');
  return head === UNDATED && stem !== undefined && stem !== '' && rest.length === 0;
}

export function isIssueKey(key: string): boolean {
  return DATE.test(key) || isUndatedKey(key);
}

/** Two-digit (or longer) page or position segment: 1 → `01`. */
export function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Joins a base (`/` or `/archive/`) and a path relative to it (`2024-05-01/`). */
export function withBase(path: string, base: string): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  return root + path.replace(/^\/+/, '');
}

function segments(path: string): string {
  return path
    .split('/')
    .map((s) => encodeURIComponent(s))
    .join('/');
}

/** The site's base path as Astro gives it, always ending in `/`. */
function siteBase(): string {
  return import.meta.env.BASE_URL;
}

export function homeUrl(base = siteBase()): string {
  return withBase('', base);
}

export function issueUrl(issue: string, base = siteBase()): string {
  return withBase(`${segments(issue)}/`, base);
}

/** A page of an issue; an undated page (segment null) is at its issue's URL. */
export function pageUrl(issue: string, page: string | null, base = siteBase()): string {
  if (page === null) return issueUrl(issue, base);
  return withBase(`${segments(issue)}/${page}/`, base);
}

/** The anchor of a page's original raw text, on the page's own URL. */
export function rawTextUrl(issue: string, page: string | null, base = siteBase()): string {
  return `${pageUrl(issue, page, base)}#raw`;
}

export function itemUrl(id: string, base = siteBase()): string {
  const { issue, page, item } = parseItemId(id);
  return withBase(`${segments(issue)}/${page === null ? '' : `${page}/`}${item}/`, base);
}

export function calendarUrl(base = siteBase()): string {
  return withBase('calendar/', base);
}

export function monthUrl(year: number, month: number, base = siteBase()): string {
  return withBase(`calendar/${year}/${pad(month)}/`, base);
}

export function reportersUrl(base = siteBase()): string {
  return withBase('reporters/', base);
}

export function reporterUrl(name: string, base = siteBase()): string {
  return withBase(`reporters/${encodeURIComponent(name)}/`, base);
}

export function onThisDayIndexUrl(base = siteBase()): string {
  return withBase('on-this-day/', base);
}

/** `monthDay` is `MM-DD`. */
export function onThisDayUrl(monthDay: string, base = siteBase()): string {
  return withBase(`on-this-day/${monthDay}/`, base);
}

export function searchUrl(base = siteBase()): string {
  return withBase('search/', base);
}

/** The search page with a query: what the OpenSearch description and the header form produce. */
export function searchQueryUrl(query: string, base = siteBase()): string {
  return `${searchUrl(base)}?${new URLSearchParams({ q: query }).toString()}`;
}

export function feedUrl(base = siteBase()): string {
  return withBase('rss.xml', base);
}

export function openSearchUrl(base = siteBase()): string {
  return withBase('opensearch.xml', base);
}

export function issuesJsonUrl(base = siteBase()): string {
  return withBase('data/issues.json', base);
}

export function issueJsonUrl(issue: string, base = siteBase()): string {
  return withBase(`data/${segments(issue)}.json`, base);
}

export function itemsExportUrl(base = siteBase()): string {
  return withBase('data/items.jsonl', base);
}

/** One year's items: `year` is a year (`2024`) or `undated` (shard/part.ts, `shardOfIssue`). */
export function yearItemsExportUrl(year: string, base = siteBase()): string {
  return withBase(`data/items/${year}.jsonl`, base);
}

/** The page that lists the machine-readable exports (数据下载). */
export function dataUrl(base = siteBase()): string {
  return withBase('data/', base);
}

/** An absolute URL for canonical links, feeds and structured data. */
export function absoluteUrl(url: string, site: string): string {
  return new URL(url, site).href;
}
