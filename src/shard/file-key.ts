/**
 * What tells a file changed without reading it: size, modification and change times, inode (the
 * quick check of git's index, which also compares the change time). The change time moves on
 * every write and cannot be set back, so a file rewritten under its old size and modification
 * time (`touch -r`, a tool that keeps times) still counts as changed.
 *
 * The stats are read synchronously, not through the thread pool: callers key every content file
 * of the archive on each run, and at 100,000 files that is 0.6 s of CPU instead of 1.9–2.3 s
 * (bench/README.md).
 */
import { statSync } from 'node:fs';

export function fileKey(file: string): string {
  const stats = statSync(file, { bigint: true });
  return `${stats.size}:${stats.mtimeNs}:${stats.ctimeNs}:${stats.ino}`;
}
