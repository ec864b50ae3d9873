/**
 * One recognised page → the files that represent it in the content collection: one Markdown
 * file per item and the page record. Pure: the same input gives the same bytes.
 */
import type { Furniture, ItemData, PageData } from '../archive/schema.ts';
import type { PageModel } from '../ingest/model.ts';
import { bodyMarkdown } from './markdown.ts';
import { frontMatter } from './front-matter.ts';
import { itemFileName, PAGE_RECORD, pageDir } from './layout.ts';
import { pageRecord } from './page-record.ts';

/** What is known of the page apart from its recognition. */
export interface PageFacts {
  paper: string;
  date: string | null;
  page: number;
  /** Page name given by the manifest; wins over the one recognised from the running head. */
  pageName: string | null;
  /** Raw file, relative to the raw directory. */
  source: string;
  encoding: string;
  text: string;
}

export interface OutputFile {
  /** POSIX path relative to the content directory. */
  path: string;
  text: string;
}

export interface RenderedPage {
  /** The page's directory, relative to the content directory. */
  dir: string;
  files: OutputFile[];
  items: ItemData[];
}

export function renderPage(facts: PageFacts, model: PageModel): RenderedPage {
  const dir = pageDir(facts.date, facts.page, facts.source);
  const pageName = facts.pageName ?? model.pageName;
  const items: ItemData[] = model.items.map((item, index) => ({
    paper: facts.paper,
    date: facts.date,
    page: facts.page,
    pageName,
    kind: item.kind,
    order: index + 1,
    kicker: item.kicker,
    title: item.title,
    subtitle: item.subtitle,
    byline: item.byline,
    authors: item.authors,
    source: facts.source,
  }));
  const files: OutputFile[] = items.map((data, index) => {
    const body = bodyMarkdown(model.items[index]?.paragraphs ?? []);
    return {
      path: `${dir}/${itemFileName(data.order)}`,
      text: body === '' ? frontMatter(data) : `${frontMatter(data)}\n${body}`,
    };
  });
  const furniture: Furniture[] = model.furniture;
  const page: PageData = {
    paper: facts.paper,
    date: facts.date,
    page: facts.page,
    pageName,
    source: facts.source,
    encoding: facts.encoding,
    furniture,
    text: facts.text,
  };
  files.push({ path: `${dir}/${PAGE_RECORD}`, text: pageRecord(page) });
  return { dir, files, items };
}
