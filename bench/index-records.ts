/**
 * What Pagefind spends on Folio's own records: the first `--limit` article pages of a built
 * Folio site (in path order) are made into records as the indexer makes them
 * (src/search/record.ts) and added to one Pagefind index filed under `--language`, which is
 * then written. Prints the Pagefind process's CPU time (user + sys, from /proc) for adding and
 * for writing, and the bytes of the bundle's fragments and index chunks.
 *
 * `--words N` keeps only each record's first N index words (how Pagefind's cost follows the
 * text: a record of 5 words against a whole one); `--max-fragments N` bundles the fragments as
 * Folio does under a file limit (src/search/fragment-budget.ts).
 *
 *   node bench/index-records.ts --site <folio-dist> --out <dir> [--limit 2500] [--language und]
 *                               [--words N] [--max-fragments N]
 */
import { readFileSync } from 'node:fs';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import type { ChildProcess } from 'node:child_process';
import { subscribe } from 'node:diagnostics_channel';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as pagefind from 'pagefind';
import type { CustomRecord } from 'pagefind';
import { recordOf } from '../src/search/record.ts';
import { firstWords } from './synth/first-words.ts';
import { optionalWhole } from '../src/cli-options.ts';

const services: ChildProcess[] = [];
subscribe('child_process', (message) => {
  services.push((message as { process: ChildProcess }).process);
});

/** CPU seconds (user + sys) of the Pagefind processes started so far. */
function pagefindCpu(): number {
  let ticks = 0;
  for (const { pid } of services) {
    if (pid === undefined) continue;
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // Exited already: not counted.
    }
  }
  return ticks / 100;
}

async function bytesUnder(dir: string): Promise<number> {
  let total = 0;
  for (const name of await readdir(dir)) total += (await stat(join(dir, name))).size;
  return total;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      site: { type: 'string' },
      out: { type: 'string' },
      limit: { type: 'string' },
      language: { type: 'string', default: 'und' },
      words: { type: 'string' },
      'max-fragments': { type: 'string' },
    },
  });
  const limit = optionalWhole('limit', values.limit) ?? 2500;
  const words = optionalWhole('words', values.words);
  const maxFragments = optionalWhole('max-fragments', values['max-fragments']);
  if (values.site === undefined || values.out === undefined) {
    throw new Error('give --site <folio-dist> and --out <dir>');
  }
  const site = values.site;
  const language = values.language;
  const pages = (await readdir(site, { recursive: true }))
    .filter((file) => /^\d{4}-\d{2}-\d{2}\/\d{2}\/\d{2,3}\/index\.html$/.test(file))
    .sort();
  const records: CustomRecord[] = [];
  for (const file of pages) {
    if (records.length >= limit) break;
    const record = recordOf(site, join(site, file), await readFile(join(site, file), 'utf8'));
    if (record === null) continue;
    const content = words === undefined ? record.content : firstWords(record.content, words);
    records.push({ ...record, content, language });
  }
  try {
    const { index, errors } = await pagefind.createIndex({
      forceLanguage: language,
      ...(maxFragments === undefined ? {} : { maxFragments }),
    });
    if (index === undefined) throw new Error(`pagefind: ${errors.join('; ')}`);
    const start = pagefindCpu();
    const added = await Promise.all(records.map((record) => index.addCustomRecord(record)));
    const failed = added.flatMap((a) => a.errors);
    if (failed.length > 0) throw new Error(`pagefind: ${failed.join('; ')}`);
    const afterAdding = pagefindCpu();
    await rm(values.out, { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath: values.out });
    if (written.errors.length > 0) throw new Error(`pagefind: ${written.errors.join('; ')}`);
    const afterWriting = pagefindCpu();
    console.log(
      JSON.stringify({
        language,
        records: records.length,
        words: words ?? 'all',
        maxFragments: maxFragments ?? 'one per record',
        addCpuSeconds: Number((afterAdding - start).toFixed(2)),
        writeCpuSeconds: Number((afterWriting - afterAdding).toFixed(2)),
        fragmentBytes: await bytesUnder(join(values.out, 'fragment')),
        indexBytes: await bytesUnder(join(values.out, 'index')),
      }),
    );
  } finally {
    await pagefind.close();
  }
}

main().catch((error: unknown) => {
  console.error(`index-records: ${(error as Error).message}`);
  process.exitCode = 1;
});
