/**
 * Writes a synthetic archive to disk: raw pages (`<raw>/<date>/<NN>.txt`) and/or the content
 * collection (`<content>/<date>/<NN>/<kk>.md` and `page.json`). Each issue is written into a
 * temporary directory and renamed into place, so an interrupted run leaves whole issues only.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SynthDay } from './archive.ts';
import { itemMarkdown, pageJson } from './markdown.ts';

export interface WriteTargets {
  raw?: string | undefined;
  content?: string | undefined;
  paper: string;
}

/** Two digits, three when more than 99 (the content layout's page and order numbers). */
export function pad(n: number): string {
  return String(n).padStart(2, '0');
}

async function replaceDir(target: string, fill: (dir: string) => Promise<void>): Promise<void> {
  const temp = `${target}.tmp-${process.pid}`;
  await rm(temp, { recursive: true, force: true });
  await mkdir(temp, { recursive: true });
  await fill(temp);
  await rm(target, { recursive: true, force: true });
  await rename(temp, target);
}

async function writeRawDay(dir: string, day: SynthDay): Promise<void> {
  await replaceDir(join(dir, day.date), async (temp) => {
    for (const page of day.pages) await writeFile(join(temp, `${pad(page.page)}.txt`), page.text);
  });
}

async function writeContentDay(dir: string, day: SynthDay, paper: string): Promise<void> {
  await replaceDir(join(dir, day.date), async (temp) => {
    for (const page of day.pages) {
      const pageDir = join(temp, pad(page.page));
      await mkdir(pageDir);
      await writeFile(
        join(pageDir, 'page.json'),
        pageJson({
          paper,
          date: page.date,
          page: page.page,
          pageName: page.pageName,
          source: page.source,
          encoding: 'utf-8',
          furniture: page.furniture,
          text: page.text,
        }),
      );
      let order = 0;
      for (const item of page.items) {
        order++;
        const markdown = itemMarkdown(
          {
            paper,
            date: page.date,
            page: page.page,
            pageName: page.pageName,
            kind: item.kind,
            order,
            kicker: item.kicker,
            title: item.title,
            subtitle: item.subtitle,
            byline: item.byline,
            authors: item.authors,
            source: page.source,
          },
          item.paragraphs,
        );
        await writeFile(join(pageDir, `${pad(order)}.md`), markdown);
      }
    }
  });
}

/** Writes one issue to every target given. */
export async function writeDay(day: SynthDay, targets: WriteTargets): Promise<void> {
  if (targets.raw !== undefined) await writeRawDay(targets.raw, day);
  if (targets.content !== undefined) await writeContentDay(targets.content, day, targets.paper);
}
