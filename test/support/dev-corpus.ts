/**
 * The dev corpus as an archive content directory, written at test time from the corpus truth
 * (`../shared/corpus/dev/truth`): one Markdown item per truth item, one page record per page. The
 * corpus texts are read from `../shared`, never kept in the repository.
 */
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Root } from 'mdast';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { stringify } from 'yaml';
import { itemSchema, pageSchema, type ItemData } from '../../src/archive/schema.ts';
import { truthSchema } from '../../src/eval/truth.ts';

export const DEV_CORPUS = join(import.meta.dirname, '../../../shared/corpus/dev');
const PAPER = '永康日报';

export interface CorpusItem {
  /** `<date>/<NN>/<kk>`, as the content collection names it. */
  id: string;
  data: ItemData;
  paragraphs: string[];
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function markdown(paragraphs: string[]): string {
  const tree: Root = {
    type: 'root',
    children: paragraphs.map((text) => ({
      type: 'paragraph',
      children: [{ type: 'text', value: text }],
    })),
  };
  return unified().use(remarkStringify).stringify(tree);
}

/** Writes the dev corpus as content into `dir`; returns its items in id order. */
export async function writeDevContent(dir: string): Promise<CorpusItem[]> {
  const items: CorpusItem[] = [];
  const truthDir = join(DEV_CORPUS, 'truth');
  for (const date of (await readdir(truthDir)).sort()) {
    for (const file of (await readdir(join(truthDir, date))).sort()) {
      const truth = truthSchema.parse(
        JSON.parse(await readFile(join(truthDir, date, file), 'utf8')),
      );
      const page = truth.page ?? Number.parseInt(file, 10);
      const pageName = truth.pageName ?? null;
      const pageDir = join(dir, date, pad(page));
      await mkdir(pageDir, { recursive: true });
      const source = `${date}/${file.replace(/\.json$/, '.txt')}`;
      const record = pageSchema.parse({
        paper: PAPER,
        date,
        page,
        pageName,
        source,
        encoding: 'utf-8',
        furniture: [],
        text: await readFile(join(DEV_CORPUS, 'raw', source), 'utf8'),
      });
      await writeFile(join(pageDir, 'page.json'), JSON.stringify(record, null, 2) + '\n');
      for (const [i, item] of truth.items.entries()) {
        const data = itemSchema.parse({
          paper: PAPER,
          date,
          page,
          pageName,
          kind: item.kind,
          order: i + 1,
          kicker: item.kicker,
          title: item.title,
          subtitle: item.subtitle,
          byline: item.byline,
          authors: item.authors,
          source,
        });
        const frontMatter = stringify(data, {
          defaultStringType: 'QUOTE_DOUBLE',
          defaultKeyType: 'PLAIN',
        });
        await writeFile(
          join(pageDir, `${pad(i + 1)}.md`),
          `---\n${frontMatter}---\n\n${markdown(item.paragraphs)}`,
        );
        items.push({
          id: `${date}/${pad(page)}/${pad(i + 1)}`,
          data,
          paragraphs: item.paragraphs,
        });
      }
    }
  }
  return items;
}
