/**
 * What a build of the site did, for whoever ran it in the same process (`folio build`, which
 * runs Astro quietly: site/build.ts): how many pages the site has and how many of them were
 * rendered (the others were taken from the last build), and what the search index did. Each
 * integration reports its part as it finishes it (`reportBuild`); the build's runner takes the
 * whole once Astro is done (`takeBuildReport`) and says it in one line (`describeBuild`).
 *
 * The report lives in a process-wide slot: Astro loads the configuration, and with it the
 * integrations, through Vite, as modules apart from those the CLI imports.
 */
import type { AstroIntegration } from 'astro';
import { count, counted } from '../counts.ts';
import type { IndexReport } from '../search/index-articles.ts';
import { buildStage } from './build-progress.ts';

export interface BuildReport {
  /** The site's pages (HTML), rendered or taken from the last build; null if not told. */
  pages: number | null;
  /** Of them, the pages rendered by this build; null if not told. */
  rendered: number | null;
  /** What the search index did; null when the build has no index (the global pages). */
  search: IndexReport | null;
}

const SLOT = Symbol.for('folio.build.report');

type Slot = { [SLOT]?: BuildReport | undefined };

function empty(): BuildReport {
  return { pages: null, rendered: null, search: null };
}

/** Adds what an integration did to the report of the build under way. */
export function reportBuild(part: Partial<BuildReport>): void {
  const slot = globalThis as Slot;
  slot[SLOT] = { ...(slot[SLOT] ?? empty()), ...part };
}

/** The report of the build that ended, which the next build starts afresh. */
export function takeBuildReport(): BuildReport {
  const slot = globalThis as Slot;
  const report = slot[SLOT] ?? empty();
  slot[SLOT] = undefined;
  return report;
}

/**
 * The integration that tells the build's stages as it reaches them (build-progress.ts), and
 * reports the site's pages once they are all built or taken.
 */
export function folioBuildReport(): AstroIntegration {
  return {
    name: 'folio-build-report',
    hooks: {
      // After the content sync.
      'astro:build:start': () => {
        buildStage('bundle');
      },
      // Every page is written; the search index and the sitemap are finished after this.
      'astro:build:generated': () => {
        buildStage('finish');
      },
      'astro:build:done': ({ pages }) => {
        reportBuild({ pages: pages.length });
      },
    },
  };
}

/**
 * The build in one line: `Built 9,341 pages into dist in 25.3 s (9,341 rendered, 0 reused);
 * search: 7,500 articles in 3 bundles (3 indexed, 0 reused)`.
 */
export function describeBuild(report: BuildReport, outDir: string, seconds: number): string {
  const { pages, rendered, search } = report;
  let line =
    pages === null
      ? `Built the site into ${outDir} in ${seconds.toFixed(1)} s`
      : `Built ${counted(pages, 'page')} into ${outDir} in ${seconds.toFixed(1)} s`;
  if (pages !== null && rendered !== null) {
    line += ` (${count(rendered)} rendered, ${count(pages - rendered)} reused)`;
  }
  if (search !== null) {
    line +=
      `; search: ${counted(search.articles, 'article')} in ${counted(search.shards, 'bundle')}` +
      ` (${search.indexed} indexed, ${search.reused} reused)`;
  }
  return line;
}
