/**
 * Folio's command line: argument parsing over the library. Every command returns an exit code;
 * errors are printed as one line naming the file (stack traces with --debug).
 */
import { parseArgs } from 'node:util';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { wholeOption } from './cli-options.ts';
import { configFile, loadConfig } from './config.ts';
import { count } from './counts.ts';
import {
  CONVERSION_DIR,
  ConversionRecord,
  converterFingerprint,
  recordFile,
} from './ingest/conversion-record.ts';
import { ingest } from './ingest/ingest.ts';
import { formatReport } from './ingest/report.ts';
import { evaluateCorpus, formatReport as formatEvalReport } from './eval/run.ts';
import { isShardKey, type BuildPart } from './shard/part.ts';
import type { AssembleReport } from './shard/assemble.ts';
import type { PlannedPart } from './shard/plan.ts';
import { tuneAllocator } from './site/allocator.ts';
import { cacheDir } from './site/cache-dir.ts';

const HELP = `Folio: a newspaper's raw page text → a static, searchable archive site.

Usage:
  folio build                                   convert raw/ into content/, then build the site
                                                (and its search index) into dist/
  folio build --content <dir> [--out <dir>]     build the site from a content directory, no converting
  folio build --content <dir> --shard <year>    build one year's pages and search index (or
              [--out <dir>]                     "undated": the raw files without a date)
  folio build --content <dir> --global          build the pages that span every year (home,
              [--out <dir>]                     calendar, reporters, on this day, search, feeds)
  folio build --sharded [--jobs <n>]            build every year as a shard and the global pages,
              [--content <dir>] [--out <dir>]   n at a time, rebuilding only the parts whose
                                                content changed, and assemble them into the site
  folio parts [--content <dir>] [--json]        list the parts (global, each year) with the
                                                options that build each and a fingerprint of
                                                what it is built from, for a CI job per part
  folio assemble --out <site> <dir>...          join a global build and shard builds into a site
  folio build … --force                         rebuild every page and search shard, reusing nothing
                                                of the last build
  folio ingest <raw-dir> [--out <content-dir>]  convert raw page text into a content directory
              [--force]                         (--force: every page, also those unchanged)
  folio preview [--out <dir>] [--port <n>]      serve the built site on localhost
  folio eval <corpus-dir> [--json]              measure recognition against a corpus's truth
  folio --help

Options:
  --content <dir>   build the site from this content directory, without converting
  --out <dir>       output directory (build, preview: dist/; ingest: content/;
                    assemble: the site, required)
  --shard <key>     build: one shard, a year (YYYY) or "undated"
  --global          build: the global pages, from every item's front matter
  --sharded         build: every shard and the global pages, then assemble (see docs/sharding.md)
  --jobs <n>        build --sharded: part builds at a time (default: the number of CPUs)
  --force           build: reuse nothing of the last build (converted pages, pages, content
                    store, search index); ingest: convert every page again
  --port <n>        preview port (default: 4321)
  --json            eval: print the report as JSON; parts: print the parts as JSON
  --debug           print stack traces
`;

const options = {
  content: { type: 'string' },
  out: { type: 'string' },
  shard: { type: 'string' },
  global: { type: 'boolean' },
  sharded: { type: 'boolean' },
  jobs: { type: 'string' },
  port: { type: 'string' },
  json: { type: 'boolean' },
  force: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  debug: { type: 'boolean' },
} as const;

export async function main(argv: string[]): Promise<number> {
  // Before Astro is loaded: its native modules read these when they load.
  tuneAllocator();
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true });
  } catch (error) {
    console.error(`folio: ${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || command === undefined || command === 'help') {
    console.log(HELP);
    return command === undefined && !values.help ? 2 : 0;
  }
  try {
    switch (command) {
      case 'build': {
        noPositionals(rest);
        const sharded = values.sharded === true;
        if (sharded && (values.shard !== undefined || values.global === true)) {
          throw new Error(`--sharded builds every part: it excludes --shard and --global`);
        }
        if (values.jobs !== undefined && !sharded) throw new Error('--jobs needs --sharded');
        const jobs = values.jobs === undefined ? {} : { jobs: wholeOption('jobs', values.jobs) };
        const part = buildPartOf(values.shard, values.global === true, values.content);
        if (values.content === undefined) {
          const status = convert('raw', 'content', values.force === true);
          if (status !== 0) {
            console.error('folio build: conversion failed; the site was not built');
            return status;
          }
        }
        if (sharded) {
          const { buildSharded } = await import('./shard/build-sharded.ts');
          const outDir = resolve(values.out ?? 'dist');
          const report = await buildSharded({
            contentDir: resolve(values.content ?? 'content'),
            outDir,
            ...jobs,
            force: values.force === true,
          });
          const built = report.parts.filter((p) => p.seconds !== null).length;
          const { files } = report.assembly;
          console.log(
            `Assembled ${count(files)} files of ${report.parts.length} parts (${built} built) ` +
              `into ${outDir} in ${report.assemblySeconds.toFixed(1)} s ${changes(report.assembly)}`,
          );
          await withinFileLimit(outDir);
          return 0;
        }
        // Astro is loaded only for the commands that need it: converting starts fast.
        const { buildSite } = await import('./site/build.ts');
        const { describeBuild } = await import('./site/build-report.ts');
        const { showBuildProgress } = await import('./site/build-progress.ts');
        const { progressWanted } = await import('./ingest/progress.ts');
        const outDir = resolve(values.out ?? 'dist');
        const started = performance.now();
        // On a terminal, the stage and the pages rendered so far, cleared at the end.
        const stopProgress = progressWanted() ? showBuildProgress() : () => undefined;
        const report = await buildSite({
          contentDir: resolve(values.content ?? 'content'),
          outDir,
          part,
          force: values.force === true,
        }).finally(stopProgress);
        console.log(describeBuild(report, outDir, (performance.now() - started) / 1000));
        // A part is not the site the host takes.
        if (part.kind === 'whole') await withinFileLimit(outDir);
        return 0;
      }
      case 'parts': {
        noPositionals(rest);
        const { planParts } = await import('./shard/plan.ts');
        const root = fileURLToPath(new URL('../', import.meta.url));
        const parts = planParts(root, resolve(values.content ?? 'content'));
        console.log(values.json ? JSON.stringify(parts) : formatParts(parts));
        return 0;
      }
      case 'assemble': {
        if (values.out === undefined) throw new Error('missing --out <site> (see folio --help)');
        if (rest.length === 0) throw new Error('missing the builds to assemble (see folio --help)');
        const { assemble } = await import('./shard/assemble.ts');
        const report = await assemble({ outDir: resolve(values.out), sources: rest });
        console.log(
          `Assembled ${count(report.files)} files of the global build and shards ` +
            `${report.shards.join(', ')} into ${resolve(values.out)} ${changes(report)}`,
        );
        await withinFileLimit(resolve(values.out));
        return 0;
      }
      case 'ingest': {
        const [rawDir, ...extra] = rest;
        if (rawDir === undefined) throw new Error('missing <raw-dir> (see folio --help)');
        noPositionals(extra);
        return convert(rawDir, values.out ?? 'content', values.force === true);
      }
      case 'preview': {
        noPositionals(rest);
        const { previewSite } = await import('./site/build.ts');
        await previewSite({
          outDir: resolve(values.out ?? 'dist'),
          port: values.port === undefined ? 4321 : wholeOption('port', values.port),
        });
        return 0;
      }
      case 'eval': {
        const [corpus, extra] = rest;
        if (corpus === undefined) throw new Error('missing <corpus-dir> (see folio --help)');
        if (extra !== undefined) throw new Error(`unexpected argument "${extra}"`);
        const report = await evaluateCorpus(resolve(corpus));
        console.log(values.json ? JSON.stringify(report, null, 2) : formatEvalReport(report));
        return 0;
      }
      default:
        console.error(`folio: unknown command "${command}"\n\n${HELP}`);
        return 2;
    }
  } catch (error) {
    console.error(`folio ${command}: ${describeError(error as Error)}`);
    if (values.debug) console.error(error);
    return 1;
  }
}

/** Fails when the site holds more files than the host takes (`maxFiles` in the configuration). */
async function withinFileLimit(siteDir: string): Promise<void> {
  const { maxFiles } = loadConfig();
  if (maxFiles === undefined) return;
  const { checkFileLimit } = await import('./site/file-limit.ts');
  const site = await checkFileLimit(siteDir, maxFiles, configFile());
  if (site !== null) {
    console.log(`${siteDir}: ${count(site.total)} files, within maxFiles (${count(maxFiles)})`);
  }
}

/**
 * An error's message, led by the file it is about when the error names one apart from its
 * message (Astro's content errors carry `loc.file`: a front matter that is not YAML).
 */
function describeError(error: Error): string {
  const file = (error as { loc?: { file?: unknown } }).loc?.file;
  return typeof file === 'string' && !error.message.includes(file)
    ? `${file}: ${error.message}`
    : error.message;
}

/** The parts as a table: name, the build options, the fingerprint. */
function formatParts(parts: readonly PlannedPart[]): string {
  const rows = [
    ['part', 'build options', 'fingerprint'],
    ...parts.map(({ part, args, fingerprint }) => [part, args.join(' '), fingerprint]),
  ];
  const widths = [0, 1].map((i) => Math.max(...rows.map((row) => row[i]?.length ?? 0)));
  return rows
    .map((row) =>
      row
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** What an assembly changed: `(1,141 copied, 224,428 kept from the previous site, 2 removed)`. */
function changes({ copied, kept, removed }: AssembleReport): string {
  const gone = removed > 0 ? `, ${count(removed)} removed` : '';
  return `(${count(copied)} copied, ${count(kept)} kept from the previous site${gone})`;
}

/**
 * Converts a raw directory, prints the run report; 1 when some file could not be converted.
 * Pages unchanged since the last run are not recognised again (ingest/conversion-record.ts),
 * unless `force`.
 */
function convert(rawDir: string, outDir: string, force: boolean): number {
  const root = fileURLToPath(new URL('../', import.meta.url));
  const file = recordFile(join(cacheDir(root), CONVERSION_DIR), rawDir);
  const fingerprint = converterFingerprint(root);
  const record = force
    ? ConversionRecord.fresh(file, fingerprint)
    : ConversionRecord.load(file, fingerprint);
  const report = ingest({ rawDir, outDir, config: loadConfig(), record });
  const text = formatReport(report);
  if (report.errors.length > 0) {
    process.stderr.write(text);
    return 1;
  }
  process.stdout.write(text);
  return 0;
}

/** The part `folio build` makes, from --shard / --global; both need --content. */
function buildPartOf(
  shard: string | undefined,
  global: boolean,
  content: string | undefined,
): BuildPart {
  if (shard !== undefined && global) throw new Error('--shard and --global exclude each other');
  if ((shard !== undefined || global) && content === undefined) {
    throw new Error(`--${global ? 'global' : 'shard'} needs --content <dir>`);
  }
  if (global) return { kind: 'global' };
  if (shard === undefined) return { kind: 'whole' };
  if (!isShardKey(shard))
    throw new Error(`--shard must be a year (YYYY) or "undated", not "${shard}"`);
  return { kind: 'shard', shard };
}

function noPositionals(rest: string[]): void {
  const [extra] = rest;
  if (extra !== undefined) throw new Error(`unexpected argument "${extra}" (see folio --help)`);
}
