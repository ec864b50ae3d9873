/**
 * Finds the raw pages of a raw directory and what is known of each before reading it: date and
 * page from the path convention `<YYYY-MM-DD>/<NN>.txt`, or from the manifest, which wins.
 * A page whose date cannot be resolved is still converted, undated, with a warning.
 */
import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join, posix, sep } from 'node:path';
import { isCalendarDate } from './date.ts';
import { MANIFEST_NAMES, readManifest, type ManifestEntry } from './manifest.ts';
import type { Problem } from './problem.ts';
import { compareText } from '../../compare.ts';

export interface RawSource {
  /** The file as the user names it: the raw directory joined with `source`. */
  file: string;
  /** POSIX path relative to the raw directory; each item records it as its `source`. */
  source: string;
  /** Issue date; null when neither the path nor the manifest gives one. */
  date: string | null;
  /** Page (版) number: from the name `NN.txt` or the manifest; 1 when undated and unknown. */
  page: number;
  /** Page name and paper from the manifest, when it gives them. */
  pageName: string | null;
  paper: string | null;
}

export interface Located {
  /** In the order pages are converted: sorted by `source`, code point by code point. */
  sources: RawSource[];
  warnings: Problem[];
  errors: Problem[];
}

const PAGE_NAME = /^(\d{1,3})\.txt$/i;

export function locatePages(rawDir: string): Located {
  const manifest = readManifest(rawDir);
  const warnings: Problem[] = [];
  const errors: Problem[] = [...manifest.problems];
  const listed = new Map<string, ManifestEntry>(manifest.entries.map((e) => [e.file, e]));
  const found = new Set<string>(listed.keys());
  const root = realpathSync(rawDir);

  const walk = (relative: string): void => {
    const entries = readdirSync(join(rawDir, relative), { withFileTypes: true });
    entries.sort((a, b) => compareText(a.name, b.name));
    for (const entry of entries) {
      const source = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.name.startsWith('.')) {
        if (/\.txt$/i.test(entry.name)) {
          warnings.push({ file: join(rawDir, source), message: 'hidden file; ignored' });
        }
        continue;
      }
      const kind = entryKind(rawDir, root, source, entry);
      if (kind === 'outside') {
        errors.push({
          file: join(rawDir, source),
          message: 'a link that leaves the raw directory; not converted',
        });
      } else if (kind === 'directory') {
        walk(source);
      } else if (relative === '' && (MANIFEST_NAMES as readonly string[]).includes(entry.name)) {
        continue;
      } else if (/\.txt$/i.test(entry.name)) {
        found.add(source);
      } else if (!listed.has(source)) {
        warnings.push({ file: join(rawDir, source), message: 'not a .txt page; ignored' });
      }
    }
  };
  walk('');

  const sources = [...found].sort().map((source) => {
    const raw = resolveSource(rawDir, source, listed.get(source));
    if (raw.warning !== null) warnings.push({ file: raw.source.file, message: raw.warning });
    return raw.source;
  });
  return { sources, warnings, errors };
}

function entryKind(
  rawDir: string,
  root: string,
  source: string,
  entry: Dirent,
): 'file' | 'directory' | 'outside' | 'other' {
  if (entry.isSymbolicLink()) {
    const real = realpathSync(join(rawDir, source));
    if (!real.startsWith(root + sep)) return 'outside';
    const stat = statSync(real);
    return stat.isDirectory() ? 'directory' : stat.isFile() ? 'file' : 'other';
  }
  return entry.isDirectory() ? 'directory' : entry.isFile() ? 'file' : 'other';
}

function resolveSource(
  rawDir: string,
  source: string,
  entry: ManifestEntry | undefined,
): { source: RawSource; warning: string | null } {
  const folder = posix.basename(posix.dirname(source));
  const nameMatch = PAGE_NAME.exec(posix.basename(source));
  const namePage = nameMatch === null ? null : Number(nameMatch[1]);
  const pathPage = namePage !== null && namePage > 0 ? namePage : null;
  const pathDate = isCalendarDate(folder) ? folder : null;

  const date = entry?.date ?? pathDate;
  const page = entry?.page ?? pathPage;
  let warning: string | null = null;
  let dated = date;
  if (date === null) {
    warning = entry
      ? 'the manifest gives no date for it: converted as undated'
      : 'no date in its path (<YYYY-MM-DD>/<NN>.txt) and not in a manifest: converted as undated';
  } else if (page === null) {
    dated = null;
    warning = `dated ${date}, but no page number in its name (NN.txt) or the manifest: converted as undated`;
  }
  return {
    source: {
      file: join(rawDir, source),
      source,
      date: dated,
      page: page ?? 1,
      pageName: entry?.pageName ?? null,
      paper: entry?.paper ?? null,
    },
    warning,
  };
}
