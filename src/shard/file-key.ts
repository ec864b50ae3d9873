/**
 * What tells a file changed without reading it: size, modification and change times, inode (the
 * quick check of git's index, which also compares the change time). The change time moves on
 * every write and cannot be set back, so a file rewritten under its old size and modification
 * time (`touch -r`, a tool that keeps times) still counts as changed.
 */
import type { BigIntStats } from 'node:fs';

export function fileKey(stats: BigIntStats): string {
  return `${stats.size}:${stats.mtimeNs}:${stats.ctimeNs}:${stats.ino}`;
}
