export { writeFileAtomic } from './atomic.ts';
export { bodyMarkdown } from './markdown.ts';
export { frontMatter } from './front-matter.ts';
export { pageRecord } from './page-record.ts';
export { itemFileName, PAGE_RECORD, pageDir, undatedStem } from './layout.ts';
export { renderPage, type OutputFile, type PageFacts, type RenderedPage } from './render-page.ts';
export { Ledger, LEDGER_FILE, sha256 } from './ledger.ts';
export {
  ContentWriter,
  KEPT_EDITED,
  KEPT_FOREIGN,
  KEPT_ORPHAN,
  type KeptFile,
  type WriteSummary,
} from './content-writer.ts';
