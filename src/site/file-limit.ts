/**
 * The host's file limit (`maxFiles` in folio.config.json), checked on the built site: a site
 * with more files than the host takes fails the build before anyone tries to deploy it, saying
 * what the files are. The search index has fitted itself in already as far as it can
 * (search/fragment-budget.ts); what is left over is the pages, one per article, issue and 版.
 */
import { siteFiles } from './files.ts';
import { count } from '../counts.ts';
import { BUNDLE_DIR } from '../search/shard-writer.ts';
import { MAX_GROUP } from '../search/fragment-budget.ts';

export interface SiteFileCount {
  total: number;
  /** HTML pages outside the search index. */
  pages: number;
  /** The search index's files (`pagefind/`). */
  index: number;
  /** Everything else: feeds, exports, scripts, styles, public/ files. */
  others: number;
}

export async function countSiteFiles(siteDir: string): Promise<SiteFileCount> {
  const files = await siteFiles(siteDir);
  const index = files.filter((path) => path.startsWith(`${BUNDLE_DIR}/`)).length;
  const pages = files.filter(
    (path) => path.endsWith('.html') && !path.startsWith(`${BUNDLE_DIR}/`),
  ).length;
  return { total: files.length, pages, index, others: files.length - index - pages };
}

/** The error for a site of `files` over `maxFiles`, set in `configFile`. */
export function overLimit(
  siteDir: string,
  files: SiteFileCount,
  maxFiles: number,
  configFile: string,
): Error {
  return new Error(
    `${siteDir}: ${count(files.total)} files, more than maxFiles (${count(maxFiles)}) in ` +
      `${configFile}: ${count(files.pages)} pages, ${count(files.index)} files of the search ` +
      `index (${BUNDLE_DIR}/), ${count(files.others)} others. A build of the whole site bundles ` +
      `the index's fragments (up to ${MAX_GROUP} articles a file) when that makes the site fit; ` +
      `this one needs a host without a file limit (README, "How large the site gets")`,
  );
}

/** Fails when the site in `siteDir` holds more files than `maxFiles`; returns its count. */
export async function checkFileLimit(
  siteDir: string,
  maxFiles: number | undefined,
  configFile: string,
): Promise<SiteFileCount | null> {
  if (maxFiles === undefined) return null;
  const files = await countSiteFiles(siteDir);
  if (files.total > maxFiles) throw overLimit(siteDir, files, maxFiles, configFile);
  return files;
}
