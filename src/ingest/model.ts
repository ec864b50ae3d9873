/**
 * The converter's page model: what recognising one raw page yields, before it is written out.
 * `read/` turns a file into text, `segment.ts` turns text into a PageModel, `write/` turns a
 * PageModel into Markdown files and a page record.
 */
import type { Furniture } from '../archive/schema.ts';

/** One article or photo news item, as recognised on the page. */
export interface Item {
  kind: 'article' | 'photo';
  kicker: string | null;
  title: string;
  subtitle: string | null;
  /**
   * Byline as printed, roles kept: a byline line without its □/■ marker (`首席记者 张赤奎`), a
   * photo credit (`记者 林群心 摄`), a dateline's byline (`本报讯（记者 X）`) or a credit that ends
   * the body (`（通讯员 Y）`), brackets as printed.
   */
  byline: string | null;
  /**
   * The byline is printed inside the body (a dateline's brackets, a credit ending the last
   * paragraph): its text stays in the paragraph and `byline` repeats it.
   */
  bylineInline: boolean;
  /** Personal names only. */
  authors: string[];
  /** Body paragraphs, line breaks removed; a photo's caption is its one paragraph. */
  paragraphs: string[];
  /** 1-based line range in the raw text this item was recognised from. */
  lines: { first: number; last: number };
}

/** A doubtful decision the converter made, reported to the user with its line. */
export interface Warning {
  line: number;
  message: string;
}

export interface PageModel {
  items: Item[];
  furniture: Furniture[];
  /** Page name (版名) when the running head gives one. */
  pageName: string | null;
  warnings: Warning[];
}
