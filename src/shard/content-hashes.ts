/**
 * Digests of content files, kept between runs as git keeps its index: a file whose size, times
 * and inode are those of the last run (`fileKey`) keeps its digest; any other is read and hashed
 * again. So a part's fingerprint follows the text of its files, not their times — a
 * fresh checkout or a copy that resets every time rebuilds nothing (once its files are hashed),
 * and a file touched without a change of text is not a change — while a run after one more day
 * reads only the new files.
 */
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileKey } from './file-key.ts';

/** path → [file key, digest] */
type Entries = Record<string, [string, string]>;

export class ContentHashes {
  readonly #file: string | null;
  #old: Entries;
  #now: Entries = {};
  /** Files read and hashed in this run. */
  hashed = 0;

  /** Digests kept in `file` (null: none kept, every file is hashed). */
  constructor(file: string | null) {
    this.#file = file;
    this.#old = file === null ? {} : read(file);
  }

  /** The digest of the file at `absolute`, content path `path`. */
  digest(path: string, absolute: string): string {
    const key = fileKey(absolute);
    const known = this.#old[path];
    let digest: string;
    if (known?.[0] === key) digest = known[1];
    else {
      digest = createHash('sha256').update(readFileSync(absolute)).digest('base64url');
      this.hashed += 1;
    }
    this.#now[path] = [key, digest];
    return digest;
  }

  /** Keeps the digests of this run's files (and only theirs) for the next. */
  save(): void {
    if (this.#file === null) return;
    writeFileSync(`${this.#file}.tmp`, JSON.stringify(this.#now));
    renameSync(`${this.#file}.tmp`, this.#file);
    this.#old = this.#now;
    this.#now = {};
  }
}

function read(file: string): Entries {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Entries;
  } catch {
    // None yet, or unreadable: every file is hashed, and the file written anew.
    return {};
  }
}
