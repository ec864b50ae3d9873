/**
 * A file name from a manifest, checked to stay inside the raw directory: relative, no `..`
 * step out, no NUL. Returns the normalised POSIX path, or the reason it is refused.
 */
import { posix } from 'node:path';

export function insideRelative(name: string): { path: string } | { refused: string } {
  if (name.includes('\0')) return { refused: 'contains a NUL character' };
  const slashed = name.replaceAll('\\', '/');
  if (posix.isAbsolute(slashed) || /^[A-Za-z]:/.test(slashed)) {
    return { refused: 'is an absolute path; give it relative to the raw directory' };
  }
  const path = posix.normalize(slashed);
  if (path === '..' || path.startsWith('../') || path.split('/').includes('..')) {
    return { refused: 'leaves the raw directory ("..")' };
  }
  if (path === '.' || path.endsWith('/')) return { refused: 'names a directory, not a file' };
  return { path };
}
