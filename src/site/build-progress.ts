/**
 * How far a build of the site has got, for `folio build` to show while it runs: Astro runs
 * quietly under the CLI (site/build.ts), and a build of thousands of pages would otherwise say
 * nothing until its end. Folio's integrations tell the stage as the build reaches it
 * (`buildStage`: build-report.ts's integration) and each page as it is written (`pageRendered`:
 * page-writes.ts); whoever watches (`watchBuild`) gets the line to show after each. Pages taken
 * from the last build are not written, so a rebuild counts only the pages it renders.
 *
 * Process-wide, as build-report.ts: the integrations are loaded through Vite, as modules apart
 * from those of the CLI. Nothing is done when nobody watches.
 */
import { SingleBar } from 'cli-progress';
import { count } from '../counts.ts';

export type BuildStage = 'content' | 'bundle' | 'pages' | 'finish';

const LABELS: Record<BuildStage, string> = {
  content: 'Reading the content',
  bundle: 'Bundling the site',
  pages: 'Rendering pages',
  finish: 'Finishing the search index and the sitemap',
};

interface Watcher {
  stage(stage: BuildStage): void;
  page(): void;
}

const SLOT = Symbol.for('folio.build.progress');

type Slot = { [SLOT]?: Watcher | undefined };

/** The build has reached `stage`. */
export function buildStage(stage: BuildStage): void {
  (globalThis as Slot)[SLOT]?.stage(stage);
}

/** A page was rendered and written. */
export function pageRendered(): void {
  (globalThis as Slot)[SLOT]?.page();
}

/** The line shown at `stage`, with the pages rendered so far. */
export function progressLine(stage: BuildStage, pages: number): string {
  return stage === 'pages' ? `${LABELS.pages}: ${count(pages)}` : `${LABELS[stage]}…`;
}

/**
 * Has `show` told the line to show, from the start of the build (reading the content) and after
 * each stage and page, until the function returned is called.
 */
export function watchBuild(show: (line: string) => void): () => void {
  let stage: BuildStage = 'content';
  let pages = 0;
  const slot = globalThis as Slot;
  slot[SLOT] = {
    stage(next) {
      stage = next;
      show(progressLine(stage, pages));
    },
    page() {
      pages++;
      // Pages are written while they are rendered, and only then.
      stage = 'pages';
      show(progressLine(stage, pages));
    },
  };
  show(progressLine(stage, pages));
  return () => {
    slot[SLOT] = undefined;
  };
}

/**
 * Shows the build's progress on stderr (a line redrawn in place, cleared at the end) until the
 * function returned is called. For a terminal: see ingest/progress.ts's `progressWanted`.
 */
export function showBuildProgress(): () => void {
  // The cursor stays shown: a build stopped with Ctrl-C would leave the terminal without one.
  const bar = new SingleBar({ format: '{line}', hideCursor: false, clearOnComplete: true });
  bar.start(0, 0, { line: '' });
  const stop = watchBuild((line) => {
    bar.update({ line });
  });
  return () => {
    stop();
    bar.stop();
  };
}
