/**
 * Writes a synthetic archive to disk: raw pages (`<raw>/<date>/<NN>.txt`) and/or the content
 * collection (`<content>/<date>/<NN>/<kk>.md` and `page.json`, by the converter's own writer,
 * from the generated truth). Each issue is written into a
 * temporary directory and renamed into place, so an interrupted run leaves whole issues only.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SynthDay } from './archive.ts';
import { renderPage } from '../../src/write/index.ts';
import { pad } from '../../src/write/layout.ts';

export interface WriteTargets {
  raw?: string | undefined;
  content?: string | undefined;
  paper: string;
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
      const rendered = renderPage(
        {
          paper,
          date: page.date,
          page: page.page,
          pageName: page.pageName,
          source: page.source,
          encoding: 'utf-8',
          text: page.text,
        },
        {
          items: page.items.map((item) => ({
            ...item,
            bylineInline: item.bylineStyle === 'inline' || item.bylineStyle === 'trailing',
            lines: { first: 1, last: 1 },
          })),
          furniture: page.furniture,
          pageName: page.pageName,
          warnings: [],
        },
      );
      await mkdir(join(temp, pad(page.page)));
      for (const file of rendered.files) {
        // Paths are `<date>/<NN>/<file>`: drop the date, the temporary directory stands for it.
        await writeFile(join(temp, file.path.slice(day.date.length + 1)), file.text);
      }
    }
  });
}

/** Writes one issue to every target given. */
export async function writeDay(day: SynthDay, targets: WriteTargets): Promise<void> {
  if (targets.raw !== undefined) await writeRawDay(targets.raw, day);
  if (targets.content !== undefined) await writeContentDay(targets.content, day, targets.paper);
}
