/**
 * Runs a command and measures it: wall time, every output line with the time it arrived, and
 * peak memory, sampled from /proc for the whole process tree (VmHWM of each process, so a peak
 * between two samples is still seen) and cross-checked with /usr/bin/time -v when present.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';

export interface OutputLine {
  /** Milliseconds since the command started. */
  ms: number;
  stream: 'stdout' | 'stderr';
  text: string;
}

export interface Measured {
  command: string;
  exitCode: number;
  wallMs: number;
  lines: OutputLine[];
  /** Largest peak resident set of any one process in the tree, and which one. */
  peakProcess: { bytes: number; name: string };
  /** Largest sum of the tree's resident sets seen in one sample. */
  peakTreeBytes: number;
  /** Peak resident set of each program in the tree (its executable's name), largest first. */
  peakByProgram: { program: string; bytes: number }[];
  /** `Maximum resident set size` from /usr/bin/time -v, when available. */
  timeMaxRssBytes: number | null;
  /** User + system CPU time of the tree from /usr/bin/time -v: less sensitive to load than wall. */
  cpuMs: number | null;
}

const TIME = '/usr/bin/time';
const SAMPLE_MS = 100;

/**
 * The fields of a `/proc/…/stat` line after `pid (comm)`, from `state` on (so `ppid` is [1],
 * `utime` [11], `stime` [12]). `comm` may hold spaces and parentheses: split after the last ")".
 */
export function statFields(stat: string): string[] {
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** A file under /proc, or null when its process or thread ended between listing and reading. */
export async function readProcFile(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return null;
  }
}

async function parentsByPid(): Promise<Map<number, number>> {
  const parents = new Map<number, number>();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readProcFile(`/proc/${entry}/stat`);
    if (stat !== null) parents.set(Number(entry), Number(statFields(stat)[1]));
  }
  return parents;
}

/** `root` and every process below it, parents before children. */
export async function processTree(root: number): Promise<number[]> {
  const parents = await parentsByPid();
  const pids = [root];
  for (let i = 0; i < pids.length; i++) {
    for (const [pid, ppid] of parents) if (ppid === pids[i]) pids.push(pid);
  }
  return pids;
}

async function memory(pid: number): Promise<{ name: string; hwm: number; rss: number } | null> {
  const status = await readProcFile(`/proc/${pid}/status`);
  if (status === null) return null;
  const cmdline = await readProcFile(`/proc/${pid}/cmdline`);
  if (cmdline === null) return null;
  const field = (key: string): number =>
    Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
  const name = /^Name:\s+(.*)$/m.exec(status)?.[1] ?? '?';
  const command = cmdline.split('\0').join(' ').trim();
  return {
    name: command === '' ? name : command.slice(0, 160),
    hwm: field('VmHWM'),
    rss: field('VmRSS'),
  };
}

/** Runs `command args` in `cwd` with `env`, echoing its output when `echo` is set. */
export async function runMeasured(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; echo?: boolean },
): Promise<Measured> {
  const useTime = existsSync(TIME);
  const started = performance.now();
  const child = spawn(useTime ? TIME : command, useTime ? ['-v', command, ...args] : [...args], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: OutputLine[] = [];
  const collect = (stream: 'stdout' | 'stderr'): Promise<void> =>
    new Promise((done) => {
      const source = child[stream];
      createInterface({ input: source, crlfDelay: Infinity })
        .on('line', (text) => {
          lines.push({ ms: performance.now() - started, stream, text });
          if (options.echo === true && !text.startsWith('\t')) console.error(`    ${text}`);
        })
        .on('close', done);
    });
  const collecting = Promise.all([collect('stdout'), collect('stderr')]);
  const peakProcess = { bytes: 0, name: '' };
  const byProgram = new Map<string, number>();
  let peakTreeBytes = 0;
  const state = { running: true };
  const sampler = (async () => {
    while (state.running) {
      const pid = child.pid;
      if (pid !== undefined) {
        let sum = 0;
        for (const p of await processTree(pid)) {
          const m = await memory(p);
          if (m === null || m.name.startsWith(TIME)) continue;
          sum += m.rss;
          if (m.hwm > peakProcess.bytes) Object.assign(peakProcess, { bytes: m.hwm, name: m.name });
          const program = (m.name.split(' ')[0] ?? '').split('/').pop() ?? '';
          byProgram.set(program, Math.max(byProgram.get(program) ?? 0, m.hwm));
        }
        peakTreeBytes = Math.max(peakTreeBytes, sum);
      }
      await new Promise((done) => setTimeout(done, SAMPLE_MS));
    }
  })();
  const exitCode = await new Promise<number>((done, fail) => {
    child.on('error', fail);
    child.on('close', (code) => {
      done(code ?? 1);
    });
  });
  const wallMs = performance.now() - started;
  state.running = false;
  await Promise.all([sampler, collecting]);
  const timeField = (label: string): number | null => {
    const line = lines.find((l) => l.text.includes(label));
    return line === undefined ? null : Number(line.text.slice(line.text.lastIndexOf(':') + 1));
  };
  const maxRss = timeField('Maximum resident set size (kbytes)');
  const user = timeField('User time (seconds)');
  const system = timeField('System time (seconds)');
  return {
    command: [command, ...args].join(' '),
    exitCode,
    wallMs,
    lines: lines.filter((l) => !l.text.startsWith('\t')),
    peakProcess,
    peakTreeBytes,
    peakByProgram: [...byProgram]
      .map(([program, bytes]) => ({ program, bytes }))
      .sort((a, b) => b.bytes - a.bytes),
    timeMaxRssBytes: maxRss === null ? null : maxRss * 1024,
    cpuMs: user === null || system === null ? null : (user + system) * 1000,
  };
}
