/**
 * `folio build --sharded`: the shard route on one machine, in one command. Every shard of the
 * content (a year, or `undated`) and the global build are built as separate processes of the
 * CLI, `jobs` at a time, into the build cache (`<cache>/parts/<part>/`), then assembled into the
 * site (assemble.ts). A part whose inputs did not change since its last build (fingerprint.ts)
 * is not built again: adding a day rebuilds its year and the global pages only.
 *
 * Each part keeps its own Astro and search caches (astro-options.ts), so a part that is built
 * again reuses its unchanged pages and search bundles too. A part build that fails stops the
 * run once the builds under way finish; its output is never assembled, and the site stays as
 * it was.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { CONFIG_ENV, configFile } from '../config.ts';
import { CACHE_ENV, cacheDir } from '../site/cache-dir.ts';
import { assemble, type AssembleReport } from './assemble.ts';
import { each } from './each.ts';
import { ContentHashes } from './content-hashes.ts';
import {
  previousAssembly,
  readRecord,
  removeRecord,
  siteRecord,
  writeRecord,
} from './site-record.ts';
import { GLOBAL, planParts, type PlannedPart } from './plan.ts';
import { openRunDir } from './work-dirs.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = join(root, 'bin/folio.mjs');

/** Where the part builds are kept, inside the build cache. */
export const PARTS_DIR = 'parts';
/** The content files' digests of the last run (content-hashes.ts). */
const HASHES_FILE = 'content-hashes.json';
/** What the last run assembled into its site (site-record.ts). */
const SITE_RECORD = 'site.json';

export interface ShardedBuildOptions {
  contentDir: string;
  /** The assembled site. */
  outDir: string;
  /** Part builds at a time; default: the machine's available parallelism. */
  jobs?: number;
  /** Rebuild every part, reusing nothing of the last build. */
  force?: boolean;
  /** Where each finished or failed part is reported, and the part builds' own output. */
  log?: (line: string) => void;
}

export interface PartResult {
  /** `global` or a shard key. */
  part: string;
  /** Seconds its build took; null when it was unchanged and not built. */
  seconds: number | null;
}

export interface ShardedBuildReport {
  parts: PartResult[];
  assembly: AssembleReport;
  /** Seconds the assembly took. */
  assemblySeconds: number;
}

/** `global`, `shard 2024`: how the log names a part. */
function partName(part: string): string {
  return part === GLOBAL ? 'global' : `shard ${part}`;
}

/** Written after a part's successful build: what it was built from, and an id of that build. */
interface Stamp {
  fingerprint: string;
  build: string;
}

async function readStamp(file: string): Promise<Partial<Stamp> | null> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as Partial<Stamp>;
  } catch {
    return null;
  }
}

async function writeStamp(file: string, stamp: Stamp): Promise<void> {
  await writeFile(`${file}.tmp`, `${JSON.stringify(stamp)}\n`);
  await rename(`${file}.tmp`, file);
}

/** Runs the CLI with `args`; its output goes to `log`, each line prefixed with the part. */
function runPart(
  part: string,
  cwd: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [cli, ...args], {
      cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Why it failed: the CLI's own error line (`folio build: <file>: …`), which a code frame
    // of the faulty text may follow; else the last line the part printed.
    let cliError: string | null = null;
    let lastLine = '';
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) => {
        if (line.trim() === '') return;
        if (/^folio [a-z]+: /.test(line)) cliError = line;
        lastLine = line;
        log(`[${part}] ${line}`);
      });
    }
    child.once('error', fail);
    child.once('close', (code, signal) => {
      if (code === 0) done();
      else {
        const how = signal === null ? `exit code ${code}` : `signal ${signal}`;
        const why = cliError ?? lastLine;
        fail(new Error(`${partName(part)} failed (${how})${why === '' ? '' : `: ${why}`}`));
      }
    });
  });
}

export async function buildSharded({
  contentDir,
  outDir,
  jobs = availableParallelism(),
  force = false,
  log = (line) => {
    console.log(line);
  },
}: ShardedBuildOptions): Promise<ShardedBuildReport> {
  if (!Number.isInteger(jobs) || jobs < 1) throw new Error(`jobs must be 1 or more, not ${jobs}`);
  const cache = cacheDir(root);
  const partsDir = join(cache, PARTS_DIR);
  await mkdir(partsDir, { recursive: true });

  const hashes = new ContentHashes(join(partsDir, HASHES_FILE));
  const wanted = planParts(root, contentDir, hashes);
  hashes.save();

  // A year no longer in the content: its part and stamp go.
  const keep = new Set([
    HASHES_FILE,
    SITE_RECORD,
    ...wanted.flatMap(({ part }) => [part, `${part}.json`]),
  ]);
  for (const name of await readdir(partsDir)) {
    if (!keep.has(name)) await rm(join(partsDir, name), { recursive: true, force: true });
  }

  const results = new Map<string, number | null>();
  /** Each part's build id: the one kept, or the one it is built as now. */
  const builds = new Map<string, string>();
  const tasks: PlannedPart[] = [];
  for (const task of wanted) {
    const stamp = await readStamp(join(partsDir, `${task.part}.json`));
    const built = existsSync(join(partsDir, task.part));
    if (!force && built && stamp?.fingerprint === task.fingerprint) {
      results.set(task.part, null);
      // A stamp written before builds had ids: taken as a build no record names.
      builds.set(task.part, stamp.build ?? randomUUID());
    } else tasks.push(task);
  }
  const unchanged = wanted.length - tasks.length;
  log(
    tasks.length === 0
      ? `All ${wanted.length} parts unchanged since their last build`
      : `Building ${tasks.length} of ${wanted.length} parts, ${Math.min(jobs, tasks.length)} at a time` +
          (unchanged > 0 ? ` (${unchanged} unchanged)` : ''),
  );

  // Paths are absolute: each part build runs in a working directory of its own (work-dirs.ts).
  const env = { ...process.env, [CACHE_ENV]: cache, [CONFIG_ENV]: configFile() };
  const run = await openRunDir(root);
  try {
    await each(tasks, jobs, async ({ part, fingerprint, args }) => {
      const stamp = join(partsDir, `${part}.json`);
      // Until it finishes, the part counts as not built.
      await rm(stamp, { force: true });
      const started = performance.now();
      const out = join(partsDir, part);
      const cwd = await run.forPart(part);
      try {
        await runPart(
          part,
          cwd,
          ['build', '--content', contentDir, ...args, '--out', out, ...(force ? ['--force'] : [])],
          env,
          log,
        );
      } finally {
        await rm(cwd, { recursive: true, force: true });
      }
      const build = randomUUID();
      await writeStamp(stamp, { fingerprint, build });
      builds.set(part, build);
      const seconds = (performance.now() - started) / 1000;
      results.set(part, seconds);
      log(`${partName(part)}: built in ${seconds.toFixed(1)} s`);
    });
  } finally {
    await run.close();
  }

  const started = performance.now();
  const siteDir = resolve(outDir);
  const recordFile = join(partsDir, SITE_RECORD);
  const record = readRecord(recordFile, siteDir);
  const assembled = wanted.map(({ part }) => ({
    part,
    source: join(partsDir, part),
    build: builds.get(part) ?? '',
  }));
  // The site is about to change: until the assembly is complete, no record describes it.
  removeRecord(recordFile);
  const assembly = await assemble({
    outDir: siteDir,
    sources: assembled.map(({ source }) => source),
    ...(record === null ? {} : { previous: previousAssembly(record, assembled) }),
  });
  writeRecord(recordFile, siteRecord(siteDir, assembled, assembly.sources));
  return {
    parts: wanted.map(({ part }) => ({ part, seconds: results.get(part) ?? null })),
    assembly,
    assemblySeconds: (performance.now() - started) / 1000,
  };
}
