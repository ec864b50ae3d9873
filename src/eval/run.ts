/**
 * `folio eval <corpus>`: recognise every raw page of a corpus (`raw/<date>/<NN>.txt`), compare
 * it with its truth (`truth/<date>/<NN>.json`) and report per-field accuracy, paragraph-boundary
 * F1 and characters lost.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { segmentPage } from '../ingest/segment.ts';
import { decodeBytes, DecodeError } from '../ingest/read/decode.ts';
import {
  addTally,
  emptyTally,
  evaluatePage,
  scoresOf,
  type Scores,
  type Tally,
} from './evaluate.ts';
import { truthSchema, type Truth } from './truth.ts';

export interface PageResult {
  /** `<date>/<NN>` */
  id: string;
  tally: Tally;
  warnings: number;
}

export interface EvalReport {
  corpus: string;
  pages: PageResult[];
  total: Tally;
  scores: Scores;
  mean: number;
}

const DATE_DIR = /^\d{4}-\d{2}-\d{2}$/u;
const PAGE_FILE = /^(\d{1,3})\.txt$/u;

/** Evaluates the corpus in `dir`; throws an Error naming the file at fault. */
export async function evaluateCorpus(dir: string): Promise<EvalReport> {
  const rawDir = join(dir, 'raw');
  const dates = (await listDir(rawDir)).filter((name) => DATE_DIR.test(name)).sort();
  const pages: PageResult[] = [];
  for (const date of dates) {
    const files = (await listDir(join(rawDir, date))).filter((name) => PAGE_FILE.test(name));
    for (const file of files.sort()) {
      const stem = file.replace(/\.txt$/u, '');
      const rawPath = join(rawDir, date, file);
      const truthPath = join(dir, 'truth', date, `${stem}.json`);
      const text = await readText(rawPath);
      const truth = await readTruth(truthPath);
      const page = segmentPage(text);
      pages.push({
        id: `${date}/${stem}`,
        tally: evaluatePage(text, truth, page),
        warnings: page.warnings.length,
      });
    }
  }
  if (pages.length === 0)
    throw new Error(`${rawDir}: no pages (expected raw/<YYYY-MM-DD>/<NN>.txt)`);
  const total = pages.reduce((sum, page) => addTally(sum, page.tally), emptyTally());
  const { scores, mean } = scoresOf(total);
  return { corpus: dir, pages, total, scores, mean };
}

const LABELS: Record<keyof Scores, string> = {
  segmentRecall: 'segment recall',
  segmentPrecision: 'segment precision',
  title: 'title',
  kicker: 'kicker',
  subtitle: 'subtitle',
  authors: 'authors',
  byline: 'byline',
  kind: 'kind',
  paragraphText: 'paragraph text (exact)',
  paragraphBoundaryF1: 'paragraph boundary F1',
  pageName: 'page name',
  furniture: 'furniture',
};

/** The report as a table for a terminal. */
export function formatReport(report: EvalReport, cwd = process.cwd()): string {
  const { total } = report;
  const lines = [
    `corpus ${relative(cwd, report.corpus) || '.'}: ${total.pages} pages, ` +
      `${total.truthItems} items in truth, ${total.predictedItems} recognised, ${total.matched} matched`,
    '',
  ];
  for (const [key, label] of Object.entries(LABELS) as [keyof Scores, string][]) {
    lines.push(`${label.padEnd(24)}${report.scores[key].toFixed(3)}`);
  }
  lines.push(`${'mean'.padEnd(24)}${report.mean.toFixed(3)}`);
  lines.push(`${'characters lost'.padEnd(24)}${total.lost}`);
  const imperfect = report.pages.filter((page) => !perfect(page.tally));
  if (imperfect.length > 0) {
    lines.push('', 'pages not exactly right:');
    for (const page of imperfect) lines.push(`  ${page.id}  ${describe(page.tally)}`);
  }
  return lines.join('\n');
}

function perfect(tally: Tally): boolean {
  const { scores } = scoresOf(tally);
  return Object.values(scores).every((value) => value === 1) && tally.lost === 0;
}

function describe(tally: Tally): string {
  const { scores } = scoresOf(tally);
  const wrong = (Object.entries(scores) as [keyof Scores, number][])
    .filter(([, value]) => value < 1)
    .map(([key, value]) => `${LABELS[key]} ${value.toFixed(2)}`);
  if (tally.lost > 0) wrong.push(`${tally.lost} characters lost`);
  return wrong.join(', ');
}

async function listDir(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    throw new Error(`${dir}: cannot read directory (${(error as Error).message})`, {
      cause: error,
    });
  }
}

async function readText(path: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new Error(`${path}: cannot read (${(error as Error).message})`, { cause: error });
  }
  try {
    return decodeBytes(bytes).text;
  } catch (error) {
    const where = error instanceof DecodeError && error.line !== undefined ? `:${error.line}` : '';
    throw new Error(`${path}${where}: ${(error as Error).message}`, { cause: error });
  }
}

async function readTruth(path: string): Promise<Truth> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(`${path}: no truth for this page (${(error as Error).message})`, {
      cause: error,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${path}: invalid JSON (${(error as Error).message})`, { cause: error });
  }
  const parsed = truthSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${path}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}
