/** Comparing built sites file for file, byte for byte. */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/** Every file of a built site, by `/`-separated path. */
export async function readSite(dir: string): Promise<Map<string, Buffer>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const all = new Map<string, Buffer>();
  for (const e of entries.filter((entry) => entry.isFile())) {
    const file = join(e.parentPath, e.name);
    all.set(relative(dir, file).split(sep).join('/'), await readFile(file));
  }
  return all;
}

/** The paths whose bytes differ between two sites, or that only one has, sorted. */
export function differences(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
  const paths = new Set([...a.keys(), ...b.keys()]);
  return [...paths]
    .filter((path) => !(a.get(path)?.equals(b.get(path) ?? Buffer.alloc(0)) ?? false))
    .sort();
}
