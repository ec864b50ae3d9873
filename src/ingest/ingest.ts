/**
 * Converts a raw directory into a content collection: locate pages (read/), read and decode
 * each, recognise it (segment.ts), render and write its files (write/), in sorted order so every
 * run is the same. A file that cannot be converted is an error in the report; the run goes on.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { FolioConfig } from '../config.ts';
import { ContentWriter } from '../write/content-writer.ts';
import { sha256 } from '../write/ledger.ts';
import { renderPage, type RenderedPage } from '../write/render-page.ts';
import { pageKey, type ConversionRecord, type RecordedPage } from './conversion-record.ts';
import type { PageModel } from './model.ts';
import { progressWanted, startProgress } from './progress.ts';
import { locatePages } from './read/locate.ts';
import { InputError, type Problem } from './read/problem.ts';
import {
  DEFAULT_MAX_PAGE_BYTES,
  decodePage,
  readPageBytes,
  type RawPage,
} from './read/read-page.ts';
import type { IngestReport } from './report.ts';
import { segmentPage } from './segment.ts';
import { compareText } from '../compare.ts';

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
  /**
   * What the last run made of each page (conversion-record.ts): a page whose key is the one
   * recorded is not recognised again. Only with the default recogniser; saved at the end.
   */
  record?: ConversionRecord;
}

export function ingest(options: IngestOptions): IngestReport {
  const { rawDir, outDir, config } = options;
  if (!existsSync(rawDir) || !statSync(rawDir).isDirectory()) {
    throw new Error(`${rawDir}: raw directory not found`);
  }
  const segment = options.segment ?? segmentPage;
  const { record } = options;
  const located = locatePages(rawDir);
  const writer = new ContentWriter(outDir);
  const warnings: Problem[] = [...located.warnings];
  const errors: Problem[] = [...located.errors];
  const encodings = new Map<string, number>();
  const undated: string[] = [];
  const dirs = new Map<string, string>();
  let pages = 0;
  let reused = 0;
  let items = 0;

  /** Recognises a page and puts its files; what it made, as the record keeps it. */
  const convertPage = (page: RawPage, paper: string, key: string): RecordedPage => {
    let model: PageModel;
    try {
      model = segment(page.text);
    } catch (error) {
      throw new InputError(page.file, `cannot recognise: ${(error as Error).message}`);
    }
    let rendered: RenderedPage;
    try {
      rendered = renderPage({ ...page, paper }, model);
    } catch (error) {
      throw new InputError(page.file, (error as Error).message);
    }
    claim(rendered.dir, page.file);
    for (const file of rendered.files) writer.put(file.path, file.text);
    return {
      key,
      dir: rendered.dir,
      files:
        record === undefined
          ? []
          : rendered.files.map((f) => ({ path: f.path, hash: sha256(f.text) })),
      items: rendered.items.length,
      encoding: page.encoding,
      warnings: model.warnings.map(({ line, message }) => ({ line, message })),
    };
  };

  /** Each page directory is written by one raw file: a second one is an error. */
  const claim = (dir: string, file: string): void => {
    const earlier = dirs.get(dir);
    if (earlier !== undefined && earlier !== file) {
      throw new InputError(
        file,
        `would be written to ${join(outDir, dir)}, as ${earlier} already is (same date and page); not converted`,
      );
    }
    dirs.set(dir, file);
  };

  const progress = startProgress(located.sources.length, options.progress ?? progressWanted());
  try {
    for (const source of located.sources) {
      progress.tick(source.source);
      try {
        const bytes = readPageBytes(source, options.maxPageBytes ?? DEFAULT_MAX_PAGE_BYTES);
        const paper = source.paper ?? config.paper;
        const key = record === undefined ? '' : pageKey(source, paper, bytes);
        const recorded = record?.lookup(source.source, key) ?? null;
        if (recorded !== null) claim(recorded.dir, source.file);
        const taken = recorded !== null && writer.reuse(recorded.files);
        const page = taken ? recorded : convertPage(decodePage(source, bytes), paper, key);
        if (taken) reused++;
        encodings.set(page.encoding, (encodings.get(page.encoding) ?? 0) + 1);
        if (source.date === null) undated.push(source.source);
        for (const w of page.warnings) {
          const warning: Problem = { file: source.file, line: w.line, message: w.message };
          warnings.push(taken ? { ...warning, unchanged: true } : warning);
        }
        pages++;
        items += page.items;
        record?.remember(source.source, page);
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        errors.push(error.toProblem());
      }
    }
  } finally {
    progress.stop();
  }
  const files = writer.finish({ removeStale: errors.length === 0 });
  record?.save();
  return {
    rawDir,
    outDir,
    pages,
    reused,
    items,
    encodings: Object.fromEntries([...encodings].sort(([a], [b]) => compareText(a, b))),
    undated,
    warnings,
    errors,
    files,
  };
}
