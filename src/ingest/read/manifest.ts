/**
 * The raw directory's manifest, for files whose names carry no date: `manifest.csv` (with a
 * header row) or `manifest.json` (an array of objects), with the fields `file` (relative to the
 * raw directory), `date` (YYYY-MM-DD), `page`, `pageName` and `paper`; only `file` is required.
 */
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { parse, type Info } from 'csv-parse/sync';
import { z } from 'zod';
import { decodeBytes } from './decode.ts';
import { isCalendarDate } from './date.ts';
import { insideRelative } from './inside.ts';
import { InputError, type Problem } from './problem.ts';

export const MANIFEST_NAMES = ['manifest.csv', 'manifest.json'] as const;

export interface ManifestEntry {
  /** POSIX path relative to the raw directory, checked to stay inside it. */
  file: string;
  date: string | null;
  page: number | null;
  pageName: string | null;
  paper: string | null;
}

export interface Manifest {
  /** The manifest file as the user names it; null when the raw directory has none. */
  path: string | null;
  entries: ManifestEntry[];
  /** Entries that were refused, each naming the manifest and its line (CSV) or entry (JSON). */
  problems: Problem[];
}

const optionalText = z
  .string()
  .transform((s) => s.trim())
  .nullish()
  .transform((s) => (s === '' || s === undefined ? null : s));

const entrySchema = z
  .object({
    file: z.string().min(1, 'file is required'),
    date: optionalText.refine(
      (d) => d === null || isCalendarDate(d),
      'date must be a calendar day as YYYY-MM-DD',
    ),
    page: z
      .union([z.number(), z.string()])
      .nullish()
      .transform((p, ctx) => {
        if (p === null || p === undefined || p === '') return null;
        const n = typeof p === 'number' ? p : /^\d+$/.test(p.trim()) ? Number(p) : NaN;
        if (!Number.isInteger(n) || n < 1) {
          ctx.addIssue({ code: 'custom', message: 'page must be a whole number from 1' });
          return z.NEVER;
        }
        return n;
      }),
    pageName: optionalText,
    paper: optionalText,
  })
  .strict();

/**
 * Reads the manifest of `rawDir`, if there is one. A manifest that cannot be parsed throws an
 * InputError naming it; a bad entry is a problem for that entry alone.
 */
export function readManifest(rawDir: string): Manifest {
  const present = MANIFEST_NAMES.filter((name) => existsSync(join(rawDir, name)));
  if (present.length === 0) return { path: null, entries: [], problems: [] };
  const path = join(rawDir, present[0] ?? '');
  if (present.length > 1) {
    throw new InputError(path, `both ${present.join(' and ')} exist; keep one manifest`);
  }
  let text: string;
  try {
    text = decodeBytes(readFileSync(path)).text;
  } catch (error) {
    throw new InputError(path, (error as Error).message);
  }
  const rows = path.endsWith('.csv') ? csvRows(path, text) : jsonRows(path, text);
  const entries: ManifestEntry[] = [];
  const problems: Problem[] = [];
  const seen = new Map<string, string>();
  for (const { row, where, line } of rows) {
    const problem = (message: string): void => {
      const p: Problem = { file: path, message: `${where}: ${message}` };
      if (line !== undefined) p.line = line;
      problems.push(p);
    };
    const parsed = entrySchema.safeParse(row);
    if (!parsed.success) {
      problem(
        parsed.error.issues
          .map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message))
          .join('; '),
      );
      continue;
    }
    const inside = insideRelative(parsed.data.file);
    if ('refused' in inside) {
      problem(`file "${parsed.data.file}" ${inside.refused}`);
      continue;
    }
    const target = join(rawDir, inside.path);
    if (!existsSync(target) || !statSync(target).isFile()) {
      problem(`file "${inside.path}" not found in ${rawDir}`);
      continue;
    }
    if (!realpathSync(target).startsWith(realpathSync(rawDir) + sep)) {
      problem(`file "${inside.path}" is a link that leaves the raw directory`);
      continue;
    }
    const earlier = seen.get(inside.path);
    if (earlier !== undefined) {
      problem(`file "${inside.path}" is already listed (${earlier})`);
      continue;
    }
    seen.set(inside.path, where);
    entries.push({ ...parsed.data, file: inside.path });
  }
  return { path, entries, problems };
}

interface Row {
  row: unknown;
  /** `line 3` or `entry 2`, for messages. */
  where: string;
  line?: number;
}

function csvRows(path: string, text: string): Row[] {
  let records: { record: Record<string, string>; info: Info }[];
  try {
    records = parse<{ record: Record<string, string>; info: Info }>(text, {
      columns: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    });
  } catch (error) {
    throw new InputError(path, `cannot parse CSV: ${(error as Error).message}`);
  }
  const known = new Set(Object.keys(entrySchema.shape));
  const header = text.split('\n', 1)[0] ?? '';
  for (const column of parse(header, { trim: true })[0] as string[]) {
    if (!known.has(column)) {
      throw new InputError(
        path,
        `unknown column "${column}" (columns: ${[...known].join(', ')})`,
        1,
      );
    }
  }
  return records.map(({ record, info }) => ({
    row: record,
    where: `line ${info.lines}`,
    line: info.lines,
  }));
}

function jsonRows(path: string, text: string): Row[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InputError(path, `cannot parse JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(data)) {
    throw new InputError(path, 'expected an array of entries ({"file": …, "date": …})');
  }
  return data.map((row: unknown, index) => ({ row, where: `entry ${index + 1}` }));
}
