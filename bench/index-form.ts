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
import { htmlFiles } from '../src/search/index-articles.ts';
// record.ts sets the folding table, as the indexer has it.
import { recordOf } from '../src/search/record.ts';
import { encodeText } from '../src/search/tokens.ts';
import { readEntry } from './synth/read-entry.ts';
import { wholeOption } from '../src/cli-options.ts';

const { values } = parseArgs({
  options: {
    content: { type: 'string' },
    site: { type: 'string' },
    rounds: { type: 'string', default: '3' },
  },
});
const rounds = wholeOption('rounds', values.rounds);
const { site, content } = values;
const dir = site ?? content;
if (dir === undefined || (site !== undefined && content !== undefined)) {
  throw new Error('one of --content <dir> or --site <folio-dist>');
}

// A site's pages as the indexer lists them (the index's own directory left out, in path order).
const files =
  site !== undefined
    ? await htmlFiles(site)
    : (await readdir(dir, { recursive: true }))
        .filter((file) => file.endsWith('.md'))
        .sort()
        .map((file) => join(dir, file));
const texts = await Promise.all(
  files.map(async (file) => {
    const text = await readFile(file, 'utf8');
    return site === undefined ? readEntry(text, file).body : text;
  }),
);

/** The characters of one text's index form; for a page without an article, 0. */
const encode =
  site === undefined
    ? (text: string): number => encodeText(text).length
    : (text: string, i: number): number =>
        recordOf(site, files[i] ?? '', text)?.content.length ?? 0;

const chars = texts.reduce((sum, text) => sum + text.length, 0);
for (let round = 1; round <= rounds; round++) {
  const started = performance.now();
  let out = 0;
  texts.forEach((text, i) => {
    out += encode(text, i);
  });
  const ms = performance.now() - started;
  console.log(
    `round ${round}: ${texts.length} ${site === undefined ? 'articles' : 'pages'}, ${chars} characters → ${out} in ${ms.toFixed(0)} ms`,
  );
}
