/**
 * Writes a file whole or not at all: the bytes go to a temporary file beside the target, which
 * is then renamed over the target. A reader (or a later run after a crash) sees the old file or
 * the new one, never a half-written one; on failure the temporary file is removed. Each file is
 * not flushed to disk one by one (that cost most of a conversion's time): a power cut during a
 * run can lose what the run wrote, and the next run writes it again.
 */
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

export function writeFileAtomic(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const temp = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const fd = openSync(temp, 'wx');
    try {
      writeFileSync(fd, text);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw new Error(`${file}: cannot write: ${(error as Error).message}`, { cause: error });
  }
}
