/**
 * Writes the converter's output into a content directory without overwriting a person's work.
 * For each file, with the ledger's hash of what the converter last wrote there:
 * - missing → written;
 * - same bytes as the new output → unchanged (and recorded as the converter's);
 * - bytes the converter wrote last time → rewritten with the new output;
 * - anything else (edited since, or never written by the converter) → kept as it is.
 * Files the converter wrote before but no longer produces are removed, unless edited (kept).
 */
import { readdirSync, readFileSync, rmdirSync, unlinkSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { writeFileAtomic } from './atomic.ts';
import { Ledger, sha256 } from './ledger.ts';

export interface KeptFile {
  /** Content-relative POSIX path. */
  path: string;
  reason: string;
}

export interface WriteSummary {
  /** Content-relative paths, in the order they were handled. */
  written: string[];
  unchanged: string[];
  kept: KeptFile[];
  removed: string[];
  /** Whether the ledger file itself was rewritten. */
  ledgerWritten: boolean;
}

export const KEPT_EDITED = 'edited since the converter wrote it';
export const KEPT_FOREIGN = 'not written by the converter (not in the ledger)';
export const KEPT_ORPHAN = 'edited, and no longer produced by the converter';

export class ContentWriter {
  readonly dir: string;
  private readonly ledger: Ledger;
  private readonly produced = new Set<string>();
  private readonly summary: WriteSummary = {
    written: [],
    unchanged: [],
    kept: [],
    removed: [],
    ledgerWritten: false,
  };

  constructor(dir: string) {
    this.dir = dir;
    this.ledger = Ledger.load(dir);
  }

  /** Writes one output file (content-relative POSIX path) unless a person changed it. */
  put(path: string, text: string): 'written' | 'unchanged' | 'kept' {
    const file = join(this.dir, path);
    const hash = sha256(text);
    this.produced.add(path);
    const current = readIfExists(file);
    if (current !== null) {
      const currentHash = sha256(current);
      if (currentHash === hash) {
        this.ledger.set(path, hash);
        this.summary.unchanged.push(path);
        return 'unchanged';
      }
      const recorded = this.ledger.get(path);
      if (recorded !== currentHash) {
        this.summary.kept.push({
          path,
          reason: recorded === undefined ? KEPT_FOREIGN : KEPT_EDITED,
        });
        return 'kept';
      }
    }
    writeFileAtomic(file, text);
    this.ledger.set(path, hash);
    this.summary.written.push(path);
    return 'written';
  }

  /**
   * Takes a page's output as known by the digest of each file's text, without the text: what
   * `put` would do with texts of these digests, for files that `put` would leave as they are
   * (same bytes, or edited by a person). Returns false, doing nothing, when any of the files
   * would have to be written (missing, or the converter's older output): the caller then
   * converts the page and puts its files.
   */
  reuse(files: readonly { path: string; hash: string }[]): boolean {
    const outcomes = files.map(({ path, hash }) => {
      const current = readIfExists(join(this.dir, path));
      if (current === null) return null;
      const currentHash = sha256(current);
      if (currentHash === hash) return { path, hash, kept: null };
      const recorded = this.ledger.get(path);
      if (recorded === currentHash) return null;
      return { path, hash, kept: recorded === undefined ? KEPT_FOREIGN : KEPT_EDITED };
    });
    if (outcomes.some((outcome) => outcome === null)) return false;
    for (const outcome of outcomes) {
      if (outcome === null) continue;
      const { path, hash, kept } = outcome;
      this.produced.add(path);
      if (kept === null) {
        this.ledger.set(path, hash);
        this.summary.unchanged.push(path);
      } else this.summary.kept.push({ path, reason: kept });
    }
    return true;
  }

  /**
   * Ends the run: with `removeStale`, removes files the converter wrote before and did not
   * produce this time (keeping edited ones), then saves the ledger.
   */
  finish({ removeStale }: { removeStale: boolean }): WriteSummary {
    for (const path of this.ledger.paths()) {
      if (this.produced.has(path) || !removeStale) continue;
      const file = join(this.dir, path);
      const current = readIfExists(file);
      if (current === null) {
        this.ledger.delete(path);
      } else if (sha256(current) === this.ledger.get(path)) {
        unlinkSync(file);
        this.ledger.delete(path);
        this.summary.removed.push(path);
        removeEmptyParents(dirname(file), resolve(this.dir));
      } else {
        this.summary.kept.push({ path, reason: KEPT_ORPHAN });
      }
    }
    this.summary.ledgerWritten = this.ledger.save();
    return this.summary;
  }
}

function readIfExists(file: string): Buffer | null {
  try {
    return readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new Error(`${file}: cannot read: ${(error as Error).message}`, { cause: error });
  }
}

function removeEmptyParents(dir: string, root: string): void {
  let current = resolve(dir);
  while (current.startsWith(root + sep) && readdirSync(current).length === 0) {
    rmdirSync(current);
    current = dirname(current);
  }
}
