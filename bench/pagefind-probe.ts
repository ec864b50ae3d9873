/**
 * Measures what drives Pagefind's indexing cost: indexes the first `--limit` items of a content
 * directory through Pagefind's Node API in one `--mode`, and prints pages, files written and time.
 * Run it under `bench/measure` (or /usr/bin/time -v) to see the Pagefind process's peak memory.
 *
 *   node bench/pagefind-probe.ts --content <dir> --out <dir> --mode zh|en|zh-shards [--limit N]
 *
 * Modes: `zh` custom records in Chinese (Pagefind segments the text); `en` the same records
 * indexed as a language without segmentation; `zh-shards` one index per month, each written and
 * deleted before the next, so only one month is held in memory at a time; `zh-chars` / `en-chars`
 * every Han character a word of its own; `en-bigrams` overlapping Han bigrams as words.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as pagefind from 'pagefind';
import { readEntry } from './synth/read-entry.ts';
import { wholeOption } from '../src/cli-options.ts';

interface Record {
  url: string;
  year: string;
  month: string;
  title: string;
  content: string;
}

async function records(content: string, limit: number): Promise<Record[]> {
  const all: Record[] = [];
  const files = (await readdir(content, { recursive: true }))
    .filter((file) => /^\d{4}-\d{2}-\d{2}\/\d{2}\/\d{2,3}\.md$/.test(file))
    .sort()
    .slice(0, limit);
  for (const file of files) {
    const { data, body } = readEntry(await readFile(join(content, file), 'utf8'), file);
    const title = typeof data['title'] === 'string' ? data['title'] : '';
    all.push({
      url: `/${file.replace(/\.md$/, '/')}`,
      year: file.slice(0, 4),
      month: file.slice(0, 7),
      title,
      content: body,
    });
  }
  return all;
}

/** Han characters as separate words: a unigram index the browser can phrase-match. */
function spacedChars(text: string): string {
  return text.replace(/(\p{Script=Han})/gu, ' $1 ').replace(/\s+/g, ' ');
}

/** Overlapping Han bigrams as words. */
function bigrams(text: string): string {
  return text.replace(/\p{Script=Han}+/gu, (run) => {
    const chars = Array.from(run);
    if (chars.length < 2) return ` ${run} `;
    return ` ${chars
      .slice(0, -1)
      .map((c, i) => c + (chars[i + 1] ?? ''))
      .join(' ')} `;
  });
}

async function index(
  list: readonly Record[],
  language: string,
  out: string,
  transform: (text: string) => string = (text) => text,
): Promise<void> {
  const { index: created, errors } = await pagefind.createIndex({});
  if (created === undefined) throw new Error(`pagefind: ${errors.join('; ')}`);
  for (const r of list) {
    const added = await created.addCustomRecord({
      url: r.url,
      content: transform(r.content),
      language,
      meta: { title: r.title },
      filters: { year: [r.year] },
    });
    if (added.errors.length > 0) throw new Error(`pagefind ${r.url}: ${added.errors.join('; ')}`);
  }
  const written = await created.writeFiles({ outputPath: out });
  if (written.errors.length > 0) throw new Error(`pagefind: ${written.errors.join('; ')}`);
  await created.deleteIndex();
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      content: { type: 'string' },
      out: { type: 'string' },
      mode: { type: 'string', default: 'zh' },
      limit: { type: 'string', default: '1000000' },
    },
  });
  if (values.content === undefined || values.out === undefined) {
    throw new Error('give --content <dir> and --out <dir>');
  }
  const list = await records(values.content, wholeOption('limit', values.limit));
  const started = performance.now();
  try {
    if (values.mode === 'zh-shards') {
      for (const month of [...new Set(list.map((r) => r.month))]) {
        await index(
          list.filter((r) => r.month === month),
          'zh',
          join(values.out, month),
        );
      }
    } else if (values.mode === 'zh-chars') {
      await index(list, 'zh', values.out, spacedChars);
    } else if (values.mode === 'en-chars') {
      await index(list, 'en', values.out, spacedChars);
    } else if (values.mode === 'en-bigrams') {
      await index(list, 'en', values.out, bigrams);
    } else {
      await index(list, values.mode, values.out);
    }
  } finally {
    await pagefind.close();
  }
  console.log(
    JSON.stringify({
      mode: values.mode,
      records: list.length,
      indexMs: Math.round(performance.now() - started),
    }),
  );
}

main().catch((error: unknown) => {
  console.error(`pagefind-probe: ${(error as Error).message}`);
  process.exitCode = 1;
});
