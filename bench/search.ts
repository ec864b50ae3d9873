/**
 * Search bytes on a Folio site already built (e.g. `<work>/folio-dist` of `npm run bench`): the
 * benchmark's queries through the site's own search page, the first cold, the rest warm, each
 * raw and as a host that gzips text serves it (bench/measure/search-bytes.ts).
 *
 *   node bench/search.ts --dist <dir> [--seed 1] [--queries q1,q2,…] [--step-bytes N]
 *                        [--further N] [--params P] [--json <file>]
 *
 * `--queries` replaces the benchmark's queries (comma-separated; the first is the cold one);
 * `--step-bytes` sets the page engine's step budget first (default: the engine's own);
 * `--further N` presses the page's more button ("更多结果" / "搜索更早的文章") up to N times after
 * each query and measures each press; `--params` adds filters or an order to the first URL
 * (`year=2024`, `sort=oldest`), which the page's form then keeps for the other queries.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { DEFAULT_SEED } from './generate.ts';
import { searchCost, type QueryCost } from './measure/search-bytes.ts';
import { queriesFor } from './queries.ts';
import { optionalWhole, wholeOption } from '../src/cli-options.ts';

const kb = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`;

function line(label: string, cost: QueryCost): string {
  return [
    label.padEnd(5),
    cost.query.padEnd(8, '　'),
    String(cost.results).padStart(3),
    kb(cost.bytes).padStart(10),
    kb(cost.gzipBytes).padStart(10),
    String(cost.requests).padStart(4),
    ` ${cost.span ?? ''}`,
  ].join(' ');
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      dist: { type: 'string' },
      seed: { type: 'string', default: String(DEFAULT_SEED) },
      queries: { type: 'string' },
      'step-bytes': { type: 'string' },
      further: { type: 'string', default: '0' },
      params: { type: 'string' },
      json: { type: 'string' },
    },
  });
  if (values.dist === undefined) throw new Error('--dist <dir>: a built Folio site');
  const stepBytes = optionalWhole('step-bytes', values['step-bytes'], 0);
  const queries =
    values.queries === undefined
      ? queriesFor(wholeOption('seed', values.seed, 0))
      : values.queries.split(',').filter((query) => query.trim() !== '');
  if (queries.length === 0) throw new Error('--queries: at least one query');
  const cost = await searchCost(
    values.dist,
    {
      kind: 'page',
      pagePath: 'search/',
      further: wholeOption('further', values.further, 0),
      ...(stepBytes === undefined ? {} : { stepBytes }),
      ...(values.params === undefined ? {} : { params: values.params }),
    },
    queries,
  );
  console.log('      query     hits        raw       gzip reqs  searched');
  console.log(line('cold', cost.cold));
  for (const warm of cost.warm) console.log(line('warm', warm));
  for (const press of cost.further) console.log(line('more', press));
  if (cost.problems.length > 0) console.log(`problems:\n${cost.problems.join('\n')}`);
  if (values.json !== undefined) {
    await writeFile(values.json, JSON.stringify(cost, null, 2) + '\n');
    console.error(`results: ${values.json}`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`bench search: ${(error as Error).message}`);
  process.exitCode = 1;
});
