/**
 * Splits an `astro build` run into stages from the times its log lines arrived: start-up,
 * content sync, type generation and build info, bundling, page rendering, and what follows the
 * pages (integrations' build-done hooks: search index, sitemap, feeds) up to the process's end.
 */
import type { OutputLine } from './process-tree.ts';

export interface Stages {
  startupMs: number;
  contentSyncMs: number;
  prepareMs: number;
  bundleMs: number;
  renderMs: number;
  afterPagesMs: number;
  /** Pages Astro reports as built. */
  pages: number | null;
}

const markers = {
  syncStart: /\[content\] Syncing content/,
  syncEnd: /\[content\] Synced content/,
  bundleStart: /Building static entrypoints/,
  renderStart: /generating static routes/,
  renderEnd: /^\S*\s*✓ Completed in/,
  built: /(\d+) page\(s\) built in/,
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
  const renderEndLine = lines.find(
    (l) => l.ms >= renderStart && markers.renderEnd.test(l.text.replace(/^\d\d:\d\d:\d\d /, '')),
  );
  const renderEnd = renderEndLine?.ms ?? renderStart;
  const builtLine = lines.find((l) => markers.built.test(l.text));
  return {
    startupMs: syncStart,
    contentSyncMs: syncEnd - syncStart,
    prepareMs: bundleStart - syncEnd,
    bundleMs: renderStart - bundleStart,
    renderMs: renderEnd - renderStart,
    afterPagesMs: wallMs - renderEnd,
    pages: builtLine === undefined ? null : Number(markers.built.exec(builtLine.text)?.[1]),
  };
}
