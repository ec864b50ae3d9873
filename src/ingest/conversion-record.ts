/**
 * What the last conversion of a raw directory made of each page, so that converting again skips
 * the pages whose input did not change: an archive of ten years holds ~13,000 raw pages, and
 * recognising every one of them again on each run would cost minutes when a day adds a handful.
 *
 * A page is taken as recorded when its key is the one recorded: the digest of the converter's
 * code and locked dependencies (`converterFingerprint`), the page file's bytes, and what is known
 * of it besides (its path, date, page number, page name and paper, from the path, manifest and
 * configuration). Its files are then given to the content writer by the digest of their text
 * (`ContentWriter.reuse`), which takes them only where converting would have left them as they
 * are; otherwise the page is converted as usual. The record is a cache, kept in the build cache
 * (site/cache-dir.ts): without it, or with one that cannot be read, every page is converted.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { local, slashed } from '../paths.ts';
import { z } from 'zod';
import { writeFileAtomic } from '../write/atomic.ts';
import type { RawSource } from './read/locate.ts';
import { compareText } from '../compare.ts';

const VERSION = 1;

/**
 * The records' directory in the build cache: beside the site builds' own directories, which
 * `folio build --force` empties after converting.
 */
export const CONVERSION_DIR = 'folio-conversion';

/** A page as the last conversion made it. */
export interface RecordedPage {
  /** The page's key when it was converted (`pageKey`). */
  key: string;
  /** Its directory in the content collection. */
  dir: string;
  /** Each file it made: content-relative path and the SHA-256 (hex) of its text. */
  files: { path: string; hash: string }[];
  /** Items on the page. */
  items: number;
  /** Encoding its file was read in. */
  encoding: string;
  /** The recogniser's warnings (line, message). */
  warnings: { line: number; message: string }[];
}

const recordSchema = z.object({
  version: z.literal(VERSION),
  fingerprint: z.string(),
  pages: z.record(
    z.string(),
    z.object({
      key: z.string(),
      dir: z.string(),
      files: z.array(z.object({ path: z.string(), hash: z.string() })),
      items: z.number().int().nonnegative(),
      encoding: z.string(),
      warnings: z.array(z.object({ line: z.number().int(), message: z.string() })),
    }),
  ),
});

/** The converter's sources, relative to `src/`: the reading, recognising and writing of pages. */
const CONVERTER_SOURCES = ['ingest', 'write', 'archive/schema.ts'];

/** Digest of the converter's code and the locked dependencies: a new converter converts all. */
export function converterFingerprint(root: string): string {
  const src = fileURLToPath(new URL('../', import.meta.url));
  const hash = createHash('sha256');
  for (const source of CONVERTER_SOURCES) {
    const path = join(src, source);
    const files = source.endsWith('.ts')
      ? [source]
      : readdirSync(path, { recursive: true, encoding: 'utf8' })
          .filter((name) => name.endsWith('.ts'))
          .map((name) => `${source}/${slashed(name)}`);
    for (const file of files.sort()) {
      hash.update(`${file}\0`).update(readFileSync(local(src, file)));
    }
  }
  const lockfile = join(root, 'package-lock.json');
  if (existsSync(lockfile)) hash.update('package-lock.json\0').update(readFileSync(lockfile));
  return hash.digest('base64url');
}

/** A page's key: its file's bytes and everything else its conversion depends on. */
export function pageKey(source: RawSource, paper: string, bytes: Uint8Array): string {
  const facts = [source.source, source.date ?? '', source.page, source.pageName ?? '', paper];
  return createHash('sha256')
    .update(`${JSON.stringify(facts)}\0`)
    .update(bytes)
    .digest('base64url');
}

/** The record's file for a raw directory, inside `dir` (one file per raw directory). */
export function recordFile(dir: string, rawDir: string): string {
  const id = createHash('sha256').update(resolve(rawDir)).digest('hex').slice(0, 16);
  return join(dir, `${id}.json`);
}

export class ConversionRecord {
  readonly file: string;
  private readonly fingerprint: string;
  private readonly last: ReadonlyMap<string, RecordedPage>;
  private readonly next = new Map<string, RecordedPage>();

  private constructor(file: string, fingerprint: string, last: Map<string, RecordedPage>) {
    this.file = file;
    this.fingerprint = fingerprint;
    this.last = last;
  }

  /** An empty record, to be written to `file`: every page is converted. */
  static fresh(file: string, fingerprint: string): ConversionRecord {
    return new ConversionRecord(file, fingerprint, new Map());
  }

  /**
   * The record in `file`, for a converter of `fingerprint`. Empty when there is none, when it
   * was made by another converter, or when it cannot be read: it is only a cache.
   */
  static load(file: string, fingerprint: string): ConversionRecord {
    let pages = new Map<string, RecordedPage>();
    try {
      const parsed = recordSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      if (parsed.success && parsed.data.fingerprint === fingerprint) {
        pages = new Map(Object.entries(parsed.data.pages));
      }
    } catch {
      // No record yet, or not JSON: every page is converted.
    }
    return new ConversionRecord(file, fingerprint, pages);
  }

  /** A page as the last run made it, when its key is the same now. */
  lookup(source: string, key: string): RecordedPage | null {
    const page = this.last.get(source);
    return page !== undefined && page.key === key ? page : null;
  }

  /** Notes a page converted or reused by this run. */
  remember(source: string, page: RecordedPage): void {
    this.next.set(source, page);
  }

  /** Writes the pages this run noted (and no other) in place of the last record. */
  save(): void {
    const pages = Object.fromEntries([...this.next].sort(([a], [b]) => compareText(a, b)));
    writeFileAtomic(
      this.file,
      `${JSON.stringify({ version: VERSION, fingerprint: this.fingerprint, pages })}\n`,
    );
  }
}
