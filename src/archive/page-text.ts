/**
 * A page's original raw text, read from its page record (`page.json`) when the page's view renders
 * it. The content store keeps page records without it (`pageRecordSchema`): the file, validated
 * whole when the content was synced, is read again here for the one page that prints it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentDir } from './content-dir.ts';
import { pageSchema } from './schema.ts';

/** The raw text of the page record `id` (`<date>/<NN>/page`) of the content directory `dir`. */
export function pageText(id: string, dir: string = contentDir()): string {
  const file = join(dir, `${id}.json`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: cannot read the page's raw text: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const text = pageSchema.shape.text.safeParse(
    typeof json === 'object' && json !== null ? (json as { text?: unknown }).text : undefined,
  );
  if (!text.success) {
    throw new Error(`${file}: the page record holds no raw text ("text" must be a string)`);
  }
  return text.data;
}
