/**
 * What the file system charges for what a build does per page: make its directory, write its
 * file, and the same again where both exist. `node bench/file-costs.ts [--files N] [--dir D]`
 * prints wall and CPU time (user, system) per step for N pages laid out as an archive's are
 * (`<date>/<NN>/<kk>/index.html`, ~12 kB each), written four at a time as Astro writes them.
 * Where making a file costs far more than writing one, every file a build creates beyond the
 * site's own is worth avoiding (README, Rebuilding).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { each } from '../src/shard/each.ts';
import { wholeOption } from '../src/cli-options.ts';

const { values } = parseArgs({
  options: { files: { type: 'string', default: '9000' }, dir: { type: 'string' } },
});
const count = wholeOption('files', values.files);
// A directory given that does not exist yet is made, as `--work` is by the benchmark.
if (values.dir !== undefined) await mkdir(values.dir, { recursive: true });
const base = await mkdtemp(join(values.dir ?? tmpdir(), 'folio-file-costs-'));
const page = 'x'.repeat(12_000);
const dirs = Array.from({ length: count }, (_, i) => {
  const date = `2015-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
  return join(base, date, String(1 + (i % 8)).padStart(2, '0'), String(i).padStart(5, '0'));
});

async function step(label: string, work: (dir: string) => Promise<unknown>): Promise<void> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  await each(dirs, 4, async (dir) => {
    await work(dir);
  });
  const { user, system } = process.cpuUsage(cpu);
  const ms = (n: number): string => `${n.toFixed(0).padStart(6)} ms`;
  console.log(
    `${label.padEnd(28)} wall ${ms(performance.now() - started)}  user ${ms(user / 1000)}  system ${ms(system / 1000)}`,
  );
}

console.log(`${count} pages under ${base}`);
try {
  await step('make the directories', (dir) => mkdir(dir, { recursive: true }));
  await step('make them again (they exist)', (dir) => mkdir(dir, { recursive: true }));
  await step('write new files', (dir) => writeFile(join(dir, 'index.html'), page));
  await step('write them again', (dir) => writeFile(join(dir, 'index.html'), page));
} finally {
  await rm(base, { recursive: true, force: true });
}
