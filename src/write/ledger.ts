/**
 * The corrections ledger, `<content>/.folio-ledger.json`: for every file the converter wrote,
 * the SHA-256 of the bytes it wrote. A file whose bytes no longer have that hash was changed by
 * a person since, and the converter leaves it alone. Kept in git beside the content.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { insideRelative } from '../ingest/read/inside.ts';
import { writeFileAtomic } from './atomic.ts';

export const LEDGER_FILE = '.folio-ledger.json';

const ledgerSchema = z
  .object({
    /** Format version of this file. */
    version: z.literal(1),
    /** Content-relative POSIX path → SHA-256 (hex) of the bytes the converter last wrote there. */
    files: z.record(
      z.string(),
      z.string().regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 hex digest'),
    ),
  })
  .strict();

export function sha256(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex');
}

export class Ledger {
  readonly file: string;
  private readonly hashes: Map<string, string>;
  private readonly loaded: string | null;

  private constructor(file: string, hashes: Map<string, string>, loaded: string | null) {
    this.file = file;
    this.hashes = hashes;
    this.loaded = loaded;
  }

  /** Reads the ledger of a content directory (empty when there is none yet). */
  static load(contentDir: string): Ledger {
    const file = join(contentDir, LEDGER_FILE);
    if (!existsSync(file)) return new Ledger(file, new Map(), null);
    const text = readFileSync(file, 'utf8');
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw new Error(`${file}: cannot parse the ledger: ${(error as Error).message}`, {
        cause: error,
      });
    }
    const parsed = ledgerSchema.safeParse(data);
    if (!parsed.success) {
      const issues = parsed.error.issues.map(
        (i) => `${i.path.join('.') || '(root)'}: ${i.message}`,
      );
      throw new Error(`${file}: invalid ledger: ${issues.join('; ')}`);
    }
    for (const path of Object.keys(parsed.data.files)) {
      const inside = insideRelative(path);
      if ('refused' in inside || inside.path !== path) {
        throw new Error(
          `${file}: invalid ledger: path "${path}" is not inside the content directory`,
        );
      }
    }
    return new Ledger(file, new Map(Object.entries(parsed.data.files)), text);
  }

  get(path: string): string | undefined {
    return this.hashes.get(path);
  }

  set(path: string, hash: string): void {
    this.hashes.set(path, hash);
  }

  delete(path: string): void {
    this.hashes.delete(path);
  }

  paths(): string[] {
    return [...this.hashes.keys()].sort();
  }

  /** The ledger as written: keys sorted, so the same content gives the same bytes. */
  serialize(): string {
    const files: Record<string, string> = {};
    for (const path of this.paths()) files[path] = this.hashes.get(path) ?? '';
    return `${JSON.stringify({ version: 1, files }, null, 2)}\n`;
  }

  /** Writes the ledger if it changed; returns whether it did. */
  save(): boolean {
    const text = this.serialize();
    if (text === this.loaded) return false;
    writeFileAtomic(this.file, text);
    return true;
  }
}
