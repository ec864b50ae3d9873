/**
 * Splits an `astro build` run into stages from the times its log lines arrived: start-up,
 * content sync, type generation and build info, bundling, the routes' `getStaticPaths()`, page
 * rendering, and what follows the pages (integrations' build-done hooks: search index, sitemap,
 * feeds) up to the process's end. Counts the pages rendered and the pages an incremental build
 * reused from the last one.
 */
import type { OutputLine } from './process-tree.ts';

export interface Stages {
  startupMs: number;
  contentSyncMs: number;
  prepareMs: number;
  bundleMs: number;
  /** From "generating static routes" to the first page: every route's `getStaticPaths()`. */
  pathsMs: number;
  /** From the first page to the last (rendered or reused). */
  renderMs: number;
  afterPagesMs: number;
  /** The search indexer's own time, as it logs it (part of `afterPagesMs`). */
  searchMs: number | null;
  /** Pages Astro reports as built. */
  pages: number | null;
  /** Pages rendered, and pages copied from the last build (`(restored)` / `(cached)`). */
  pagesRendered: number;
  pagesReused: number;
  /** Search shards indexed and shards whose bundle was copied from the last build. */
  shardsIndexed: number | null;
  shardsReused: number | null;
}

const markers = {
  syncStart: /\[content\] Syncing content/,
  syncEnd: /\[content\] Synced content/,
  bundleStart: /Building static entrypoints/,
  renderStart: /generating static routes/,
  // Astro logs a page's path as it starts and its outcome as it ends, in two writes: with pages
  // rendered at once the two need not be on one line, so each is counted on its own.
  pageStart: /├─ \S/,
  rendered: /\(\+[\d.]+m?s\)/g,
  reused: /\((restored|cached)\)/g,
  renderEnd: /^\S*\s*✓ Completed in/,
  built: /(\d+) page\(s\) built in/,
  search:
    /\[folio-search\] indexed .*\((\d+) indexed, (\d+) reused(?:; \d+ articles from their content entries)?\) in ([\d.]+) s/,
};

function at(lines: readonly OutputLine[], pattern: RegExp, after = 0): number | null {
  const line = lines.find((l) => l.ms >= after && pattern.test(l.text));
  return line === undefined ? null : line.ms;
}

/** Stage durations; a stage whose markers are missing from the log counts as 0 ms. */
export function astroStages(lines: readonly OutputLine[], wallMs: number): Stages {
  const syncStart = at(lines, markers.syncStart) ?? 0;
  const syncEnd = at(lines, markers.syncEnd, syncStart) ?? syncStart;
  const bundleStart = at(lines, markers.bundleStart, syncEnd) ?? syncEnd;
  const renderStart = at(lines, markers.renderStart, bundleStart) ?? bundleStart;
  const firstPage = at(lines, markers.pageStart, renderStart) ?? renderStart;
  const renderEndLine = lines.find(
    (l) => l.ms >= renderStart && markers.renderEnd.test(l.text.replace(/^\d\d:\d\d:\d\d /, '')),
  );
  const renderEnd = renderEndLine?.ms ?? renderStart;
  const builtLine = lines.find((l) => markers.built.test(l.text));
  let pagesRendered = 0;
  let pagesReused = 0;
  for (const line of lines) {
    pagesRendered += line.text.match(markers.rendered)?.length ?? 0;
    pagesReused += line.text.match(markers.reused)?.length ?? 0;
  }
  const search = lines.map((l) => markers.search.exec(l.text)).find((m) => m !== null);
  return {
    startupMs: syncStart,
    contentSyncMs: syncEnd - syncStart,
    prepareMs: bundleStart - syncEnd,
    bundleMs: renderStart - bundleStart,
    pathsMs: firstPage - renderStart,
    renderMs: renderEnd - firstPage,
    afterPagesMs: wallMs - renderEnd,
    searchMs: search === undefined ? null : Number(search[3]) * 1000,
    pages: builtLine === undefined ? null : Number(markers.built.exec(builtLine.text)?.[1]),
    pagesRendered,
    pagesReused,
    shardsIndexed: search === undefined ? null : Number(search[1]),
    shardsReused: search === undefined ? null : Number(search[2]),
  };
}
