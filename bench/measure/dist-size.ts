/** Size and file count of a built site, with the search index's share. */
import { readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';

export interface DistSize {
  files: number;
  bytes: number;
  /** Files and bytes under `pagefind/`. */
  searchFiles: number;
  searchBytes: number;
}

export async function distSize(dir: string): Promise<DistSize> {
  const size: DistSize = { files: 0, bytes: 0, searchFiles: 0, searchBytes: 0 };
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const { size: bytes } = await stat(path);
    size.files++;
    size.bytes += bytes;
    if (relative(dir, path).split('/')[0] === 'pagefind') {
      size.searchFiles++;
      size.searchBytes += bytes;
    }
  }
  return size;
}
