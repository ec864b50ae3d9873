/** What the machine-readable exports say about an item and an issue (JSON per issue, JSON Lines). */
import type { ItemData } from './schema.ts';
import type { IssueEntry, ItemLike, PageLike } from './indexes.ts';
import { absoluteUrl, issueJsonUrl, issueUrl, itemUrl, pageUrl } from './urls.ts';

export interface ExportedItem extends ItemData {
  id: string;
  url: string;
  /** The item's Markdown body. */
  body: string;
}

export function exportItem(
  item: ItemLike & { body?: string },
  site: string,
  base: string,
): ExportedItem {
  return {
    id: item.id,
    url: absoluteUrl(itemUrl(item.id, base), site),
    ...item.data,
    body: item.body ?? '',
  };
}

export function exportIssue<I extends ItemLike & { body?: string }, P extends PageLike>(
  issue: IssueEntry<I, P>,
  site: string,
  base: string,
): Record<string, unknown> {
  return {
    key: issue.key,
    date: issue.date,
    url: absoluteUrl(issueUrl(issue.key, base), site),
    pages: issue.pages.map((page) => ({
      page: page.number,
      pageName: page.name,
      url: absoluteUrl(pageUrl(issue.key, page.segment, base), site),
      source: page.record?.data.source ?? null,
      items: page.items.map((item) => exportItem(item, site, base)),
    })),
  };
}

/**
 * The items of `issues` as JSON Lines, one object a line in the issues' order. Produced issue by
 * issue, so a large archive is never one string in memory.
 */
export function itemLines<I extends ItemLike & { body?: string }, P extends PageLike>(
  issues: readonly IssueEntry<I, P>[],
  site: string,
  base: string,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let next = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const issue = issues[next];
      next += 1;
      if (issue === undefined) {
        controller.close();
        return;
      }
      const lines = issue.items.map((item) => `${JSON.stringify(exportItem(item, site, base))}\n`);
      controller.enqueue(encoder.encode(lines.join('')));
    },
  });
}

/** One line of the issue list: where the issue and its JSON are. */
export function issueSummary<I extends ItemLike, P extends PageLike>(
  issue: IssueEntry<I, P>,
  site: string,
  base: string,
): Record<string, unknown> {
  return {
    key: issue.key,
    date: issue.date,
    pages: issue.pages.length,
    items: issue.items.length,
    url: absoluteUrl(issueUrl(issue.key, base), site),
    json: absoluteUrl(issueJsonUrl(issue.key, base), site),
  };
}
