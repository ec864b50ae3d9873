/** The run report of a conversion, and how it is printed. */
import { join } from 'node:path';
import { count, counted } from '../counts.ts';
import type { Problem } from './read/problem.ts';
import type { WriteSummary } from '../write/content-writer.ts';

export interface IngestReport {
  rawDir: string;
  outDir: string;
  /** Pages converted (files read, recognised and written). */
  pages: number;
  /** Of them, pages whose file had not changed since the last run: not recognised again. */
  reused: number;
  /** Items (articles and photos) on those pages. */
  items: number;
  /** Encoding → number of pages read in it, keys sorted. */
  encodings: Record<string, number>;
  /** Raw files converted into the undated group, relative to the raw directory. */
  undated: string[];
  /**
   * Undated files, ignored files, doubtful segments: each names the file (and line). Those of
   * pages unchanged since the last run are marked `unchanged`.
   */
  warnings: Problem[];
  /** Files that could not be converted; the run went on without them. */
  errors: Problem[];
  files: WriteSummary;
}

export function formatReport(report: IngestReport): string {
  const lines: string[] = [];
  const { files } = report;
  lines.push(
    `Converted ${counted(report.pages, 'page')} into ${counted(report.items, 'item')} in ${report.outDir}` +
      (report.reused > 0 ? ` (${count(report.reused)} unchanged since the last run)` : ''),
  );
  const encodings = Object.entries(report.encodings).map(([name, n]) => `${name} ${count(n)}`);
  if (encodings.length > 0) lines.push(`Encodings: ${encodings.join(', ')}`);
  if (report.undated.length > 0) lines.push(`Undated: ${count(report.undated.length)}`);
  lines.push(
    `Files: ${count(files.written.length)} written, ${count(files.unchanged.length)} unchanged, ${count(files.kept.length)} kept, ${count(files.removed.length)} removed`,
  );
  if (files.kept.length > 0) {
    lines.push(`Kept as they are (not overwritten):`);
    for (const kept of files.kept)
      lines.push(`  ${join(report.outDir, kept.path)}: ${kept.reason}`);
  }
  if (files.removed.length > 0) {
    lines.push(`Removed (no longer produced, not edited):`);
    for (const path of files.removed) lines.push(`  ${join(report.outDir, path)}`);
  }
  if (report.warnings.length > 0) {
    const listed = report.warnings.filter((w) => w.unchanged !== true);
    const known = report.warnings.length - listed.length;
    lines.push(
      known === 0
        ? `Warnings (${count(report.warnings.length)}):`
        : `Warnings (${count(report.warnings.length)}; ${count(known)} on pages unchanged since the last run, ` +
            `not listed again: --force lists them):`,
    );
    for (const w of listed) lines.push(`  ${where(w)}: ${w.message}`);
  }
  if (report.errors.length > 0) {
    lines.push(`Errors (${count(report.errors.length)}):`);
    for (const e of report.errors) lines.push(`  ${where(e)}: ${e.message}`);
    lines.push(
      `${counted(report.errors.length, 'problem')} kept files from being converted; the other files were converted.`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function where(problem: Problem): string {
  return problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
}
