/**
 * What Folio's index form costs the indexer: every article of a content directory normalised
 * and encoded (`encodeText`, src/search/tokens.ts), as the indexer thread does once per article
 * in each build. `node bench/index-form.ts --content <dir> [--rounds N]` prints the time of each
 * round over all articles (their Markdown bodies, front matter left out) and the characters in
 * and out.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { useFolding } from '../src/search/normalize.ts';
import { foldingTable } from '../src/search/folding/table.ts';
import { encodeText } from '../src/search/tokens.ts';

const { values } = parseArgs({
  options: { content: { type: 'string' }, rounds: { type: 'string', default: '3' } },
});
if (values.content === undefined) throw new Error('--content <dir>: a content directory');
const rounds = Number(values.rounds);
if (!Number.isInteger(rounds) || rounds < 1)
  throw new Error(`--rounds: not a count: ${values.rounds}`);

const FRONT_MATTER = /^---\n[\s\S]*?\n---\n/;
const files = (await readdir(values.content, { recursive: true }))
  .filter((file) => file.endsWith('.md'))
  .sort();
const texts = await Promise.all(
  files.map(async (file) =>
    (await readFile(join(values.content as string, file), 'utf8')).replace(FRONT_MATTER, ''),
  ),
);
useFolding(foldingTable());

const chars = texts.reduce((sum, text) => sum + text.length, 0);
for (let round = 1; round <= rounds; round++) {
  const started = performance.now();
  let out = 0;
  for (const text of texts) out += encodeText(text).length;
  const ms = performance.now() - started;
  console.log(
    `round ${round}: ${texts.length} articles, ${chars} characters → ${out} in ${ms.toFixed(0)} ms`,
  );
}
