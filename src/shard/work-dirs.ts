/**
 * The working directories of part builds (build-sharded.ts). Astro writes a build's server
 * chunks under its working directory (`./.astro/`), and they import Folio's dependencies, so a
 * part build runs in a directory inside the project, made for it: sharded builds of other
 * archives from the same project at the same time do not write into it.
 *
 * Each run of `folio build --sharded` makes one directory under `node_modules/.folio/parts/`,
 * named after its process (`run-<pid>-…`), and its part builds work in directories inside it.
 * The run removes its directory when it ends. A run stopped before that (Ctrl-C, a killed
 * process) cannot, so every run first removes the directories of runs whose process is gone.
 */
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** Inside the project: where the runs' directories are made. */
export const WORK_DIR = join('node_modules', '.folio', 'parts');

const RUN = /^run-(\d+)-/;

/** Whether a process of this id is running (one of another user's counts as running). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes what runs that are over left in `work`: directories of runs whose process is gone,
 * and anything not named as a run's directory. Returns the names removed, sorted.
 */
export async function sweepWorkDirs(work: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(work);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const left = names.filter((name) => {
    const pid = RUN.exec(name)?.[1];
    return pid === undefined || !running(Number(pid));
  });
  await Promise.all(left.map((name) => rm(join(work, name), { recursive: true, force: true })));
  return left.sort();
}

export interface RunDir {
  /** The run's directory. */
  dir: string;
  /** A new, empty working directory for one part build, inside the run's. */
  forPart(part: string): Promise<string>;
  /** Removes the run's directory and everything in it. */
  close(): Promise<void>;
}

/** Makes this run's directory in `<root>/node_modules/.folio/parts/`, after the sweep. */
export async function openRunDir(root: string): Promise<RunDir> {
  const work = join(root, WORK_DIR);
  await sweepWorkDirs(work);
  await mkdir(work, { recursive: true });
  const dir = await mkdtemp(join(work, `run-${process.pid}-`));
  return {
    dir,
    forPart: (part) => mkdtemp(join(dir, `${part}-`)),
    close: () => rm(dir, { recursive: true, force: true }),
  };
}
