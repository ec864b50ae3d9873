/**
 * The scale benchmark: generates a synthetic archive, then builds Folio and the bare yardstick
 * (one Astro page per item plus the Pagefind CLI) on the same content, side by side, and reports
 * wall time by stage, peak memory, dist/ size and file count.
 *
 *   npm run bench -- --articles 10000 [--seed 1] [--work .tmp/bench] [--skip convert|folio|yardstick|pagefind]
 *                    [--incremental] [--rounds N]
 *
 * Results are printed as a table and written as JSON to `<work>/results/`.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { addDay, DEFAULT_PAPER, DEFAULT_SEED, generate, type GenerateStats } from './generate.ts';
import { astroStages, type Stages } from './measure/astro-stages.ts';
import { distSize, type DistSize } from './measure/dist-size.ts';
import { runMeasured, type Measured } from './measure/process-tree.ts';
import { searchCost, type SearchCost, type SearchDriver } from './measure/search-bytes.ts';
import { queriesFor } from './queries.ts';
import { issuePlan } from './synth/archive.ts';
import { allocatorEnv } from '../src/site/allocator.ts';
import { wholeOption } from '../src/cli-options.ts';

const root = resolve(import.meta.dirname, '..');
const ASTRO = join(root, 'node_modules/astro/bin/astro.mjs');
const PAGEFIND = join(root, 'node_modules/pagefind/lib/runner/bin.cjs');

interface StepResult {
  wallMs: number;
  peakProcessBytes: number;
  peakProcess: string;
  peakTreeBytes: number;
  /** Peak of each program in the tree (node, pagefind…), largest first. */
  peakByProgram: { program: string; bytes: number }[];
  timeMaxRssBytes: number | null;
  cpuMs: number | null;
  command: string;
}

interface SiteResult {
  build: StepResult & { stages: Stages };
  search: StepResult | null;
  /** Network bytes per query, when the site has a Pagefind bundle. */
  queries: SearchCost | null;
  totalMs: number;
  peakBytes: number;
  dist: DistSize;
}

function step(measured: Measured, what: string): StepResult {
  if (measured.exitCode !== 0) {
    const tail = measured.lines
      .slice(-30)
      .map((l) => l.text)
      .join('\n');
    throw new Error(`${what} failed (exit ${measured.exitCode}): ${measured.command}\n${tail}`);
  }
  return {
    wallMs: measured.wallMs,
    peakProcessBytes: measured.peakProcess.bytes,
    peakProcess: measured.peakProcess.name,
    peakTreeBytes: measured.peakTreeBytes,
    peakByProgram: measured.peakByProgram,
    timeMaxRssBytes: measured.timeMaxRssBytes,
    cpuMs: measured.cpuMs,
    command: measured.command,
  };
}

/**
 * Writes what the last step left in the page cache to disk (`sync`), so that a timed build does
 * not pay for the writeback of the files the step before it made: the generator's content, or
 * the other side's site.
 */
async function flushWrites(): Promise<void> {
  await promisify(execFile)('sync');
}

async function astroBuild(
  projectRoot: string,
  outDir: string,
  content: string,
  what: string,
  options: { cacheDir?: string; env?: Readonly<Record<string, string>> } = {},
): Promise<StepResult & { stages: Stages }> {
  const { cacheDir } = options;
  const env: Record<string, string> = {
    ...options.env,
    FOLIO_CONTENT: content,
    FOLIO_OUT: outDir,
  };
  if (cacheDir !== undefined) env['FOLIO_CACHE'] = cacheDir;
  await flushWrites();
  const measured = await runMeasured(
    process.execPath,
    [ASTRO, 'build', '--root', projectRoot, '--outDir', outDir],
    { cwd: projectRoot, env, echo: false },
  );
  return { ...step(measured, what), stages: astroStages(measured.lines, measured.wallMs) };
}

/**
 * Folio's build cache for the benchmark (FOLIO_CACHE): content store, pages of the last build,
 * search bundles. Emptied before the cold build; the incremental rebuild reuses what it left.
 */
function folioCache(work: string): string {
  return join(work, 'folio-cache');
}

/** Folio's output directory for the benchmark. */
function folioDist(work: string): string {
  return join(work, 'folio-dist');
}

/** What a round of cold builds writes, and the next round sets aside: both sites and Folio's cache. */
function roundOutputs(work: string): string[] {
  return [join(work, 'yardstick'), join(work, 'yardstick-dist'), folioDist(work), folioCache(work)];
}

interface ConvertResult extends StepResult {
  pages: number;
  pagesPerSecond: number;
  /** Markdown items the converter wrote, against the items generated. */
  itemsWritten: number;
}

/** Whether this checkout's CLI has the converter (`folio ingest`). */
async function hasIngest(): Promise<boolean> {
  const help = await runMeasured(process.execPath, ['bin/folio.mjs', '--help'], { cwd: root });
  return help.lines.some((line) => line.text.includes('folio ingest'));
}

async function countItems(dir: string): Promise<number> {
  const files = await readdir(dir, { recursive: true });
  return files.filter((file) => /\d{2,3}\.md$/.test(file)).length;
}

async function convert(raw: string, out: string, pages: number): Promise<ConvertResult> {
  await rm(out, { recursive: true, force: true });
  const measured = await runMeasured(
    process.execPath,
    // --force: every page recognised, whatever an earlier run of the benchmark recorded.
    ['bin/folio.mjs', 'ingest', raw, '--out', out, '--force'],
    { cwd: root, env: { CI: '1' } },
  );
  const result = step(measured, 'folio ingest');
  return {
    ...result,
    pages,
    pagesPerSecond: pages / (result.wallMs / 1000),
    itemsWritten: await countItems(out),
  };
}

async function queriesCost(
  outDir: string,
  driver: SearchDriver,
  seed: number,
): Promise<SearchCost | null> {
  // One bundle (the yardstick's), or Folio's shards (`pagefind/<shard>/`, listed in shards.json).
  const bundled = ['pagefind/pagefind.js', 'pagefind/shards.json'];
  if (!bundled.some((file) => existsSync(join(outDir, file)))) return null;
  return searchCost(outDir, driver, queriesFor(seed));
}

/** The yardstick's build and Pagefind run; its search bytes only when `seed` is given. */
async function yardstick(
  work: string,
  content: string,
  seed: number | null,
  withSearch: boolean,
): Promise<SiteResult> {
  const project = join(work, 'yardstick');
  const outDir = join(work, 'yardstick-dist');
  await rm(project, { recursive: true, force: true });
  await rm(outDir, { recursive: true, force: true });
  // Built from a copy under the work directory, so its generated types stay out of the repo.
  await cp(join(root, 'bench/yardstick'), project, { recursive: true });
  const build = await astroBuild(project, outDir, content, 'yardstick build');
  if (withSearch) await flushWrites();
  const search = withSearch
    ? step(
        await runMeasured(process.execPath, [PAGEFIND, '--site', outDir], { cwd: work }),
        'yardstick pagefind',
      )
    : null;
  return {
    build,
    search,
    totalMs: build.wallMs + (search?.wallMs ?? 0),
    peakBytes: Math.max(build.peakProcessBytes, search?.peakProcessBytes ?? 0),
    dist: await distSize(outDir),
    queries:
      seed === null
        ? null
        : await queriesCost(
            outDir,
            { kind: 'api', pagePath: '2015-01-01/01/01/', bundle: 'pagefind/' },
            seed,
          ),
  };
}

async function folio(
  content: string,
  outDir: string,
  cacheDir: string,
  seed: number | null,
  what: string,
): Promise<SiteResult> {
  // Folio's build as `folio build` runs it: with its allocator settings (src/site/allocator.ts),
  // or the user's own.
  const build = await astroBuild(root, outDir, content, what, { cacheDir, env: allocatorEnv() });
  return {
    build,
    search: null,
    totalMs: build.wallMs,
    peakBytes: build.peakProcessBytes,
    dist: await distSize(outDir),
    // Folio's index holds its own index form of the text: search through its search page.
    queries:
      seed === null ? null : await queriesCost(outDir, { kind: 'page', pagePath: 'search/' }, seed),
  };
}

/** Adds the issue after the archive's last one to `content` (a day's worth of new items). */
async function addOneDay(content: string, articles: number, seed: number): Promise<string> {
  let last = '';
  for (const { date } of issuePlan({ articles, seed })) last = date;
  const next = new Date(`${last}T00:00:00Z`);
  do next.setUTCDate(next.getUTCDate() + 1);
  while (next.getUTCDay() === 0);
  const date = next.toISOString().slice(0, 10);
  await addDay(date, seed, { content, paper: DEFAULT_PAPER });
  return date;
}

const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
/** Pagefind's engine: the same files for any archive, cached by the browser after a first visit. */
const ENGINE_FILE =
  /\/pagefind\/(?:[^/]+\/)?(?:pagefind\.js|pagefind-worker\.js|wasm\.[^/]+\.pagefind)$/;
const kb = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`;
const s = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ')).join('\n');
}

function report(results: {
  generated: GenerateStats;
  conversion: ConvertResult | null;
  yardstick: SiteResult | null;
  folio: SiteResult | null;
  incremental: { date: string; site: SiteResult } | null;
}): string {
  const sites: [string, SiteResult | null][] = [
    ['yardstick', results.yardstick],
    ['Folio', results.folio],
  ];
  if (results.incremental !== null) {
    sites.push([`Folio +${results.incremental.date}`, results.incremental.site]);
  }
  const rows: string[][] = [['', ...sites.map(([name]) => name)]];
  const row = (label: string, cell: (r: SiteResult) => string): void => {
    rows.push([label, ...sites.map(([, r]) => (r === null ? '—' : cell(r)))]);
  };
  row('total wall', (r) => s(r.totalMs));
  row('CPU user+sys', (r) => s((r.build.cpuMs ?? 0) + (r.search?.cpuMs ?? 0)));
  row('  astro start-up', (r) => s(r.build.stages.startupMs));
  row('  content sync', (r) => s(r.build.stages.contentSyncMs));
  row('  types + build info', (r) => s(r.build.stages.prepareMs));
  row('  bundle', (r) => s(r.build.stages.bundleMs));
  row('  getStaticPaths', (r) => s(r.build.stages.pathsMs));
  row('  page rendering', (r) => s(r.build.stages.renderMs));
  row('  after pages (hooks)', (r) => s(r.build.stages.afterPagesMs));
  row('    of it search index', (r) =>
    r.build.stages.searchMs === null ? '—' : s(r.build.stages.searchMs),
  );
  row('  pagefind CLI', (r) => (r.search === null ? '—' : s(r.search.wallMs)));
  row('pages built (astro)', (r) => String(r.build.stages.pages ?? '?'));
  row(
    '  rendered / reused',
    (r) => `${r.build.stages.pagesRendered} / ${r.build.stages.pagesReused}`,
  );
  row('search shards indexed / reused', (r) =>
    r.build.stages.shardsIndexed === null
      ? '—'
      : `${r.build.stages.shardsIndexed} / ${r.build.stages.shardsReused ?? 0}`,
  );
  row('peak RSS, one process', (r) => mb(r.peakBytes));
  row(
    '  build / pagefind',
    (r) =>
      `${mb(r.build.peakProcessBytes)} / ${r.search === null ? '—' : mb(r.search.peakProcessBytes)}`,
  );
  row('  of it the Pagefind service', (r) =>
    mb(r.build.peakByProgram.find((p) => p.program.startsWith('pagefind'))?.bytes ?? 0),
  );
  row('dist files', (r) => String(r.dist.files));
  row('dist size', (r) => mb(r.dist.bytes));
  row('  pagefind files / size', (r) => `${r.dist.searchFiles} / ${mb(r.dist.searchBytes)}`);
  row('search bytes, cold', (r) => (r.queries === null ? '—' : kb(r.queries.cold.bytes)));
  row('  of it under pagefind/', (r) =>
    r.queries === null
      ? '—'
      : kb(
          r.queries.cold.files
            .filter((f) => f.path.startsWith('/pagefind/'))
            .reduce((sum, f) => sum + f.bytes, 0),
        ),
  );
  row('search bytes, warm (max)', (r) =>
    r.queries === null ? '—' : kb(Math.max(...r.queries.warm.map((q) => q.bytes))),
  );
  row('search bytes on the wire (gzip), cold', (r) =>
    r.queries === null ? '—' : kb(r.queries.cold.gzipBytes),
  );
  row('  of it the engine (JS, worker, WASM)', (r) =>
    r.queries === null
      ? '—'
      : kb(
          r.queries.cold.files
            .filter((f) => ENGINE_FILE.test(f.path))
            .reduce((sum, f) => sum + f.gzipBytes, 0),
        ),
  );
  row('search bytes on the wire (gzip), warm (max)', (r) =>
    r.queries === null ? '—' : kb(Math.max(...r.queries.warm.map((q) => q.gzipBytes))),
  );
  const g = results.generated;
  const lines = [
    `${g.items} items, ${g.pages} pages, ${g.issues} issues (${g.firstDate ?? ''} … ${g.lastDate ?? ''})`,
    table(rows),
  ];
  const c = results.conversion;
  if (c !== null) {
    lines.push(
      `conversion: ${c.pages} pages in ${s(c.wallMs)} (CPU ${s(c.cpuMs ?? 0)}) = ${c.pagesPerSecond.toFixed(1)} pages/s, peak ${mb(c.peakProcessBytes)}, ${c.itemsWritten} items written of ${g.items} generated`,
    );
  }
  if (results.yardstick !== null && results.folio !== null) {
    lines.push(
      `Folio / yardstick wall: ${(results.folio.totalMs / results.yardstick.totalMs).toFixed(2)}`,
    );
  }
  return lines.join('\n');
}

/** Where the last run's directories wait, in the work directory, until this run is measured. */
const SET_ASIDE = '.set-aside';

/**
 * Moves what the last run left in `dirs` aside with a rename, to be removed once this run is
 * measured (`removeSetAside`): removing tens of thousands of files keeps the file system busy
 * for a while after the removal returns, and a build started in that while pays for it (the
 * same cold build, each run removing the last one's output first: 9.7 s of system CPU in the
 * first of eight runs, 34.3 s in the last; bench/README.md). What an interrupted run set aside is
 * removed first.
 */
async function setAside(work: string, dirs: readonly string[], round = 0): Promise<void> {
  const aside = join(work, SET_ASIDE);
  if (round === 0) await rm(aside, { recursive: true, force: true });
  await mkdir(aside, { recursive: true });
  for (const [i, dir] of dirs.entries()) {
    if (existsSync(dir)) await rename(dir, join(aside, `${round}-${i}`));
  }
}

async function removeSetAside(work: string): Promise<void> {
  await rm(join(work, SET_ASIDE), { recursive: true, force: true });
}

/** One round of `--rounds`: the two cold builds' wall and CPU time and peak memory. */
interface Round {
  yardstickMs: number;
  folioMs: number;
  ratio: number;
  yardstickCpuMs: number;
  folioCpuMs: number;
  yardstickPeakBytes: number;
  folioPeakBytes: number;
}

function roundOf(yardstickSite: SiteResult, folioSite: SiteResult): Round {
  return {
    yardstickMs: yardstickSite.totalMs,
    folioMs: folioSite.totalMs,
    ratio: folioSite.totalMs / yardstickSite.totalMs,
    yardstickCpuMs: (yardstickSite.build.cpuMs ?? 0) + (yardstickSite.search?.cpuMs ?? 0),
    folioCpuMs: folioSite.build.cpuMs ?? 0,
    yardstickPeakBytes: yardstickSite.peakBytes,
    folioPeakBytes: folioSite.peakBytes,
  };
}

/** Each round's wall time, CPU time and peak on both sides, with its ratio. */
function roundsTable(rounds: readonly Round[]): string {
  const both = (yardstick: string, folio: string): string => `${yardstick} / ${folio}`;
  return table([
    ['round', 'wall yardstick / Folio', 'ratio', 'CPU yardstick / Folio', 'peak yardstick / Folio'],
    ...rounds.map((r, i) => [
      String(i + 1),
      both(s(r.yardstickMs), s(r.folioMs)),
      r.ratio.toFixed(2),
      both(s(r.yardstickCpuMs), s(r.folioCpuMs)),
      both(mb(r.yardstickPeakBytes), mb(r.folioPeakBytes)),
    ]),
  ]);
}

/** The rounds' ratios and their median: `1.31, 1.21, 1.27 (median 1.27)`. */
function roundsLine(rounds: readonly Round[]): string {
  const ratios = rounds.map((r) => r.ratio);
  const sorted = [...ratios].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  const median =
    sorted.length % 2 === 1
      ? (sorted[Math.floor(middle)] ?? 0)
      : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  return `${ratios.map((r) => r.toFixed(2)).join(', ')} (median ${median.toFixed(2)})`;
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      articles: { type: 'string', default: '1000' },
      seed: { type: 'string', default: String(DEFAULT_SEED) },
      work: { type: 'string', default: join(root, '.tmp/bench') },
      skip: { type: 'string', multiple: true, default: [] },
      incremental: { type: 'boolean', default: false },
      rounds: { type: 'string', default: '1' },
    },
  });
  const articles = wholeOption('articles', values.articles);
  const seed = wholeOption('seed', values.seed, 0);
  const roundCount = wholeOption('rounds', values.rounds);
  const work = resolve(values.work);
  const raw = join(work, 'raw');
  const content = join(work, 'content');
  await mkdir(work, { recursive: true });
  await setAside(work, [raw, content, join(work, 'converted'), ...roundOutputs(work)]);

  console.error(`generating ${articles} items…`);
  const generated = await generate({ articles, seed }, { raw, content, paper: DEFAULT_PAPER });

  let conversion: ConvertResult | null = null;
  if (!values.skip.includes('convert')) {
    if (await hasIngest()) {
      console.error(`converting ${generated.pages} raw pages…`);
      conversion = await convert(raw, join(work, 'converted'), generated.pages);
    } else {
      console.error('no converter in this checkout (folio ingest): conversion not measured');
    }
  }

  // Rounds before the last: both cold builds again, timed, the search not measured; each round
  // sets the last one's output aside like the run's start. Every second round builds Folio
  // first, so that neither side always follows the other.
  const rounds: Round[] = [];
  const sides = ['yardstick', 'folio'].filter((side) => !values.skip.includes(side));
  for (let round = 1; round < roundCount && sides.length === 2; round++) {
    const folioFirst = round % 2 === 0;
    console.error(
      `round ${round} of ${roundCount}: ${folioFirst ? 'Folio, then the yardstick' : 'the yardstick, then Folio'}…`,
    );
    const buildYardstick = (): Promise<SiteResult> =>
      yardstick(work, content, null, !values.skip.includes('pagefind'));
    const buildFolio = (): Promise<SiteResult> =>
      folio(content, folioDist(work), folioCache(work), null, 'Folio build');
    let site: SiteResult;
    let built: SiteResult;
    if (folioFirst) {
      built = await buildFolio();
      site = await buildYardstick();
    } else {
      site = await buildYardstick();
      built = await buildFolio();
    }
    rounds.push(roundOf(site, built));
    await setAside(work, roundOutputs(work), round);
  }

  let yardstickResult: SiteResult | null = null;
  if (!values.skip.includes('yardstick')) {
    console.error('building the yardstick…');
    yardstickResult = await yardstick(work, content, seed, !values.skip.includes('pagefind'));
  }
  let folioResult: SiteResult | null = null;
  let incremental: { date: string; site: SiteResult } | null = null;
  if (!values.skip.includes('folio')) {
    console.error('building Folio (cold)…');
    const outDir = folioDist(work);
    const cacheDir = folioCache(work);
    await rm(outDir, { recursive: true, force: true });
    await rm(cacheDir, { recursive: true, force: true });
    folioResult = await folio(content, outDir, cacheDir, seed, 'Folio build');
    if (values.incremental) {
      const date = await addOneDay(content, articles, seed);
      console.error(`rebuilding Folio with one more issue (${date})…`);
      // Same output directory and cache as the cold build: what did not change is reused.
      const site = await folio(content, outDir, cacheDir, null, 'Folio rebuild');
      incremental = { date, site };
    }
  }

  if (yardstickResult !== null && folioResult !== null) {
    rounds.push(roundOf(yardstickResult, folioResult));
  }
  const results = {
    articles,
    seed,
    generated,
    conversion,
    yardstick: yardstickResult,
    folio: folioResult,
    incremental,
    rounds,
  };
  console.log(report(results));
  if (rounds.length > 1) {
    console.log(`\n${roundsTable(rounds)}`);
    console.log(`Folio / yardstick wall, each round: ${roundsLine(rounds)}`);
  }
  const dir = join(work, 'results');
  await mkdir(dir, { recursive: true });
  const file = join(dir, `${articles}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  await writeFile(file, JSON.stringify({ ...results, machine: await machine() }, null, 2) + '\n');
  console.error(`results: ${file}`);
  await removeSetAside(work);
}

async function machine(): Promise<{ node: string; cpus: number; loadavg: number[]; date: string }> {
  const { cpus, loadavg } = await import('node:os');
  return {
    node: process.version,
    cpus: cpus().length,
    loadavg: loadavg(),
    date: new Date().toISOString(),
  };
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`bench: ${(error as Error).message}`);
  process.exitCode = 1;
});
