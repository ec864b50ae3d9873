/**
 * Converts a raw directory into a content collection: locate pages (read/), read and decode
 * each, recognise it (segment.ts), render and write its files (write/), in sorted order so every
 * run is the same. A file that cannot be converted is an error in the report; the run goes on.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { FolioConfig } from '../config.ts';
import { ContentWriter } from '../write/content-writer.ts';
import { renderPage, type RenderedPage } from '../write/render-page.ts';
import type { PageModel } from './model.ts';
import { progressWanted, startProgress } from './progress.ts';
import { locatePages } from './read/locate.ts';
import { InputError, type Problem } from './read/problem.ts';
import { DEFAULT_MAX_PAGE_BYTES, readPage } from './read/read-page.ts';
import type { IngestReport } from './report.ts';
import { segmentPage } from './segment.ts';

export interface IngestOptions {
  /** Directory of raw page files (`<YYYY-MM-DD>/<NN>.txt`, optionally a manifest). */
  rawDir: string;
  /** Content directory written into. */
  outDir: string;
  /** The paper's name comes from here unless the manifest gives one. */
  config: Pick<FolioConfig, 'paper'>;
  /** Progress bar on stderr; default: when stderr is a terminal and not in CI. */
  progress?: boolean;
  /** Largest raw page file read, in bytes; larger files are errors. Default 8 MiB. */
  maxPageBytes?: number;
  /** The recogniser; default `segmentPage`. */
  segment?: (text: string) => PageModel;
}

export function ingest(options: IngestOptions): IngestReport {
  const { rawDir, outDir, config } = options;
  if (!existsSync(rawDir) || !statSync(rawDir).isDirectory()) {
    throw new Error(`${rawDir}: raw directory not found`);
  }
  const segment = options.segment ?? segmentPage;
  const located = locatePages(rawDir);
  const writer = new ContentWriter(outDir);
  const warnings: Problem[] = [...located.warnings];
  const errors: Problem[] = [...located.errors];
  const encodings = new Map<string, number>();
  const undated: string[] = [];
  const dirs = new Map<string, string>();
  let pages = 0;
  let items = 0;

  const progress = startProgress(located.sources.length, options.progress ?? progressWanted());
  try {
    for (const source of located.sources) {
      progress.tick(source.source);
      let rendered: RenderedPage;
      try {
        const page = readPage(source, options.maxPageBytes ?? DEFAULT_MAX_PAGE_BYTES);
        let model: PageModel;
        try {
          model = segment(page.text);
        } catch (error) {
          throw new InputError(source.file, `cannot recognise: ${(error as Error).message}`);
        }
        try {
          rendered = renderPage({ ...page, paper: page.paper ?? config.paper }, model);
        } catch (error) {
          throw new InputError(source.file, (error as Error).message);
        }
        const earlier = dirs.get(rendered.dir);
        if (earlier !== undefined) {
          throw new InputError(
            source.file,
            `would be written to ${join(outDir, rendered.dir)}, as ${earlier} already is (same date and page); not converted`,
          );
        }
        dirs.set(rendered.dir, source.file);
        for (const file of rendered.files) writer.put(file.path, file.text);
        encodings.set(page.encoding, (encodings.get(page.encoding) ?? 0) + 1);
        if (page.date === null) undated.push(source.source);
        for (const w of model.warnings) {
          warnings.push({ file: source.file, line: w.line, message: w.message });
        }
        pages++;
        items += rendered.items.length;
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        errors.push(error.toProblem());
      }
    }
  } finally {
    progress.stop();
  }
  const files = writer.finish({ removeStale: errors.length === 0 });
  return {
    rawDir,
    outDir,
    pages,
    items,
    encodings: Object.fromEntries([...encodings].sort(([a], [b]) => (a < b ? -1 : 1))),
    undated,
    warnings,
    errors,
    files,
  };
}
