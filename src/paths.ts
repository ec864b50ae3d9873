/**
 * Paths as Folio keeps them: relative to a directory (the content, the site, a source folder)
 * and `/`-separated on every system, as Astro keeps its entries' paths.
 */
import { join, relative, sep } from 'node:path';

/** A relative path of this system, `/`-separated. */
export const slashed = (path: string): string => path.split(sep).join('/');

/** `file` relative to `dir`, `/`-separated: `2024-05-02/01/index.html`. */
export const relativeSlashed = (dir: string, file: string): string => slashed(relative(dir, file));

/** The file of the `/`-separated `path` under `dir`. */
export const local = (dir: string, path: string): string => join(dir, ...path.split('/'));
