/**
 * Folio's command line: argument parsing over the library. Every command returns an exit code;
 * errors are printed as one line naming the file (stack traces with --debug).
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { loadConfig } from './config.ts';
import { ingest } from './ingest/ingest.ts';
import { formatReport } from './ingest/report.ts';
import { evaluateCorpus, formatReport as formatEvalReport } from './eval/run.ts';

const HELP = `Folio: a newspaper's raw page text → a static, searchable archive site.

Usage:
  folio build                                   convert raw/ into content/, then build the site
                                                (and its search index) into dist/
  folio build --content <dir> [--out <dir>]     build the site from a content directory, no converting
  folio build … --force                         rebuild every page and search shard, reusing nothing
                                                of the last build
  folio ingest <raw-dir> [--out <content-dir>]  convert raw page text into a content directory
  folio preview [--out <dir>] [--port <n>]      serve the built site on localhost
  folio eval <corpus-dir> [--json]              measure recognition against a corpus's truth
  folio --help

Options:
  --content <dir>   build the site from this content directory, without converting
  --out <dir>       output directory (build, preview: dist/; ingest: content/)
  --force           build: reuse nothing of the last build (pages, content store, search index)
  --port <n>        preview port (default: 4321)
  --json            eval: print the report as JSON
  --debug           print stack traces
`;

const options = {
  content: { type: 'string' },
  out: { type: 'string' },
  port: { type: 'string' },
  json: { type: 'boolean' },
  force: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  debug: { type: 'boolean' },
} as const;

export async function main(argv: string[]): Promise<number> {
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
        if (values.content === undefined) {
          const status = convert('raw', 'content');
          if (status !== 0) {
            console.error('folio build: conversion failed; the site was not built');
            return status;
          }
        }
        // Astro is loaded only for the commands that need it: converting starts fast.
        const { buildSite } = await import('./site/build.ts');
        await buildSite({
          contentDir: resolve(values.content ?? 'content'),
          outDir: resolve(values.out ?? 'dist'),
          force: values.force === true,
        });
        return 0;
      }
      case 'ingest': {
        const [rawDir, ...extra] = rest;
        if (rawDir === undefined) throw new Error('missing <raw-dir> (see folio --help)');
        noPositionals(extra);
        return convert(rawDir, values.out ?? 'content');
      }
      case 'preview': {
        noPositionals(rest);
        const { previewSite } = await import('./site/build.ts');
        await previewSite({
          outDir: resolve(values.out ?? 'dist'),
          port: Number(values.port ?? 4321),
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
    console.error(`folio ${command}: ${(error as Error).message}`);
    if (values.debug) console.error(error);
    return 1;
  }
}

/** Converts a raw directory, prints the run report; 1 when some file could not be converted. */
function convert(rawDir: string, outDir: string): number {
  const report = ingest({ rawDir, outDir, config: loadConfig() });
  const text = formatReport(report);
  if (report.errors.length > 0) {
    process.stderr.write(text);
    return 1;
  }
  process.stdout.write(text);
  return 0;
}

function noPositionals(rest: string[]): void {
  const [extra] = rest;
  if (extra !== undefined) throw new Error(`unexpected argument "${extra}" (see folio --help)`);
}
