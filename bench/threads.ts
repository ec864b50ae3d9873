/**
 * Where a command's CPU time goes, over time: runs it and samples every thread of its process
 * tree from /proc (Linux) every 100 ms, then prints, for each interval, the cores each kind of
 * thread used and the cores left idle, and each kind's CPU time over the whole run.
 *
 *   node bench/threads.ts [--every 2] -- <command> [args…]
 *
 * Kinds: each process's main thread (in Astro's, the pages are rendered), Node's worker threads
 * (Folio's indexer and search shard threads), libuv's pool (file system calls), V8's helpers
 * (garbage collection, compilation), Pagefind's processes, and the rest. A thread's last ~100 ms
 * before it ends are not seen.
 */
import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { processTree, readProcFile, statFields } from './measure/process-tree.ts';

const SAMPLE_MS = 100;
/** Clock ticks a second, as /proc counts CPU time (USER_HZ: 100 on Linux). */
const TICKS = 100;

const KINDS = ['main', 'workers', 'fs', 'v8', 'pagefind', 'other'] as const;
type Kind = (typeof KINDS)[number];
const LABELS: Record<Kind, string> = {
  main: 'main thread',
  workers: 'worker threads',
  fs: 'libuv pool',
  v8: 'V8 helpers',
  pagefind: 'Pagefind',
  other: 'other',
};

/** The kind of thread `tid` of process `pid`, from the names the kernel keeps. */
export function kindOf(program: string, pid: number, tid: number, thread: string): Kind {
  if (program.startsWith('pagefind')) return 'pagefind';
  if (tid === pid) return 'main';
  if (thread.startsWith('libuv-worker')) return 'fs';
  if (thread.startsWith('V8') || thread.startsWith('DelayedTask')) return 'v8';
  if (thread === 'WorkerThread') return 'workers';
  return 'other';
}

/** Ticks of each kind, all none yet. */
function noTicks(): Map<Kind, number> {
  return new Map(KINDS.map((kind) => [kind, 0]));
}

/** A thread's name and CPU ticks (user + system) from its `stat` line. */
export function parseStat(stat: string): { name: string; ticks: number } {
  const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
  const fields = statFields(stat);
  return { name, ticks: Number(fields[11]) + Number(fields[12]) };
}

/**
 * A thread's ticks since the last sample, `before` (undefined: not seen yet). A thread id the
 * kernel gave again to a new thread counts from zero.
 */
export function ticksSince(before: number | undefined, now: number): number {
  return before === undefined || now < before ? now : now - before;
}

/** Ticks of every thread of the tree under `root`, by `pid/tid`, with the thread's kind. */
async function sample(root: number): Promise<Map<string, { kind: Kind; ticks: number }>> {
  const threads = new Map<string, { kind: Kind; ticks: number }>();
  for (const pid of await processTree(root)) {
    let tids: string[];
    try {
      tids = await readdir(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    const stats = new Map<number, { name: string; ticks: number }>();
    for (const tid of tids) {
      const stat = await readProcFile(`/proc/${pid}/task/${tid}/stat`);
      if (stat !== null) stats.set(Number(tid), parseStat(stat));
    }
    // The process's name is its main thread's.
    const program = stats.get(pid)?.name ?? '';
    for (const [tid, { name, ticks }] of stats) {
      threads.set(`${pid}/${tid}`, { kind: kindOf(program, pid, tid, name), ticks });
    }
  }
  return threads;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: { every: { type: 'string', default: '2' } },
    allowPositionals: true,
  });
  const every = Number(values.every);
  if (!(every > 0)) throw new Error(`--every: not a number of seconds: ${values.every}`);
  const [command, ...args] = positionals;
  if (command === undefined)
    throw new Error('usage: node bench/threads.ts [--every 2] -- <command> [args…]');

  const cores = availableParallelism();
  const started = performance.now();
  const child = spawn(command, args, { stdio: 'inherit' });
  const exited = new Promise<number>((done, fail) => {
    child.on('error', fail);
    child.on('close', (code) => {
      done(code ?? 1);
    });
  });
  const state = { running: true };
  void exited.then(() => (state.running = false));

  const seen = new Map<string, { kind: Kind; ticks: number }>();
  const rows: { from: number; seconds: number; ticks: Map<Kind, number> }[] = [];
  let bucket = noTicks();
  let bucketStart = started;
  while (state.running && child.pid !== undefined) {
    for (const [key, now] of await sample(child.pid)) {
      const delta = ticksSince(seen.get(key)?.ticks, now.ticks);
      seen.set(key, now);
      bucket.set(now.kind, (bucket.get(now.kind) ?? 0) + delta);
    }
    const at = performance.now();
    if (at - bucketStart >= every * 1000) {
      rows.push({
        from: (bucketStart - started) / 1000,
        seconds: (at - bucketStart) / 1000,
        ticks: bucket,
      });
      bucket = noTicks();
      bucketStart = at;
    }
    await new Promise((done) => setTimeout(done, SAMPLE_MS));
  }
  const exitCode = await exited;
  const wall = (performance.now() - started) / 1000;
  rows.push({
    from: (bucketStart - started) / 1000,
    seconds: wall - (bucketStart - started) / 1000,
    ticks: bucket,
  });

  const cell = (value: number): string => value.toFixed(2).padStart(7);
  console.log(`\ncores used per interval (${cores} cores)`);
  console.log(['      s', ...KINDS.map((k) => k.padStart(7)), '    sum', '   idle'].join(' '));
  for (const { from, seconds, ticks } of rows) {
    if (seconds <= 0) continue;
    const used = KINDS.map((k) => (ticks.get(k) ?? 0) / TICKS / seconds);
    const sum = used.reduce((a, b) => a + b, 0);
    console.log(
      [
        from.toFixed(1).padStart(7),
        ...used.map(cell),
        cell(sum),
        cell(Math.max(0, cores - sum)),
      ].join(' '),
    );
  }
  const total = noTicks();
  for (const { ticks } of rows)
    for (const kind of KINDS) total.set(kind, (total.get(kind) ?? 0) + (ticks.get(kind) ?? 0));
  const cpu = [...total.values()].reduce((a, b) => a + b, 0) / TICKS;
  console.log(`\nwall ${wall.toFixed(1)} s, CPU ${cpu.toFixed(1)} s (exit code ${exitCode})`);
  for (const kind of KINDS) {
    console.log(
      `  ${LABELS[kind].padEnd(15)} ${((total.get(kind) ?? 0) / TICKS).toFixed(1).padStart(6)} s`,
    );
  }
  process.exitCode = exitCode;
}

if (import.meta.main) await main();
