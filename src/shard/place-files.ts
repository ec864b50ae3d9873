/**
 * Puts the files of a new assembled site into its directory, each copied from the part build
 * that owns it — never linked: a later build of that part writes its files in place, which
 * would change the published site under it.
 */
import { mkdirSync, statSync } from 'node:fs';
import { copyFile, utimes } from 'node:fs/promises';
import { dirname } from 'node:path';
import { local } from '../paths.ts';
import { each } from './each.ts';

/** Where a file of the site is taken from. */
export interface Placement {
  /** The site path (`/`-separated). */
  path: string;
  /** The part build's directory holding it. */
  from: string;
}

/** Copies made at once. */
export const CONCURRENCY = 16;

/**
 * Makes every directory the files need under `root` (which exists), parents before children.
 * One after another: made sixteen at a time, directories of one parent wait on each other in the
 * kernel (at 117,000 directories, 5–8 s in turn against 11–16 s and twice the system time).
 */
export function makeDirs(root: string, paths: readonly string[]): void {
  const dirs = new Set<string>();
  for (const path of paths) {
    for (let dir = dirname(path); dir !== '.' && !dirs.has(dir); dir = dirname(dir)) dirs.add(dir);
  }
  // A parent sorts before its children.
  for (const dir of [...dirs].sort()) mkdirSync(local(root, dir));
}

/**
 * Copies `files` into `target` (whose directories exist: `makeDirs`), several at once, each with
 * its source's times, so that the next assembly recognises it as unchanged (update-site.ts).
 */
export async function placeFiles(files: readonly Placement[], target: string): Promise<void> {
  await each(files, CONCURRENCY, async ({ path, from }) => {
    const source = local(from, path);
    const destination = local(target, path);
    const { atimeMs, mtimeMs } = statSync(source);
    await copyFile(source, destination);
    await utimes(destination, atimeMs / 1000, mtimeMs / 1000);
  });
}
