/**
 * Generates a deterministic synthetic newspaper archive for benchmarks: raw pages with the
 * corpus's print mechanics and/or the content collection the converter would write for them.
 *
 *   node bench/generate.ts --articles 10000 [--seed 1] [--start 2015-01-01] \
 *     [--raw <dir>] [--content <dir>] [--paper <name>]
 *   node bench/generate.ts --add-day 2025-08-20 [--seed 1] [--raw <dir>] [--content <dir>]
 *
 * `--add-day` writes one more issue (30 items) of that date into directories that hold an
 * archive already, removing nothing: the "one more day" of an incremental rebuild.
 */
import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateArchive, generateDay, type ArchiveOptions } from './synth/archive.ts';
import { writeDay, type WriteTargets } from './synth/write.ts';
import { wholeOption } from '../src/cli-options.ts';

export const DEFAULT_SEED = 1;
export const DEFAULT_PAPER = '样张日报';
/** Items of the issue `--add-day` writes. */
export const DAY_ITEMS = 30;

export interface GenerateStats {
  issues: number;
  pages: number;
  items: number;
  firstDate: string | null;
  lastDate: string | null;
}

/** Writes the archive into fresh `raw` and/or `content` directories (removed first). */
export async function generate(
  options: ArchiveOptions,
  targets: WriteTargets,
): Promise<GenerateStats> {
  if (targets.raw === undefined && targets.content === undefined) {
    throw new Error('generate: give --raw <dir> and/or --content <dir>');
  }
  for (const dir of [targets.raw, targets.content]) {
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  }
  const stats: GenerateStats = { issues: 0, pages: 0, items: 0, firstDate: null, lastDate: null };
  for (const day of generateArchive(options)) {
    await writeDay(day, targets);
    stats.issues++;
    stats.pages += day.pages.length;
    stats.items += day.pages.reduce((sum, page) => sum + page.items.length, 0);
    stats.firstDate ??= day.date;
    stats.lastDate = day.date;
  }
  return stats;
}

/**
 * Writes one more issue, of `date` (`DAY_ITEMS` items), into targets that may hold an archive
 * already; nothing is removed.
 */
export async function addDay(
  date: string,
  seed: number,
  targets: WriteTargets,
): Promise<{ date: string; items: number }> {
  const parsed = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(parsed) || new Date(parsed).toISOString().slice(0, 10) !== date) {
    throw new Error(`--add-day: a date (YYYY-MM-DD), not "${date}"`);
  }
  if (targets.raw === undefined && targets.content === undefined) {
    throw new Error('generate: give --raw <dir> and/or --content <dir>');
  }
  await writeDay(generateDay(seed, date, DAY_ITEMS), targets);
  return { date, items: DAY_ITEMS };
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      articles: { type: 'string', default: '1000' },
      seed: { type: 'string', default: String(DEFAULT_SEED) },
      start: { type: 'string', default: '2015-01-01' },
      raw: { type: 'string' },
      content: { type: 'string' },
      paper: { type: 'string', default: DEFAULT_PAPER },
      'add-day': { type: 'string' },
    },
  });
  const articles = wholeOption('articles', values.articles);
  const seed = wholeOption('seed', values.seed, 0);
  const targets: WriteTargets = {
    raw: values.raw === undefined ? undefined : resolve(values.raw),
    content: values.content === undefined ? undefined : resolve(values.content),
    paper: values.paper,
  };
  const day = values['add-day'];
  if (day !== undefined) {
    console.log(JSON.stringify(await addDay(day, seed, targets)));
    return 0;
  }
  const stats = await generate({ articles, seed, start: values.start }, targets);
  console.log(JSON.stringify(stats));
  return 0;
}

if (import.meta.main) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      console.error(`generate: ${(error as Error).message}`);
      process.exitCode = 1;
    },
  );
}
