/**
 * What the indexer thread spends on each article, without Pagefind:
 * - `--content <dir>`: every article's Markdown body (front matter left out) normalised and
 *   encoded into the index form (`encodeText`, src/search/tokens.ts);
 * - `--site <folio-dist>`: every page of a built site made into its record as the indexer makes
 *   it (`recordOf`, src/search/record.ts: the HTML read by extract.ts, then the index form).
 *
 *   node bench/index-form.ts --content <dir> | --site <folio-dist> [--rounds N]
 *
 * Prints the time of each round over all of them (the texts are read before the first), and the
 * characters in and out.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
// record.ts sets the folding table, as the indexer has it.
import { recordOf } from '../src/search/record.ts';
import { encodeText } from '../src/search/tokens.ts';

const { values } = parseArgs({
  options: {
    content: { type: 'string' },
    site: { type: 'string' },
    rounds: { type: 'string', default: '3' },
  },
});
const rounds = Number(values.rounds);
if (!Number.isInteger(rounds) || rounds < 1)
  throw new Error(`--rounds: not a count: ${values.rounds}`);
const dir = values.site ?? values.content;
if (dir === undefined || (values.site !== undefined && values.content !== undefined)) {
  throw new Error('one of --content <dir> or --site <folio-dist>');
}

const FRONT_MATTER = /^---\n[\s\S]*?\n---\n/;
const files = (await readdir(dir, { recursive: true }))
  .filter((file) => file.endsWith(values.site === undefined ? '.md' : '.html'))
  .sort();
const texts = await Promise.all(
  files.map(async (file) => {
    const text = await readFile(join(dir, file), 'utf8');
    return values.site === undefined ? text.replace(FRONT_MATTER, '') : text;
  }),
);

/** The characters of one text's index form; for a page without an article, 0. */
const encode =
  values.site === undefined
    ? (text: string): number => encodeText(text).length
    : (text: string, i: number): number =>
        recordOf(dir, join(dir, files[i] ?? ''), text)?.content.length ?? 0;

const chars = texts.reduce((sum, text) => sum + text.length, 0);
for (let round = 1; round <= rounds; round++) {
  const started = performance.now();
  let out = 0;
  texts.forEach((text, i) => {
    out += encode(text, i);
  });
  const ms = performance.now() - started;
  console.log(
    `round ${round}: ${texts.length} ${values.site === undefined ? 'articles' : 'pages'}, ${chars} characters → ${out} in ${ms.toFixed(0)} ms`,
  );
}
